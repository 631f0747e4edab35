#!/bin/sh
# Compare the shared library with the abidw baseline of the last release:
# a removed or changed function, variable or type fails; added symbols pass,
# and so does a versioned struct grown at its end (tests/abi/abidiff.supp).
# usage: check_abi.sh LIB INCLUDE_DIR BASELINE
#        check_abi.sh LIB INCLUDE_DIR BASELINE --update   (at a release only)
set -u
lib=$1 include=$2 baseline=$3
here=$(dirname "$0")
command -v abidiff >/dev/null || { echo "skipped: abidiff not installed (abigail-tools)"; exit 77; }
if ! readelf -S "$lib" | grep -q '\.debug_info'; then
  echo "skipped: $lib has no debug information (build RelWithDebInfo or Debug)"; exit 77
fi
if [ "${4:-}" = "--update" ]; then
  abidw --no-corpus-path --no-comp-dir-path --short-locs --headers-dir "$include/socialkpi" \
    --header-file "$include/socialkpi.h" --out-file "$baseline" "$lib" || exit 1
  echo "updated $baseline"; exit 0
fi
abidiff --no-added-syms --suppressions "$here/abidiff.supp" --headers-dir2 "$include/socialkpi" \
  --header-file2 "$include/socialkpi.h" "$baseline" "$lib"
rc=$?
if [ $rc -ne 0 ]; then
  echo "the ABI differs from $baseline (abidiff exit $rc): a released function,"
  echo "variable or type was removed or changed; add new API instead (docs/ABI.md)"
  exit 1
fi
echo "ABI compatible with $(basename "$baseline")"
