#!/bin/sh
# Compare the shared library's dynamic exports, each with its version node
# ("skpi_x SOCIALKPI_0"), with the committed list: a symbol that appears,
# disappears or moves to another node fails. A symbol that moves to another
# node is a break (programs linked against name@NODE no longer resolve).
# After adding API on purpose: tests/abi/check_exports.sh LIB tests/abi/exports.txt --update
set -eu
lib=$1; list=$2
actual=$(nm -D --defined-only "$lib" | awk '$3 != "" {print $3}' \
  | grep -v -E '^(_init|_fini|SOCIALKPI_[A-Z0-9_.]*)$' \
  | sed -e 's/@@*/ /' | sort -u)
if [ "${3:-}" = "--update" ]; then
  printf '%s\n' "$actual" > "$list"; echo "updated $list"; exit 0
fi
bad=$(printf '%s\n' "$actual" | grep -v '^skpi_' || true)
if [ -n "$bad" ]; then
  echo "symbols outside the skpi_ namespace are exported:"; printf '%s\n' "$bad"; exit 1
fi
unversioned=$(printf '%s\n' "$actual" | grep -v ' SOCIALKPI_' || true)
if [ -n "$unversioned" ]; then
  echo "symbols without a SOCIALKPI_ version node (lib/socialkpi.map):"; printf '%s\n' "$unversioned"; exit 1
fi
if ! printf '%s\n' "$actual" | diff -u "$list" - ; then
  echo "exports differ from $list (+ new, - gone; a symbol that is gone or has moved to"
  echo "another version node breaks users; new symbols belong in the newest node)"
  exit 1
fi
echo "$(printf '%s\n' "$actual" | wc -l) exports match $list, each in its version node"
