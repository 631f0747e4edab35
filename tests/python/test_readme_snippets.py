"""The README's C and Python snippets compile and run as printed."""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.environ["SKPI_TOOL"]
LIBRARY = os.environ["SOCIALKPI_LIBRARY"]


def snippet(lang, starts_with):
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    for block in re.findall(r"```" + lang + r"\n(.*?)```", text, re.S):
        if block.startswith(starts_with):
            return block
    raise AssertionError(f"no {lang} snippet starting with {starts_with!r} in README.md")


def test_c_snippet_renders_the_demo_report(tmp_path):
    subprocess.run([TOOL, "demo", "--dir", "skpi-demo", "--quiet"], cwd=tmp_path, check=True,
                   capture_output=True)
    src = tmp_path / "snippet.c"
    src.write_text(snippet("c", "#include <socialkpi.h>"))
    libdir = os.path.dirname(LIBRARY)
    subprocess.run(["cc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-I", os.path.join(ROOT, "include"),
                    str(src), "-o", str(tmp_path / "snippet"), LIBRARY], check=True)
    subprocess.run([str(tmp_path / "snippet")], cwd=tmp_path, check=True,
                   env=dict(os.environ, LD_LIBRARY_PATH=libdir))
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    # the demo's definitions title the report; the summary leads with a sentence
    assert report.startswith("# Acme Outdoor")
    assert "## Summary" in report


def test_python_snippet_renders_what_the_c_snippet_renders(tmp_path):
    subprocess.run([TOOL, "demo", "--dir", "skpi-demo", "--quiet"], cwd=tmp_path, check=True,
                   capture_output=True)
    code = snippet("python", "import socialkpi as sk")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "bindings", "python"))
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True)
    python_report = (tmp_path / "report.md").read_bytes()
    # the report skpi writes from the same store, definitions and date, without a time
    tool_report = subprocess.run([TOOL, "report", "--config", "skpi-demo/definitions.json",
                                  "--db", "skpi-demo/demo.db", "--as-of", "2026-04-01",
                                  "--format", "md", "--generated-at", "none"],
                                 cwd=tmp_path, check=True, capture_output=True).stdout
    assert python_report.startswith(b"# Acme Outdoor")
    assert python_report == tool_report
