"""Fixtures of the language tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cxmapper.present import language


@pytest.fixture
def no_locale_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No locale variable in the environment (the CLI's language is then `--lang`'s or
    English, whatever the machine running the suite says), and English again afterwards."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield
    language.use_language("en")
