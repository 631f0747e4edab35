"""The README's way of installing the Python package works with no package index.

From a clean copy of the package (the files git tracks), into a fresh venv made with
--system-site-packages (Debian's setuptools, wheel, numpy, pandas), with pip told there
is no index and every proxy pointing nowhere; the C library is installed by
`cmake --install` into the venv's prefix. Then the top-level README's Python snippet
runs in a folder away from the source tree, without SOCIALKPI_LIBRARY, and the package
finds the installed libsocialkpi.so.0 by itself.
"""
import os
import re
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGE = os.path.join(ROOT, "bindings", "python")
BUILD = os.environ.get("SKPI_BUILD_DIR", os.path.join(ROOT, "build"))
TOOL = os.environ.get("SKPI_TOOL", os.path.join(BUILD, "tools", "skpi", "skpi"))
PYTHON = "/usr/bin/python3"  # Debian's, which sees Debian's setuptools


def offline_env():
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "SOCIALKPI_", "PYTHON")) and k != "LD_LIBRARY_PATH"}
    nowhere = "http://127.0.0.1:9"  # the discard port: any fetch fails at once
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", http_proxy=nowhere,
               https_proxy=nowhere, HTTP_PROXY=nowhere, HTTPS_PROXY=nowhere, no_proxy="")
    return env


def clean_copy(dest):
    """The package's tracked files only (a clone has nothing else)."""
    listed = subprocess.run(["git", "-C", ROOT, "ls-files", "bindings/python"],
                            capture_output=True, text=True)
    if listed.returncode != 0:
        shutil.copytree(PACKAGE, dest, ignore=shutil.ignore_patterns(
            "__pycache__", "*.egg-info", "build", ".mypy_cache"))
        return
    for rel in listed.stdout.splitlines():
        target = os.path.join(dest, os.path.relpath(rel, "bindings/python"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, rel), target)


def readme_snippet():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    return next(b for b in re.findall(r"```python\n(.*?)```", text, re.S)
                if b.startswith("import socialkpi as sk"))


def test_pip_install_without_an_index_then_import_finds_the_installed_library(tmp_path):
    if not os.path.exists(os.path.join(BUILD, "CMakeCache.txt")) or not os.path.exists(TOOL):
        pytest.skip("needs a configured build with the skpi tool (SKPI_BUILD_DIR, SKPI_TOOL)")
    env = offline_env()
    src, venv, work = tmp_path / "socialkpi-src", tmp_path / "venv", tmp_path / "work"
    clean_copy(src)
    subprocess.run([PYTHON, "-m", "venv", "--system-site-packages", str(venv)], check=True, env=env)
    subprocess.run(["cmake", "--install", BUILD, "--prefix", str(venv)], check=True, env=env,
                   capture_output=True)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-build-isolation", str(src)],
                         env=env, capture_output=True, text=True)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    work.mkdir()
    subprocess.run([TOOL, "demo", "--dir", "skpi-demo", "--quiet"], cwd=work, check=True,
                   capture_output=True, env=env)
    code = readme_snippet() + (
        "\nimport os, socialkpi\n"
        "print(socialkpi.__file__)\nprint(socialkpi._lib.lib._name)\n")
    run = subprocess.run([str(venv / "bin" / "python"), "-c", code], cwd=work, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    package_file, library = run.stdout.split()[-2:]
    # the installed copy, not the source tree, loading the library cmake installed
    assert package_file.startswith(str(venv)) and "site-packages" in package_file
    assert library.startswith(str(venv)) and library.endswith("libsocialkpi.so.0")
    report = (work / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# Acme Outdoor") and "## Summary" in report
    # the typing marker travels with the installed package
    assert os.path.exists(os.path.join(os.path.dirname(package_file), "py.typed"))
