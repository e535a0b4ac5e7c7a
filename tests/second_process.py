"""A second process on the same workspace file, for the tests of locking and interrupted writes.

A real process (not a second connection in this one): closing a second connection's descriptor
here would itself drop this process's locks, the very thing these tests guard against.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, expect_returncode: int = 0) -> subprocess.CompletedProcess[str]:
    """Run `code` (dedented) in a fresh interpreter that imports this checkout's cxmapper."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == expect_returncode, result.stderr
    return result


def integrity(path: Path) -> str:
    """PRAGMA integrity_check of a workspace file ("ok" when sound)."""
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
