#!/bin/sh
# The skpi tool of a build that leaves optional parts out (SKPI_WITH_PDF,
# SKPI_WITH_XLSX, SKPI_WITH_CURL OFF): asking for one fails with an exit
# code that is not 0 and a one-line message naming the build option, and
# writes no report file. Only the options given as arguments are checked.
# usage: left_out.sh SKPI WORK OPTION...
set -u
skpi=$1 work=$2
shift 2
rm -rf "$work" && mkdir -p "$work" || exit 1
"$skpi" demo -d "$work/demo" -q >/dev/null || { echo "skpi demo failed"; exit 1; }
status=0
check() { # OPTION COMMAND...
  option=$1; shift
  if "$@" >"$work/out" 2>"$work/err"; then
    echo "FAIL: '$*' succeeded without $option"; status=1; return
  fi
  if ! grep -q "$option" "$work/err" || [ "$(wc -l <"$work/err")" -ne 1 ]; then
    echo "FAIL: '$*' did not say in one line that $option is off:"; cat "$work/err"; status=1
  fi
}
config="--config $work/demo/definitions.json --db $work/demo/demo.db"
for option in "$@"; do
  case $option in
    SKPI_WITH_PDF)
      check "$option" "$skpi" report $config --report monthly --as-of 2026-04-01 --format pdf -o "$work/r.pdf"
      [ ! -e "$work/r.pdf" ] || { echo "FAIL: a report.pdf was left behind"; status=1; } ;;
    SKPI_WITH_XLSX)
      check "$option" "$skpi" report $config --report monthly --as-of 2026-04-01 --format xlsx -o "$work/r.xlsx"
      [ ! -e "$work/r.xlsx" ] || { echo "FAIL: a report.xlsx was left behind"; status=1; } ;;
    SKPI_WITH_CURL)
      SKPI_SMTP_URL=smtp://127.0.0.1:9 SKPI_MAIL_FROM=reports@example.com \
        check "$option" "$skpi" send $config --report monthly --to ceo@example.com ;;
    *) echo "unknown option $option"; exit 2 ;;
  esac
done
[ $status -eq 0 ] && echo "left out as expected: $*"
exit $status
