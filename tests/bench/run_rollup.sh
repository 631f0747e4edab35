#!/bin/sh
# Run the rollup benchmark: the C program from a build folder, then numpy
# and pandas on the same data, and print one table per size. Builds nothing.
#   tests/bench/run_rollup.sh BUILD_DIR [--sizes 1M,10M,100M] [--nan FRACTION]
# BUILD_DIR is a Release or RelWithDebInfo build with SKPI_BUILD_BENCH=ON.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then
  echo "usage: $0 BUILD_DIR [--sizes 1M,10M,100M] [--nan FRACTION]" >&2
  exit 2
fi
build=$1
shift
bin=$build/tests/bench/bench_rollup
if [ ! -x "$bin" ]; then
  echo "$bin is missing: build it first (cmake --build $build --target bench_rollup)" >&2
  exit 2
fi
sizes=1M,10M
nan=0
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --nan) nan=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$bin" --sizes "$sizes" --nan "$nan" --results "$tmp" > "$tmp/c.txt"
/usr/bin/python3 "$here/bench_rollup.py" --sizes "$sizes" --nan "$nan" --results "$tmp"
# the daylight-saving case: a month rollup in America/Los_Angeles against UTC
echo "Month sum in a DST zone against UTC (same process, round-robin):"
grep -e "^N = " -e "America/Los_Angeles" "$tmp/c.txt"
