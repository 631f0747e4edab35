#!/bin/sh
# One end-to-end case of the skpi tool (tests/cli/cases.txt): run a command
# line with `skpi` on the PATH, then compare its exit code, standard output
# and standard error with tests/cli/expected/NAME.out and NAME.err (an
# absent file means the stream must be empty). Paths of the work folder, the
# source tree and the real exports ($SKPI_TEST_DATA) are written @WORK@, @SRC@ and @DATA@ in
# the expected files. SKPI_CLI_UPDATE=1 rewrites the expected files instead
# (review the diff before committing them).
# usage: run_case.sh SKPI SRC WORK NAME EXIT COMMAND
set -u
skpi=$1 src=$2 work=$3 name=$4 want=$5 line=$6
data=${SKPI_TEST_DATA:-$src/missing-test-data}
expected="$src/tests/cli/expected"
case "$line" in
  *'$DATA'*) [ -d "$data/exports" ] || { echo "skipped: SKPI_TEST_DATA does not name a folder of real exports"; exit 77; } ;;
esac
mkdir -p "$work"
out="$work/$name.stdout" err="$work/$name.stderr"
bindir=$(dirname "$skpi")
# SKPI_VALGRIND=1: every skpi of the case runs under valgrind memcheck; any
# error or definite leak fails the case (CI runs the cases so, docs/testing.md);
# "possibly lost" blocks are ICU's process-wide caches (plural rules), not shown.
vglogs=""
if [ -n "${SKPI_VALGRIND:-}" ]; then
  bindir="$work/valgrind-bin/$name"; vglogs="$work/valgrind-logs/$name"
  rm -rf "$bindir" "$vglogs"; mkdir -p "$bindir" "$vglogs"
  printf '#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --log-file=%s/%%p.log %s "$@"\n' \
    "$vglogs" "$skpi" >"$bindir/skpi"
  chmod +x "$bindir/skpi"
fi
# A fixed environment: no store or definitions from the caller's.
env -u SKPI_DB -u SKPI_CONFIG HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" \
    PATH="$bindir:$PATH" SRC="$src" WORK="$work" DATA="$data" LC_ALL=C \
    sh -c "cd \"\$WORK\" && $line" >"$out" 2>"$err"
got=$?
normalise() {
  sed -e "s|$work|@WORK@|g" -e "s|$data|@DATA@|g" -e "s|$src|@SRC@|g" "$1"
}
status=0
if [ -n "$vglogs" ]; then
  for log in "$vglogs"/*.log; do
    [ -s "$log" ] || continue
    echo "$name: valgrind found errors:"; cat "$log"; status=1
  done
fi
if [ -n "${SKPI_CLI_UPDATE:-}" ]; then
  for s in out err; do
    if [ $s = out ]; then f=$out; else f=$err; fi
    if [ -s "$f" ]; then normalise "$f" >"$expected/$name.$s"; else rm -f "$expected/$name.$s"; fi
  done
fi
if [ "$got" != "$want" ]; then
  echo "$name: exit code $got, expected $want"; status=1
fi
for s in out err; do
  if [ $s = out ]; then f=$out; else f=$err; fi
  if [ -f "$expected/$name.$s" ]; then
    if ! normalise "$f" | diff -u "$expected/$name.$s" -; then
      echo "$name: standard ${s}put differs from tests/cli/expected/$name.$s"; status=1
    fi
  elif [ -s "$f" ]; then
    echo "$name: unexpected standard ${s}put:"; cat "$f"; status=1
  fi
done
[ $status = 0 ] && echo "$name: ok"
exit $status
