"""The Excel round trip across languages, with the real Italian catalogue: a workbook written in
Italian and edited imports with English active with exactly the owner's edits, and the other way
round; the Italian workbook shows no English sheet name or header."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.model.workspace import Workspace
from cxmapper.present import labels, language
from tests.io.test_xlsx_labels import check_round_trip, owner_edits

# "Governance" and "KPI" are also the Italian business words, so they are not in the list
ENGLISH_WORDS = {"Overview", "Map", "Touchpoints", "KPIs", "KPI history",
                 "Actions", "Comments", "Touchpoint ID", "Title", "Stage", "Lane", "Owner",
                 "Description", "Channel", "Resolved", "New value", "New date", "Status",
                 "Priority", "Due date", "Author", "Comment", "Latest value"}  # fmt: skip


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    language.use_language("en")
    yield
    language.use_language("en")


def test_italian_workbook_has_no_english_sheet_names_or_headers(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    book = export_xlsx(file_ws, journey["journey"], tmp_path / "it.xlsx", language="it")
    assert language.current_language() == "en"  # the app's language is left as it was
    wb = openpyxl.load_workbook(book)
    visible = [s for s in wb.worksheets if s.sheet_state == "visible"]
    assert "Punti di contatto" in wb.sheetnames and "Panoramica" in wb.sheetnames
    assert not ENGLISH_WORDS & {s.title for s in visible}
    cells = {c.value for s in visible for row in s.iter_rows() for c in row}
    texts = {c for c in cells if isinstance(c, str)}
    assert "ID punto di contatto" in texts
    assert not ENGLISH_WORDS & texts


def test_exported_in_italian_imported_in_english(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    book = export_xlsx(file_ws, journey["journey"], tmp_path / "it.xlsx", language="it")
    owner_edits(book, journey, "Punti di contatto", "Titolo", "Commenti", "Risolto", "KPI",
                "Nuovo valore")  # fmt: skip
    check_round_trip(file_ws, book, journey)  # English active: exactly the three edits


def test_exported_in_english_imported_in_italian(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    book = export_xlsx(file_ws, journey["journey"], tmp_path / "en.xlsx", language="en")
    owner_edits(book, journey, "Touchpoints", "Title", "Comments", "Resolved", "KPIs", "New value")
    language.use_language("it")
    check_round_trip(file_ws, book, journey)


def test_export_in_another_language_restores_the_current_one_on_error(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cxmapper.io.xlsx_export as xlsx_export

    def broken(*args: object) -> None:
        raise RuntimeError("snapshot failed")

    monkeypatch.setattr(xlsx_export, "take_snapshot", broken)
    language.use_language("it")
    with pytest.raises(RuntimeError):
        export_xlsx(file_ws, journey["journey"], tmp_path / "x.xlsx", language="en")
    assert language.current_language() == "it"
    assert labels.sheet_label("overview") == "Panoramica"
