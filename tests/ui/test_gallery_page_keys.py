"""The gallery names a tab's picture by a stable page key, not by its title: the Italian
inspector's pictures were "inspector-cronologia.png" beside the English "inspector-history.png";
both languages now write the same file names (scripts/gallery.py `page_key`)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from cxmapper.ui import translations
from cxmapper.ui.main_window import MainWindow
from tests.ui.rigs import Rig, make_window

ROOT = Path(__file__).resolve().parents[2]
GALLERY = ROOT / "docs" / "images" / "gallery"


def load_gallery() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gallery", ROOT / "scripts" / "gallery.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(params=["en", "it"])
def lang(request: pytest.FixtureRequest, qapp: QCoreApplication) -> Iterator[str]:
    translations.install_language(qapp, request.param)
    yield request.param
    translations.install_language(qapp, "en")


def keys(gallery: ModuleType, widget: object) -> list[str]:
    return [gallery.page_key(tabs, i) for tabs, i, _ in gallery.tab_pages(widget)]


def test_inspector_pictures_are_named_alike_in_every_language(lang: str, rig: Rig) -> None:
    gallery = load_gallery()
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    assert keys(gallery, rig.panel) == ["details", "kpis", "raci", "comments", "actions",
                                        "voice", "money", "history"]  # fmt: skip


def test_analysis_pictures_are_named_alike_in_every_language(lang: str, qtbot: QtBot) -> None:
    gallery = load_gallery()
    window: MainWindow = make_window(qtbot)
    panel = window.analysis_dock.ensure_panel()
    found = keys(gallery, panel)
    for key in ("funnel", "trend", "friction", "unmatched", "paths", "before-after", "channels",
                "impact-matrix"):  # fmt: skip
        assert key in found, (key, found)


def test_the_committed_galleries_use_the_same_names() -> None:
    def named(folder: Path) -> set[str]:
        return {
            p.stem for p in folder.glob("*.png") if p.stem.startswith(("analysis-", "inspector-"))
        }

    english, italian = named(GALLERY), named(GALLERY / "it")
    assert english and english == italian
    assert "inspector-history" in italian and "inspector-cronologia" not in italian


def test_the_italian_diff_picture_edits_in_italian() -> None:
    """The Italian canvas-diff picture showed an added card "Chat with an agent"."""
    gallery = load_gallery()
    english, italian = gallery.DIFF_WORDS["en"], gallery.DIFF_WORDS["it"]
    assert english.keys() == italian.keys()
    assert not set(english.values()) & set(italian.values())
