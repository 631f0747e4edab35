#!/bin/sh
# `cmake --install` puts skpi and its sample in place: the installed program,
# run from elsewhere with nothing in its environment, finds the sample next
# to itself and writes the demo report.
# usage: installed_demo.sh BUILD WORK
set -eu
build=$1; work=$2
rm -rf "$work"; mkdir -p "$work/elsewhere"
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
test -x "$prefix/bin/skpi"
test -f "$prefix/share/socialkpi/demo/definitions.json"
cd "$work/elsewhere"
out=$(env -u SKPI_DEMO_DIR -u SKPI_DB -u SKPI_CONFIG HOME="$work/home" "$prefix/bin/skpi" demo -q --generated-at none)
[ "$out" = "report: $work/elsewhere/skpi-demo/report.html" ] || { echo "unexpected output: $out"; exit 1; }
grep -q '<html' skpi-demo/report.html
"$prefix/bin/skpi" --version | grep -q '^skpi '
echo "installed skpi wrote $work/elsewhere/skpi-demo/report.html"
