"""The one language choice shared by the CLI, the exports and the app.

Why a module of its own: the headless text (labels, CLI messages, workbook sheets) is translated
with gettext, the Qt widgets with Qt catalogues; both must follow the same choice. The app calls
`use_language` at start-up and when the user picks a language; the CLI calls it for `--lang`.
Catalogues are read from `cxmapper/locale/<code>/LC_MESSAGES/cxmapper.mo`; when the `.mo` is
missing or older than its `.po` (an editable install, a freshly edited translation), the `.po`
is compiled in memory instead, so the source of truth is always the `.po`.
"""

from __future__ import annotations

import gettext
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from cxmapper.present import labels
from cxmapper.present.po_files import mo_bytes, po_header, translations

SUPPORTED: tuple[str, ...] = ("en", "it")
DOMAIN = "cxmapper"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
_ENV_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_current = "en"
_cache: dict[str, Callable[[str], str]] = {}


def _code_of(value: str) -> str | None:
    """'it' for 'it_IT.UTF-8' or 'it:en' (first supported entry); None for C/POSIX/unknown."""
    for part in value.split(":"):
        code = part.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
        if code in SUPPORTED:
            return code
    return None


def system_language() -> str:
    """The language the locale environment asks for, among SUPPORTED; "en" otherwise."""
    for name in _ENV_VARS:
        value = os.environ.get(name, "")
        if value:
            code = _code_of(value)
            if code is not None:
                return code
            if name != "LANGUAGE":
                return "en"  # the first set variable decides, like gettext does
    return "en"


def po_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return po_path(code).with_suffix(".mo")


def translator(code: str) -> Callable[[str], str]:
    """The gettext function for a language ("en": identity), compiled .mo or in-memory .po."""
    if code == "en":
        return lambda text: text
    if code not in SUPPORTED:
        raise ValueError(f"unsupported language {code!r}; choose one of {', '.join(SUPPORTED)}")
    if code not in _cache:
        po, mo = po_path(code), mo_path(code)
        if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as handle:
                catalogue = gettext.GNUTranslations(handle)
        else:
            data = mo_bytes({**po_header(code), **translations(po)})
            catalogue = gettext.GNUTranslations(io.BytesIO(data))
        _cache[code] = catalogue.gettext
    return _cache[code]


def use_language(code: str) -> None:
    """Makes `code` the language of every headless text (labels, CLI, exports) from now on."""
    global _current
    labels.set_translator(translator(code))
    _current = code


def current_language() -> str:
    return _current


def gettext_for(code: str) -> Callable[[str], str]:
    """Translate into `code` without changing the current language (exports in another one)."""
    return translator(code)


@contextmanager
def in_language(code: str | None) -> Iterator[None]:
    """Headless text in `code` for the duration (an export in another language than the app's);
    None: the current language. Restores the previous language afterwards, even on error.
    Not thread-safe: exports run one at a time on the thread that asked for them."""
    previous = _current
    if code is None or code == previous:
        yield
        return
    use_language(code)
    try:
        yield
    finally:
        use_language(previous)
