"""The Italian catalogue of the Qt UI is complete and up to date, and the app loads it.

`pyside6-lupdate` is run over cxmapper/ui into a copy of the committed .ts: the copy must come
out identical (else a string was added, changed or removed without `make translations`) and
with no unfinished message (else a string lacks its Italian).
"""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from pytestqt.qtbot import QtBot

import cxmapper.ui
from cxmapper.present import language
from cxmapper.ui import translations
from cxmapper.ui.language_menu import choose_language, settings_store

UI = Path(cxmapper.ui.__file__).parent
TS = UI / "i18n" / "cxmapper_it.ts"


def lupdate() -> Path:
    tool = Path(shutil.which("pyside6-lupdate") or "")
    if not tool.is_file():
        import PySide6

        tool = Path(PySide6.__file__).with_name("lupdate")
    return tool


def refreshed(tmp_path: Path) -> Path:
    """The committed catalogue after lupdate has seen the current code (same flags as make)."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    args = ["-extensions", "py", str(UI), "-ts", str(copy), "-no-obsolete", "-locations", "none"]
    subprocess.run([str(lupdate()), *args, "-target-language", "it_IT"], check=True,
                   capture_output=True)  # fmt: skip
    return copy


def test_catalogue_is_current_and_complete(tmp_path: Path) -> None:
    copy = refreshed(tmp_path)
    root = ET.parse(copy).getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == [], f"no Italian for {unfinished}"
    assert copy.read_text("utf-8") == TS.read_text("utf-8"), "run `make translations`"
    assert len(list(root.iter("message"))) > 10


def test_italian_is_loaded_and_system_followed(qapp: QCoreApplication) -> None:
    try:
        assert translations.install_language(qapp, "it") == "it"
        assert language.current_language() == "it"
        assert QCoreApplication.translate("Menus", "&Edit") == "&Modifica"
        assert QLocale().toString(12345.5, "f", 1) == "12.345,5"
    finally:
        translations.install_language(qapp, "en")
    assert QCoreApplication.translate("Menus", "&Edit") == "&Edit"
    assert QLocale().toString(12345.5, "f", 1) == "12,345.5"


def test_choice_is_saved_and_wins_over_the_system(qtbot: QtBot) -> None:
    assert translations.saved_choice(settings_store()) == ""
    assert translations.chosen_language(settings_store()) == translations.system_language()
    choose_language(None, "it", ask=False)
    assert (
        QSettings(settings_store().fileName(), QSettings.Format.IniFormat).value("language") == "it"
    )
    assert translations.chosen_language(settings_store()) == "it"
    choose_language(None, "", ask=False)
    assert translations.chosen_language(settings_store()) == translations.system_language()


@pytest.mark.parametrize("code", ["it"])
def test_language_menu_says_restart(window: object, code: str) -> None:
    from cxmapper.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    menu = window.view_menu.findChild(type(window.view_menu), "menu.language")
    assert menu is not None and "restart" in menu.title()
    names = [a.objectName() for a in menu.actions()]
    assert names == ["language.system", "language.en", "language.it"]
    assert menu.actions()[0].isChecked()


def test_shipped_qm_matches_the_catalogue(tmp_path: Path) -> None:
    import PySide6

    fresh = tmp_path / "fresh.qm"
    tool = Path(PySide6.__file__).with_name("lrelease")
    subprocess.run([str(tool), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert (TS.with_suffix(".qm")).read_bytes() == fresh.read_bytes(), "run `make translations`"
