"""The demo sits on top of the site: it may import every app, no app may import it.

So the site runs the same without the demo, and the demo can change (or go) without
touching a real app. This reads every Python file outside demo/ and tests/ with ``ast``
(no imports run) and fails on ``import demo``, ``import demo.x``, ``from demo import
...``, ``from demo.x import ...`` and ``importlib.import_module("demo...")``.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# Not below the demo: the demo itself, the tests (they test it), and what is not ours.
NOT_SCANNED = {"demo", "tests", "var", "locale", "node_modules", "staticfiles"}

# The apps that must be scanned; if the walk misses one, the test is not testing.
EXPECTED = {"config", "home", "stories", "depot", "media", "search", "editorial", "contributions"}


def _is_demo(module):
    return module == "demo" or module.startswith("demo.")


def demo_imports(source, filename="<source>"):
    """The lines of ``source`` that import the demo app, as (line, what) pairs."""
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, f"import {a.name}") for a in node.names if _is_demo(a.name)]
        elif isinstance(node, ast.ImportFrom):
            # A relative import (level > 0) stays inside its own package: never the demo app.
            if node.level == 0 and node.module and _is_demo(node.module):
                found.append((node.lineno, f"from {node.module} import ..."))
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if (
                name in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and _is_demo(first.value)
            ):
                found.append((node.lineno, f"{name}({first.value!r})"))
    return found


def python_files_below_the_demo():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if parts[0] in NOT_SCANNED or any(part.startswith(".") for part in parts):
            continue
        yield path


def test_no_app_imports_the_demo():
    files = list(python_files_below_the_demo())
    scanned = {path.relative_to(ROOT).parts[0] for path in files}
    assert EXPECTED <= scanned, f"the walk missed {sorted(EXPECTED - scanned)}"

    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in files
        for line, what in demo_imports(path.read_text(encoding="utf-8"), str(path))
    ]
    assert not offenders, "demo/ sits on top; these import it:\n" + "\n".join(offenders)


def test_the_check_sees_every_way_of_importing_the_demo():
    # The walk above can only fail if this does: each form is caught, and near misses are not.
    caught = """
import demo
import demo.loader as loader
from demo import content
from demo.loader import load_demo
import importlib
importlib.import_module("demo.media_files")
__import__("demo")
def later():
    from demo.content import PEOPLE
"""
    assert [line for line, _ in demo_imports(caught)] == [2, 3, 4, 5, 7, 8, 10]

    near_misses = """
import demography
from demographics import x
from stories import demo
from . import demo
from .demo import loader
import_module("stories.demo")
"""
    assert demo_imports(near_misses) == []


def test_the_demo_app_is_installed_last():
    from django.conf import settings

    assert settings.INSTALLED_APPS[-1] == "demo"
