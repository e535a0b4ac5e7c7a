"""Packaging metadata that installs without setuptools deprecation warnings."""

from __future__ import annotations

import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_license_is_an_spdx_expression() -> None:
    """`license = {text = ...}` makes every install warn "project.license as a TOML table is
    deprecated"; an SPDX string (setuptools >= 77) does not."""
    meta = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT"
    assert "setuptools>=77" in meta["build-system"]["requires"]
