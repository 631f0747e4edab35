#!/bin/sh
# Compile the umbrella header alone as C99 and as C++ with strict warnings.
set -eu
inc=$1; out=$2
mkdir -p "$out"
printf '#include <socialkpi.h>\nint main(void) { return skpi_version() > 0 ? 0 : 1; }\n' > "$out/h.c"
cp "$out/h.c" "$out/h.cpp"
cc -std=c99 -Wall -Wextra -pedantic -Werror -I"$inc" -c "$out/h.c" -o "$out/h_c.o"
c++ -std=c++11 -Wall -Wextra -pedantic -Werror -I"$inc" -c "$out/h.cpp" -o "$out/h_cpp.o"
# The experimental API too (docs/ABI.md).
cc -std=c99 -Wall -Wextra -pedantic -Werror -DSKPI_EXPERIMENTAL -I"$inc" -c "$out/h.c" -o "$out/h_x.o"
c++ -std=c++11 -Wall -Wextra -pedantic -Werror -DSKPI_EXPERIMENTAL -I"$inc" -c "$out/h.cpp" -o "$out/h_xpp.o"
# Each public header also stands alone.
for h in "$inc"/socialkpi/*.h; do
  name=$(basename "$h" .h)
  printf '#include <socialkpi/%s.h>\n' "$name" > "$out/one_$name.c"
  cc -std=c99 -Wall -Wextra -pedantic -Werror -I"$inc" -c "$out/one_$name.c" -o "$out/one_$name.o"
done
echo "headers compile as C99 and C++"
