#!/bin/sh
# The include wall catches what it is for: with an empty list of allowed
# crossings, a module that includes another module's private header fails
# the check, and the same tree without that include passes.
#   tests/walls/check_includes_selftest.sh CHECK_SCRIPT
set -eu
check=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lib/alpha" "$tmp/lib/beta" "$tmp/lib/core" "$tmp/include"
printf '/* beta private */\n' > "$tmp/lib/beta/beta_internal.h"
printf '#include "core/shared.h"\nint alpha(void) { return 0; }\n' > "$tmp/lib/alpha/alpha.c"
printf '/* core */\n' > "$tmp/lib/core/shared.h"
printf '# nothing allowed\n' > "$tmp/allowed.txt"
"$check" "$tmp/lib" "$tmp/allowed.txt" > "$tmp/clean.out" 2>&1 || { cat "$tmp/clean.out"; echo "a clean tree failed"; exit 1; }
printf '#include "beta/beta_internal.h"\n' >> "$tmp/lib/alpha/alpha.c"
if "$check" "$tmp/lib" "$tmp/allowed.txt" > "$tmp/cross.out" 2>&1; then
  cat "$tmp/cross.out"; echo "a new crossing passed the wall"; exit 1
fi
grep -q "alpha/alpha.c -> beta/beta_internal.h" "$tmp/cross.out" || { cat "$tmp/cross.out"; echo "the crossing is not named"; exit 1; }
echo "the wall fails on a new crossing and names it"
