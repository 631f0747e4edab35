#!/bin/sh
# Runs a test on the real exports only when SKPI_TEST_DATA names the folder
# that holds them (exports/...); otherwise reports the test as skipped (exit
# 77, ctest's SKIP_RETURN_CODE). Those files carry no licence to
# redistribute, so they never live in this repository.
# usage: require_data.sh COMMAND [ARG...]
if [ -z "${SKPI_TEST_DATA:-}" ] || [ ! -d "$SKPI_TEST_DATA/exports" ]; then
  echo "skipped: SKPI_TEST_DATA does not name a folder of real exports (docs/testing.md)"
  exit 77
fi
exec "$@"
