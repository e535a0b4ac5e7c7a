"""An Italian workbook is Italian in its bodies too (friction, map and KPI texts, yes/no and
status words, notes), and those words import back in any language: yes/no and status words
are recorded with their keys, so an app in English reads 'sì' and 'fatta' exactly."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from cxmapper.cli import main
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.model.demo_it import ITALIAN as DEMO_IT
from cxmapper.model.workspace import Workspace
from cxmapper.present import language

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("io/test_xlsx_italian_bodies")

# English words of the workbook's own texts (not of the user's data, not technical ids)
ENGLISH = re.compile(
    r"\b(cases|events|drop off|repeat|slow|Owner|feeling|reach|friction|journey map|Lane|Stage|"
    r"yes|higher|lower|open|done|in progress|target|Reasons|Top friction|Funnel|Transitions|Who|"
    r"Saved|overdue|No Accountable|no Accountable|RACI matrix|KPI ownership|service|"
    r"user experience|state|exported|colour|goal|Fields|Operation|Live from|Frequency|"
    r"Latest reading|Due on|added|changed|store|call centre|days|median|Imported)\b"
)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    language.use_language("en")
    yield
    language.use_language("en")


def _cells(book: Path) -> list[tuple[str, str]]:
    wb = openpyxl.load_workbook(book)
    return [(s.title, c.value) for s in wb.worksheets if s.sheet_state == "visible"
            for row in s.iter_rows() for c in row if isinstance(c.value, str)]  # fmt: skip


@pytest.fixture(scope="module")
def italian_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Italian demo with its events, exported in Italian with the friction sheets."""
    tmp = tmp_path_factory.mktemp("it")
    ws, out = tmp / "demo.cxmap", tmp / "demo.xlsx"
    journey = "Acquisto online"
    assert main(["--lang", "it", "demo", str(ws)]) == 0
    log = tmp / "demo-events.csv"
    assert main(["--lang", "it", "import", str(ws), str(log), "--name", "eventi",
                 "--journey", journey]) == 0  # fmt: skip
    assert main(["--lang", "it", "export", str(ws), "--journey", journey, "--dataset", "eventi",
                 "--xlsx", str(out)]) == 0  # fmt: skip
    language.use_language("en")
    return out


def test_italian_workbook_bodies_have_no_english_words(italian_book: Path) -> None:
    data = set(DEMO_IT.values())  # the demo's own texts may hold loanwords
    # the change log's "field: old → new" cells show stored values (keys), as recorded
    # and a card's channel is free text holding a key ("call centre"), kept as stored
    channels = {"call centre", "store", "web", "app", "e-mail", "chat", "social"}
    # the Value model sheet's setting ids ("contact_cost|store") are keys, as record ids are
    found = sorted({(sheet, m.group(0)) for sheet, text in _cells(italian_book)
                    if text not in data and "→" not in text and text not in channels
                    and not text.startswith("contact_cost|")
                    and (m := ENGLISH.search(text))})  # fmt: skip
    assert found == []
    texts = {text for _sheet, text in _cells(italian_book)}
    assert any(t.startswith("il ") and "dei casi abbandona qui" in t for t in texts)
    assert {"sì", "no"} <= texts and "fatta" in texts and "più alto è meglio" in texts
    assert any("Responsabile: " in t and "emozione" in t for t in texts)  # map card lines


def test_english_workbook_keeps_english_words(italian_book: Path, tmp_path: Path) -> None:
    """The check above is not vacuous: the same workbook in English is caught by it."""
    ws = italian_book.with_name("demo.cxmap")
    out = tmp_path / "en.xlsx"
    assert main(["--lang", "en", "export", str(ws), "--journey", "Acquisto online",
                 "--dataset", "eventi", "--xlsx", str(out)]) == 0  # fmt: skip
    assert any(ENGLISH.search(t) for _s, t in _cells(out))


def _edit_choices(book: Path, journey: dict[str, str], goal: str, status: str) -> None:
    """An owner sets a card's Goal and an action's Status, in the workbook's own words."""
    wb = openpyxl.load_workbook(book)
    meta = wb["_cxmapper"]
    assert meta is not None
    tps, actions = wb.worksheets[3], None
    for sheet in wb.worksheets:
        headers = [c.value for c in sheet[1]]
        if "ID punto di contatto" in headers and "Obiettivo" in headers and "Corsia" in headers:
            tps = sheet
        if "ID azione" in headers or "Action ID" in headers:
            actions = sheet
        if "Touchpoint ID" in headers and "Goal" in headers and "Lane" in headers:
            tps = sheet
    assert actions is not None
    heads = {c.value: c.column for c in tps[1]}
    goal_col = heads.get("Obiettivo") or heads["Goal"]
    row = next(r for r in range(2, tps.max_row + 1) if tps.cell(r, 1).value == journey["home"])
    tps.cell(row, goal_col).value = goal
    heads = {c.value: c.column for c in actions[1]}
    actions.cell(2, heads.get("Stato") or heads["Status"]).value = status
    wb.save(book)


@pytest.mark.parametrize(("written", "read", "goal", "status"),
                         [("it", "en", "sì", "fatta"), ("en", "it", "yes", "done")])  # fmt: skip
def test_choice_words_import_in_the_other_language(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path,
    written: str, read: str, goal: str, status: str,
) -> None:  # fmt: skip
    book = export_xlsx(file_ws, journey["journey"], tmp_path / "b.xlsx", language=written)
    language.use_language(read)
    unedited = plan_xlsx_import(file_ws, book)
    assert unedited.changes == [] and unedited.conflicts == [], unedited.report()
    _edit_choices(book, journey, goal, status)
    plan = plan_xlsx_import(file_ws, book)
    assert plan.conflicts == [], plan.report()
    assert sorted((c.op, c.kind) for c in plan.changes) == [
        ("update", "action"), ("update", "touchpoint")
    ]  # fmt: skip
    apply_plan(file_ws, plan)
    assert file_ws.get("touchpoint", journey["home"]).is_goal
    assert "done" in {a.status for a in file_ws.actions()}
    again = plan_xlsx_import(file_ws, book)
    assert again.changes == [] and again.conflicts == [], again.report()
