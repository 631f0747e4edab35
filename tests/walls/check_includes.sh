#!/bin/sh
# The include wall: a module of lib/ includes its own headers, public
# headers (socialkpi/...) and lib/core/ (shared internals), never another
# module's private header. Crossings that exist today are listed in
# tests/walls/allowed.txt with their reason; a new crossing fails, and so
# does a listed one that is gone (delete its line: the list only shrinks).
#   tests/walls/check_includes.sh LIBDIR ALLOWED
set -eu
lib=$1; allowed=$2
found=$(for dir in "$lib"/*/; do
  m=$(basename "$dir")
  for f in "$dir"*.c "$dir"*.h "$dir"*.inc; do
    [ -f "$f" ] || continue
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([a-z_0-9]*\)\/\([^"]*\)".*/\1 \2/p' "$f" |
    while read -r other header; do
      case "$other" in "$m"|core|socialkpi) continue ;; esac
      echo "$m/$(basename "$f") -> $other/$header"
    done
  done
done | sort -u)
listed=$(sed -e 's/[[:space:]]*#.*//' -e '/^$/d' "$allowed" | sort -u)
new=$(printf '%s\n' "$found" | grep -v -x -F -e "$listed" | sed '/^$/d' || true)
[ -n "$listed" ] || new=$found
gone=$(printf '%s\n' "$listed" | grep -v -x -F -e "$found" | sed '/^$/d' || true)
[ -n "$found" ] || gone=$listed
status=0
if [ -n "$new" ]; then
  echo "modules include another module's private header (use its public header, or move"
  echo "the shared part to lib/core/):"
  printf '%s\n' "$new"
  status=1
fi
if [ -n "$gone" ]; then
  echo "crossings listed in $allowed no longer exist; delete their lines:"
  printf '%s\n' "$gone"
  status=1
fi

# Data flows one way, report -> doc <- render: the document and the
# renderers see no public header of the stages that feed the document, not
# even through another header (the compiler lists every header it reads).
root=$(dirname "$lib")
for m in doc render; do
  for f in "$lib/$m"/*.c; do
    seen=$(${CC:-cc} -std=c11 -fsyntax-only -H -DSKPI_BUILDING -I "$lib" -I "$root/include" "$f" 2>&1 |
           sed -n 's/^\.* .*include\/socialkpi\/\([a-z_]*\)\.h$/\1/p' | sort -u)
    for h in report dataset goal okr store definitions import effort; do
      if printf '%s\n' "$seen" | grep -q -x "$h"; then
        echo "lib/$m/$(basename "$f") reads socialkpi/$h.h: $m must not know that stage"
        status=1
      fi
    done
  done
done

[ $status -eq 0 ] && echo "include wall holds ($(printf '%s\n' "$listed" | sed '/^$/d' | wc -l) listed crossings left)"
exit $status
