"""The layers of docs/ARCHITECTURE.md, checked by importing and by reading the source.

workbench/core and workbench/config import neither textual nor tinydb; store/ is the
only package that imports tinydb and never imports textual; the TUI and the CLI reach
data through store. The import-linter contracts in pyproject.toml (`lint-imports`, run
by `make test`) check the same and more (the core's wings, no import circles) on the
import graph; these tests check what a fresh interpreter actually loads, which catches
an import the graph cannot see (importlib, __import__). Modules are discovered, so new
ones are checked without editing this file.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKBENCH = ROOT / "workbench"
STORE = ROOT / "store"

IMPORT_EVERY_MODULE = """
import importlib, pkgutil, sys
for name in sys.argv[1:]:
    package = importlib.import_module(name)
    for module in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(module.name)
print(" ".join(sorted(m for m in ("textual", "tinydb") if m in sys.modules)))
"""


def modules_loaded_by_importing(*packages: str) -> set[str]:
    """Which of textual and tinydb a fresh interpreter loads when importing `packages`."""
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE, *packages],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_importing_all_of_core_loads_neither_textual_nor_tinydb() -> None:
    assert modules_loaded_by_importing("workbench.core") == set()


def test_importing_core_and_store_loads_no_textual() -> None:
    assert "textual" not in modules_loaded_by_importing("workbench.core", "store")


def test_importing_all_of_config_loads_neither_textual_nor_tinydb() -> None:
    assert modules_loaded_by_importing("workbench.config") == set()


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module `path` imports, anywhere in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value.split(".")[0])
    return found


def sources(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def offenders(files: list[Path], forbidden: str) -> list[str]:
    return [str(path.relative_to(ROOT)) for path in files if forbidden in imported_modules(path)]


def test_the_static_check_sees_every_kind_of_import(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        "import os.path\nfrom textual.app import App\n"
        "def later():\n    import tinydb\n    importlib.import_module('rich.text')\n"
        "from . import sibling\n"
    )
    assert imported_modules(module) == {"os", "textual", "tinydb", "rich"}


@pytest.mark.parametrize("forbidden", ["textual", "tinydb"])
@pytest.mark.parametrize("package", ["core", "config"])
def test_no_core_or_config_module_imports(package: str, forbidden: str) -> None:
    assert sources(WORKBENCH / package), f"workbench/{package} was not found"
    assert offenders(sources(WORKBENCH / package), forbidden) == []


def test_no_store_module_imports_textual() -> None:
    assert offenders(sources(STORE), "textual") == []


def test_only_store_imports_tinydb() -> None:
    assert sources(WORKBENCH), "the workbench package was not found"
    assert offenders(sources(WORKBENCH), "tinydb") == []
