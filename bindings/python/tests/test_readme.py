"""The README's walk-through runs as written."""
import doctest
import os


def test_readme_walkthrough():
    readme = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")
    result = doctest.testfile(readme, module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
