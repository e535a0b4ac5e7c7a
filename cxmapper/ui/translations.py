"""The app's language: the saved choice or the system locale, Qt catalogues and locale formats.

The catalogues are `ui/i18n/cxmapper_<code>.ts` (made by `pyside6-lupdate`, see
`make translations`); the compiled `.qm` ships beside them and is rebuilt here with the
`lrelease` bundled in PySide6 when it is missing or older than its `.ts` (an editable install
or a fresh checkout has none). Qt's own dialogs use `qtbase_<code>.qm` from PySide6.
A new choice is applied on restart: the menus are built once and say so.
"""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from cxmapper.present import language

I18N_DIR = Path(__file__).with_name("i18n")
SETTING = "language"  # "" = follow the system
NAMES = {"en": "English", "it": "Italiano"}
_installed: list[QTranslator] = []


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in language.SUPPORTED else language.system_language()


def saved_choice(settings: QSettings) -> str:
    """The stored choice, '' when the app follows the system."""
    value = str(settings.value(SETTING, "") or "")
    return value if value in language.SUPPORTED else ""


def chosen_language(settings: QSettings) -> str:
    return saved_choice(settings) or system_language()


def compiled_catalogue(code: str) -> Path | None:
    """The `.qm` of `code`, compiled now if missing or stale; None if there is none."""
    ts = I18N_DIR / f"cxmapper_{code}.ts"
    qm = ts.with_suffix(".qm")
    if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
        import PySide6

        tool = Path(PySide6.__file__).with_name("lrelease")
        # a read-only install keeps the shipped .qm
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm if qm.exists() else None


def install_language(app: QCoreApplication, code: str) -> str:
    """Load Qt's and cxmapper's catalogues for `code`, set the default QLocale; returns code."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = code if code in language.SUPPORTED else "en"
    language.use_language(code)
    QLocale.setDefault(QLocale(code if code != "en" else "en_GB"))
    if code == "en":
        return code
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = compiled_catalogue(code)
    own = QTranslator(app)
    if ours is not None and own.load(str(ours)):
        app.installTranslator(own)
        _installed.append(own)
    return code
