#!/bin/sh
# Install into a scratch prefix, then build the examples against the installed
# library twice: with find_package(socialkpi) and with pkg-config.
set -eu
src=$1; build=$2; work=$3
rm -rf "$work"; mkdir -p "$work"
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
libdir=$(ls -d "$prefix"/lib* | head -n 1)
test -f "$prefix/include/socialkpi.h"
test -e "$libdir/libsocialkpi.so.0"
test -f "$libdir/libsocialkpi.a"

# find_package(socialkpi) gives socialkpi::socialkpi
cmake -S "$src/examples" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log"
cmake --build "$work/cmake-build" >"$work/build.log"
LD_LIBRARY_PATH="$libdir" "$work/cmake-build/rollup_table" "$src/examples/data/daily_metrics.csv" >"$work/cmake-run.txt"

# pkg-config --cflags --libs socialkpi
export PKG_CONFIG_PATH="$libdir/pkgconfig"
flags=$(pkg-config --cflags --libs socialkpi)
cc -std=c11 -Wall -Wextra -Werror "$src/examples/rollup_table.c" -o "$work/rollup_pc" $flags
LD_LIBRARY_PATH="$libdir" "$work/rollup_pc" "$src/examples/data/daily_metrics.csv" >"$work/pc-run.txt"
cmp "$work/cmake-run.txt" "$work/pc-run.txt"
grep -q '2026-W' "$work/pc-run.txt"
echo "installed library works through find_package and pkg-config"
