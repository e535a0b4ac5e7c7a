"""The headless layers (model, analysis, io, present) import no Qt, no pyqtgraph and no UI, and
the import contracts in pyproject.toml hold and catch a breach."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cxmapper"
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6", "cxmapper.ui")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in (
                "import_module",
                "__import__",
            )
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append((node.lineno, str(node.args[0].value)))
    return found


HEADLESS = ("model", "analysis", "io", "present", "feedback")


@pytest.mark.parametrize("layer", HEADLESS)
def test_headless_layers_never_import_qt(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no modules found under cxmapper/{layer}"
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for path in files
        for line, name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    ]
    assert not offenders, "\n".join(offenders)


def test_the_checker_catches_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom PySide6.QtCore import QObject\nimport pyqtgraph as pg\n")
    assert [n for _, n in imported_modules(bad)] == ["os", "PySide6.QtCore", "pyqtgraph"]


def test_importing_the_headless_layers_loads_no_qt() -> None:
    modules = [
        f"cxmapper.{p.relative_to(PACKAGE).with_suffix('').as_posix().replace('/', '.')}"
        for layer in HEADLESS
        for p in sorted((PACKAGE / layer).rglob("*.py"))
        if p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contracts_hold() -> None:
    lint = str(Path(sys.executable).parent / "lint-imports")
    assert Path(lint).exists(), "import-linter is a test dependency (pip install -e '.[test]')"
    result = subprocess.run([lint], capture_output=True, text=True, cwd=PACKAGE.parent, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


BREACHES = {
    "io imports the UI": ("io/_breach.py", "from cxmapper.ui import settings\n"),
    "model imports analysis": ("model/_breach.py", "import cxmapper.analysis.units\n"),
    "present imports Qt": ("present/_breach.py", "from PySide6 import QtCore\n"),
    "analysis imports io": ("analysis/_breach.py", "import cxmapper.io.atomic\n"),
    "ui imports the commands": ("ui/_breach.py", "import cxmapper.commands.export\n"),
}


@pytest.mark.parametrize("breach", sorted(BREACHES))
def test_import_linter_catches_a_breach(breach: str, tmp_path: Path) -> None:
    """The contracts are not vacuous: one forbidden import in a copy of the package fails."""
    import os
    import shutil

    shutil.copytree(PACKAGE, tmp_path / "cxmapper", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PACKAGE.parent / "pyproject.toml", tmp_path / "pyproject.toml")
    name, code = BREACHES[breach]
    (tmp_path / "cxmapper" / name).write_text(code, encoding="utf-8")
    lint = str(Path(sys.executable).parent / "lint-imports")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [lint], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300
    )
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout and "_breach" in result.stdout, result.stdout


def test_opening_and_editing_a_workspace_loads_no_pandas(tmp_path: Path) -> None:
    """Start-up speed: the app opens and edits workspaces without pandas/numpy (~0.4 s)."""
    code = (
        "import sys\n"
        "from cxmapper.model.workspace import Workspace\n"
        f"ws = Workspace.create({str(tmp_path / 'w.cxmap')!r})\n"
        "j = ws.add_journey('J'); ws.update('journey', j.id, name='K'); ws.close()\n"
        "bad = [m for m in ('pandas', 'numpy', 'pyarrow') if m in sys.modules]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
