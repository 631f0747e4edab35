"""The JSON Schema of definitions (docs/definitions-schema.json), checked
with the independent jsonschema package: it is a valid 2020-12 schema, it
accepts the fixtures the library loads and the canonical form the library
saves, and it rejects what the library rejects for its structure."""
import ctypes
import glob
import json
import os

import pytest

jsonschema = pytest.importorskip("jsonschema")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "docs", "definitions-schema.json")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "definitions")
GOOD = ["full.json", "minimal.json", "sequence.json"]


@pytest.fixture(scope="module")
def validator():
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def lib():
    path = os.environ.get("SOCIALKPI_LIBRARY")
    if not path:
        pytest.skip("SOCIALKPI_LIBRARY is not set")
    lib = ctypes.CDLL(path)
    lib.skpi_definitions_load_file.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p,
                                               ctypes.c_void_p]
    lib.skpi_definitions_save_buffer.argtypes = [ctypes.POINTER(ctypes.c_void_p),
                                                 ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p]
    lib.skpi_definitions_free.argtypes = [ctypes.c_void_p]
    lib.skpi_free.argtypes = [ctypes.c_void_p]
    lib.skpi_last_error.restype = ctypes.c_char_p
    return lib


def saved_form(lib, path):
    defs = ctypes.c_void_p()
    assert lib.skpi_definitions_load_file(ctypes.byref(defs), path.encode(), None) == 0, \
        lib.skpi_last_error()
    text = ctypes.c_void_p()
    size = ctypes.c_size_t()
    assert lib.skpi_definitions_save_buffer(ctypes.byref(text), ctypes.byref(size), defs) == 0
    data = ctypes.string_at(text, size.value).decode("utf-8")
    lib.skpi_free(text)
    lib.skpi_definitions_free(defs)
    return json.loads(data)


@pytest.mark.parametrize("name", GOOD)
def test_fixture_matches_schema(validator, name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        validator.validate(json.load(f))


@pytest.mark.parametrize("name", GOOD)
def test_saved_form_matches_schema(validator, lib, name):
    validator.validate(saved_form(lib, os.path.join(FIXTURES, name)))


def test_every_good_fixture_is_listed():
    names = {os.path.basename(p) for p in glob.glob(os.path.join(FIXTURES, "*.json"))}
    assert names - set(GOOD) == {"bad_target.json", "corrupt.json"}


@pytest.mark.parametrize("document", [
    {},                                                    # no version
    {"version": 2},
    {"version": 1, "goal": []},                            # unknown member
    {"version": 1, "goals": [{"id": "g"}]},                # no name
    {"version": 1, "goals": [{"id": "g h", "name": "G"}]}, # bad id
    {"version": 1, "goals": [{"id": "g", "name": "G", "start": "2026-01-01"}]},
    {"version": 1, "goals": [{"id": "g", "name": "G", "baseline": {}}]},
    {"version": 1, "objectives": [{"id": "o", "title": "O", "parent_weight": 2}]},
    {"version": 1, "objectives": [{"id": "o", "title": "O", "curve": [[0, 0]]}]},
    {"version": 1, "objectives": [{"id": "o", "title": "O",
                                   "key_results": [{"title": "k", "stretch": 3}]}]},
    {"version": 1, "objectives": [{"id": "o", "title": "O",
                                   "key_results": [{"title": "k", "start": 0, "target": "1 hour"}]}]},
])
def test_schema_rejects(validator, document):
    assert list(validator.iter_errors(document))


def test_bad_target_fixture_fails_schema(validator):
    with open(os.path.join(FIXTURES, "bad_target.json"), encoding="utf-8") as f:
        errors = list(validator.iter_errors(json.load(f)))
    assert [list(e.absolute_path) for e in errors] == [["objectives", 1, "key_results", 0, "target"]]
