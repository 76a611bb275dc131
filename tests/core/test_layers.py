"""The apps keep to their layers: the import contract in pyproject.toml holds, and would
catch an import against it (even one hidden inside a function, the old way around cycles)."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="lint-imports not installed (bin/setup --test)")


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def test_the_project_keeps_its_layers():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_inside_a_function_breaks_the_contract(tmp_path):
    """The project's own contract, over two stand-in apps: core asks stories, in a function."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    packages = config["root_packages"]
    for package in packages:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "stories" / "models.py").write_text("from core import access\n")
    (tmp_path / "core" / "access.py").write_text("def rule():\n    from stories import models\n\n    return models\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")

    result = _lint(tmp_path)

    assert result.returncode != 0
    assert "core.access -> stories.models" in result.stdout
    assert "1 broken" in result.stdout
