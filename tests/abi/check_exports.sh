#!/bin/sh
# Compare the shared library's dynamic exports with the committed list.
# After adding API on purpose: tests/abi/check_exports.sh LIB tests/abi/exports.txt --update
set -eu
lib=$1; list=$2
actual=$(nm -D --defined-only "$lib" | awk '$3 != "" {print $3}' | grep -v -E '^(_init|_fini|SOCIALKPI_[0-9_]*)$' | sed 's/@.*//' | sort -u)
if [ "${3:-}" = "--update" ]; then
  printf '%s\n' "$actual" > "$list"; echo "updated $list"; exit 0
fi
bad=$(printf '%s\n' "$actual" | grep -v '^skpi_' || true)
if [ -n "$bad" ]; then
  echo "symbols outside the skpi_ namespace are exported:"; printf '%s\n' "$bad"; exit 1
fi
if ! printf '%s\n' "$actual" | diff -u "$list" - ; then
  echo "exports differ from $list (lines with + are new, - are gone; removing a symbol breaks users)"
  exit 1
fi
echo "$(printf '%s\n' "$actual" | wc -l) exports match $list"
