#!/usr/bin/env python3
"""Validate JSON reports against docs/report-schema.json (JSON Schema 2020-12).

usage: check_json_schema.py SCHEMA REPORT.json...
Exits 77 (ctest: skipped) when python3-jsonschema is not installed.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("SKIPPED: python3-jsonschema is not installed (scripts/install-deps installs it)")
    sys.exit(77)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    for path in sys.argv[2:]:
        errors = sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=str)
        for e in errors:
            print("%s: %s at %s" % (path, e.message, "/".join(str(p) for p in e.absolute_path)))
        failed += 1 if errors else 0
    print("%d passed, %d failed" % (len(sys.argv) - 2 - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
