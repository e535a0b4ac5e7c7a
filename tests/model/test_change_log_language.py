"""Change-log labels are stored as a language-neutral key and worded when read: an import
made in an English app reads Italian in the Italian app, CLI and workbook, and the other way
round; an older entry (free text) is shown as it was stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.model.versions import restore_version, save_version
from cxmapper.model.workspace import Workspace
from cxmapper.present import keyed_text, language, log_labels
from cxmapper.present.labels import _


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    language.use_language("en")
    yield
    language.use_language("en")


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path / "w.cxmap")
    yield workspace
    workspace.close()


def test_made_in_english_read_in_italian(ws: Workspace) -> None:
    ws.add_dataset("web log", b"x", n_events=10200, n_cases=2)
    entry = ws.change_log()[-1]
    assert entry.label == "Imported dataset 'web log': 10,200 events, 2 cases"
    assert entry.label_key.startswith(keyed_text.MARKER)  # the key, not the words
    language.use_language("it")
    entry = ws.change_log()[-1]
    assert entry.label == "Importato il dataset 'web log': 10.200 eventi, 2 casi"
    assert entry.summary == entry.label


def test_made_in_italian_read_in_english(ws: Workspace) -> None:
    j = ws.add_journey("J")
    stage = ws.add_stage(j.id, "A")
    language.use_language("it")
    version = save_version(ws, j.id, "v1")
    ws.update("stage", stage.id, name="B")
    restore_version(ws, version.id, keep_replaced=False)
    restored = [x for x in ws.change_log() if x.action == "summary"][-1]
    assert restored.label == "Ripristinata la versione 'v1'"
    language.use_language("en")
    assert ws.change_log()[-1].label == "Restored version 'v1'"


def test_older_free_text_entries_are_shown_as_stored(ws: Workspace) -> None:
    j = ws.add_journey("J")
    with ws.logged_as("Importata a mano", summarise=True):
        ws.add_stage(j.id, "A")
    assert ws.change_log()[-1].label == "Importata a mano"
    language.use_language("it")
    assert ws.change_log()[-1].label == "Importata a mano"
    assert keyed_text.readable("msg:{not json") == "msg:{not json"


def test_the_workbook_change_log_is_in_the_export_language(ws: Workspace, tmp_path: Path) -> None:
    j = ws.add_journey("J")
    stage = ws.add_stage(j.id, "A")
    version = save_version(ws, j.id, "v1")
    ws.update("stage", stage.id, name="B")
    restore_version(ws, version.id, keep_replaced=False)  # made in English
    out = export_xlsx(ws, j.id, tmp_path / "it.xlsx", language="it")
    language.use_language("it")
    sheet_name = _("Change log")
    language.use_language("en")
    cells = [
        str(c.value)
        for row in load_workbook(out)[sheet_name].iter_rows()
        for c in row
        if c.value is not None
    ]
    assert "Ripristinata la versione 'v1'" in cells
    assert "riepilogo" in cells and "operazione" in cells
    assert not any("Restored" in c or c.startswith(keyed_text.MARKER) for c in cells)


def test_changed_fields_are_worded(ws: Workspace) -> None:
    """The governance window and the workbook's change log listed raw keys ('title: ...')."""
    fields = {"title": ["a", "b"], "stage_id": ["s", "t"]}
    assert log_labels.fields_text(fields) == "title: 'a' → 'b'; stage: 's' → 't'"
    language.use_language("it")
    assert log_labels.fields_text(fields) == "titolo: 'a' → 'b'; fase: 's' → 't'"
