"""Compile cxmapper's sources to bytecode before timing cold processes.

An installed app runs from cached bytecode; an editable install writes the cache on first
import, unless PYTHONDONTWRITEBYTECODE is set (as on some CI and sandbox machines). Then every
"cold" child would compile all of cxmapper again (~40 ms) and measure the machine, not the app.
"""

from __future__ import annotations

import compileall
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "cxmapper"


def precompile() -> None:
    """Write (or refresh) the __pycache__ files the child processes will read."""
    if not compileall.compile_dir(PACKAGE, quiet=1):
        raise SystemExit(f"could not compile {PACKAGE}")
