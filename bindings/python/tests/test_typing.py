"""The package is typed: `mypy --strict` passes on it, on the README's Python and on the
examples, and every public callable has a docstring."""
import importlib
import inspect
import os
import re
import shutil
import pkgutil
import subprocess

import pytest

import socialkpi as sk

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(PACKAGE_ROOT))
MYPY = shutil.which("mypy")


def readme_code(path):
    """The Python of a README: doctest blocks without prompts and outputs, plain blocks as they are."""
    text = open(path, encoding="utf-8").read()
    chunks = []
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        if ">>>" not in block:
            chunks.append(block)
            continue
        lines = []
        for line in block.splitlines():
            if line.startswith(">>> ") or line == ">>>":
                lines.append(line[4:])
            elif line.startswith("... ") or line == "...":
                lines.append(line[4:])
        chunks.append("\n".join(lines) + "\n")
    return chunks


def run_mypy(tmp_path, *paths):
    if MYPY is None:
        pytest.skip("mypy is not installed (Debian: mypy; scripts/install-deps installs it)")
    # the pyproject.toml beside the package holds the settings (strict, pandas untyped)
    proc = subprocess.run([MYPY, "--strict", "--config-file",
                           os.path.join(PACKAGE_ROOT, "pyproject.toml"),
                           "--cache-dir", str(tmp_path / "mypy-cache"), *paths],
                          cwd=PACKAGE_ROOT, capture_output=True, text=True,
                          env=dict(os.environ, MYPYPATH=PACKAGE_ROOT))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict_on_the_package_readmes_and_examples(tmp_path):
    sources = []
    for i, readme in enumerate([os.path.join(PACKAGE_ROOT, "README.md"),
                                os.path.join(ROOT, "README.md")]):
        if not os.path.exists(readme):
            continue
        code = "\n".join(readme_code(readme))
        assert "socialkpi as sk" in code, readme
        target = tmp_path / f"readme_{i}.py"
        target.write_text(code, encoding="utf-8")
        sources.append(str(target))
    examples = os.path.join(PACKAGE_ROOT, "examples")
    sources += sorted(os.path.join(examples, f) for f in os.listdir(examples) if f.endswith(".py"))
    # the package as files (mypy takes files or -p, not both), then the snippets against it
    run_mypy(tmp_path, os.path.join(PACKAGE_ROOT, "socialkpi"), *sources)


def test_py_typed_marks_the_package():
    assert os.path.exists(os.path.join(os.path.dirname(sk.__file__), "py.typed"))
    pyproject = open(os.path.join(PACKAGE_ROOT, "pyproject.toml"), encoding="utf-8").read()
    assert '"py.typed"' in pyproject  # shipped with the installed package


def public_names():
    """(name, object) of socialkpi.__all__, then the public classes and functions of every
    public module (block classes, results) that users meet without importing them."""
    for name in sk.__all__:
        yield name, getattr(sk, name)
    for info in pkgutil.iter_modules(sk.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"socialkpi.{info.name}")
        for name, obj in vars(module).items():
            if (not name.startswith("_") and (inspect.isclass(obj) or inspect.isfunction(obj))
                    and obj.__module__ == module.__name__):
                yield f"{info.name}.{name}", obj


def public_callables():
    """(name, object) of every public function, class, method and property of the package."""
    seen = set()
    for name, obj in public_names():
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if inspect.isfunction(obj):
            yield name, obj
        elif inspect.isclass(obj):
            yield name, obj
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if inspect.isfunction(member) or isinstance(member, property):
                    yield f"{name}.{attr}", member


def test_every_public_callable_has_a_docstring():
    missing = [name for name, obj in public_callables()
               if not (inspect.getdoc(obj) or "").strip()
               # enum members' own docs and NamedTuple fields are data, not callables
               or (inspect.isclass(obj) and obj.__doc__ is None)]
    assert missing == [], f"{len(missing)} public callables lack a docstring: {missing}"


def test_every_public_callable_is_annotated():
    bare = []
    for name, obj in public_callables():
        fn = obj.fget if isinstance(obj, property) else obj
        if inspect.isclass(fn):
            fn = fn.__dict__.get("__init__")
            if not inspect.isfunction(fn) or fn.__module__.split(".")[0] != "socialkpi":
                continue
        if "return" not in getattr(fn, "__annotations__", {}):
            bare.append(name)
    assert bare == [], f"not annotated: {bare}"


def test_docstrings_in_one_style():
    # one style (PEP 257): a summary that starts with a capital (or a quoted name) and
    # ends as a sentence, then details after a blank line
    bad = []
    for name, obj in public_callables():
        doc = inspect.getdoc(obj) or ""
        summary = " ".join(doc.split("\n\n")[0].split())
        if summary and not (summary.endswith((".", ":", ")", "?"))
                            and (summary[0].isupper() or summary[0] in "'\"[({`_<0123456789")):
            bad.append(f"{name}: {summary!r}")
    assert bad == [], bad
