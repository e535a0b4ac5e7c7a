"""Lint and format are part of the test suite, so CI enforces them like any behaviour."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RUFF = Path(sys.executable).parent / "ruff"


@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]])
def test_ruff(args: list[str]) -> None:
    assert RUFF.exists(), "ruff is a test dependency (pip install -e '.[test]')"
    result = subprocess.run(
        [str(RUFF), *args], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
