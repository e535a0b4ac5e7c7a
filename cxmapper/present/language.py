"""The language of headless labels (interface stub; the i18n branch has the real module).

`use_language` installs the catalogue for labels made outside Qt; the Qt UI calls it so that
labels it takes from `present` follow the app's language.
"""

from __future__ import annotations

import locale

SUPPORTED: tuple[str, ...] = ("en", "it")
_current = "en"


def system_language() -> str:
    """The supported language of the system locale, English otherwise."""
    code = (locale.getlocale()[0] or "").split("_")[0].lower()
    return code if code in SUPPORTED else "en"


def use_language(code: str) -> None:
    global _current
    _current = code if code in SUPPORTED else "en"


def current_language() -> str:
    return _current
