"""The Excel round trip applies only what owners changed: an unedited workbook of hostile text
imports with no changes, and one edited cell of each kind gives exactly that change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cxmapper.cli import main
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
from cxmapper.io.xlsx_safe import TRUNCATION_MARK
from cxmapper.model.workspace import Workspace
from tests.io.hostile_text import HOSTILE, LONG, build, table_rows

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("io/test_xlsx_lossless")

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """The hostile workspace and its export, made once; tests work on copies."""
    folder = tmp_path_factory.mktemp("hostile")
    ws = Workspace.create(folder / "hostile.cxmap")
    ids = build(ws)
    book = export_xlsx(ws, ids["journey"], folder / "hostile.xlsx")
    ws.close()
    return folder / "hostile.cxmap", book, ids


@pytest.fixture
def hostile(template, tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    ws_file, book, ids = template
    shutil.copy(ws_file, tmp_path / ws_file.name)
    shutil.copy(book, tmp_path / book.name)
    return tmp_path / ws_file.name, tmp_path / book.name, ids


def keyed(path: Path) -> dict[str, dict[Any, tuple[Any, ...]]]:
    """Rows by id (or by the whole row where a table has no id)."""
    return {
        t: {r[0] if t != "meta" else r: r for r in rows} for t, rows in table_rows(path).items()
    }


def changed_rows(before: dict, after: dict) -> dict[str, set[Any]]:
    out: dict[str, set[Any]] = {}
    for table in before.keys() | after.keys():
        b, a = before.get(table, {}), after.get(table, {})
        diff = {k for k in b.keys() | a.keys() if b.get(k) != a.get(k)}
        if diff:
            out[table] = diff
    return out


def test_unedited_hostile_workbook_imports_nothing(hostile, capsys) -> None:
    ws_file, book, _ = hostile
    before = table_rows(ws_file)
    with Workspace.open(ws_file) as ws:
        plan = plan_xlsx_import(ws, book)
        assert plan.changes == [] and plan.conflicts == [], plan.report()
        apply_plan(ws, plan)
    assert table_rows(ws_file) == before
    assert main(["import-xlsx", str(ws_file), str(book)]) == 0
    assert "no changes to apply" in capsys.readouterr().out
    assert table_rows(ws_file) == before


def test_cells_hold_what_the_export_promises(hostile) -> None:
    """CRLF and lone CR become LF in the cell, control characters go, long text is cut with
    the mark: whatever XML writer and reader openpyxl uses, the cell reads back the same."""
    _, book, ids = hostile
    tps = openpyxl.load_workbook(book)["Touchpoints"]
    desc = {tps.cell(r, 1).value: tps.cell(r, 6).value for r in range(2, tps.max_row + 1)}
    assert desc[ids["tp:crlf"]] == "line 1\nline 2\n"
    assert desc[ids["tp:lone cr"]] == "line 1\nline 2"
    assert desc[ids["tp:control"]] == "a\t\n\nb"  # tab, LF, and the CR as LF
    assert desc[ids["tp:long"]].endswith(TRUNCATION_MARK) and LONG.startswith(
        desc[ids["tp:long"]][: -len(TRUNCATION_MARK)]
    )


def test_without_lxml_the_round_trip_is_still_lossless(hostile) -> None:
    """openpyxl writes a raw CR without lxml (not a dependency); XML readers turn it into LF."""
    ws_file, book, ids = hostile
    script = (
        "import sys\n"
        "from cxmapper.io.xlsx_export import export_xlsx\n"
        "from cxmapper.io.xlsx_import import plan_xlsx_import\n"
        "from cxmapper.model.workspace import Workspace\n"
        "import openpyxl.xml\n"
        "assert not openpyxl.xml.LXML\n"
        "with Workspace.open(sys.argv[1]) as ws:\n"
        "    export_xlsx(ws, sys.argv[2], sys.argv[3])\n"
        "    plan = plan_xlsx_import(ws, sys.argv[3])\n"
        "print(len(plan.changes), len(plan.conflicts))\n"
    )
    env = {**os.environ, "OPENPYXL_LXML": "False", "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", script, str(ws_file), ids["journey"], str(book)],
                         env=env, capture_output=True, text=True, check=True)  # fmt: skip
    assert out.stdout.split() == ["0", "0"], out.stdout + out.stderr


def test_demo_workspace_round_trip_is_empty(tmp_path: Path, capsys) -> None:
    """`cxmapper demo`, `export --xlsx` of each journey, `import-xlsx` of the unedited files."""
    demo = tmp_path / "demo.cxmap"
    assert main(["demo", str(demo)]) == 0
    with Workspace.open(demo) as ws:
        journeys = [j.id for j in ws.journeys()]
    before = table_rows(demo)
    for n, journey in enumerate(journeys):
        book = tmp_path / f"demo-{n}.xlsx"
        assert main(["export", str(demo), "--journey", journey, "--xlsx", str(book)]) == 0
        capsys.readouterr()
        assert main(["import-xlsx", str(demo), str(book)]) == 0
        out = capsys.readouterr().out
        assert "no changes to apply" in out and "conflict" not in out, out
    assert len(journeys) == 2 and table_rows(demo) == before


def _set(sheet: str, key: str, header: str, value: Any, header_row: int | None = None):
    """An owner's edit: the cell in `header`'s column of the row whose first cell is the id
    `key` refers to."""

    def apply(book: Path, ids: dict[str, str]) -> None:
        wb = openpyxl.load_workbook(book)
        ws = wb[sheet]
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == ids[key])
        top = header_row or next(
            r for r in range(row, 0, -1) if str(ws.cell(r, 1).value).endswith(" ID")
        )
        col = next(c for c in range(1, ws.max_column + 1) if ws.cell(top, c).value == header)
        ws.cell(row, col).value = value
        if isinstance(value, str):
            ws.cell(row, col).data_type = "s"  # typed text, even "=..." (Excel: a leading ')
        wb.save(book)

    return apply


Check = Callable[[Workspace, dict[str, str]], bool]
EDITS: list[tuple[str, Callable, str, str, Check]] = [
    # (name, edit, table, id key of the one row that changes, check on the workspace)
    ("title", _set("Touchpoints", "tp:control", "Title", "New title"), "touchpoints", "tp:control",
     lambda ws, i: ws.get("touchpoint", i["tp:control"]).title == "New title"),
    ("description", _set("Touchpoints", "tp:crlf", "Description", "one\ntwo"), "touchpoints", "tp:crlf",
     lambda ws, i: ws.get("touchpoint", i["tp:crlf"]).description == "one\ntwo"),
    ("channel", _set("Touchpoints", "tp:lone cr", "Channel", "phone"), "touchpoints", "tp:lone cr",
     lambda ws, i: ws.get("touchpoint", i["tp:lone cr"]).channel == "phone"),
    ("component", _set("Touchpoints", "tp:tabs", "Component", "service"), "touchpoints", "tp:tabs",
     lambda ws, i: ws.get("touchpoint", i["tp:tabs"]).component == "service"),
    ("emotion", _set("Touchpoints", "tp:equals", "Emotion", 2), "touchpoints", "tp:equals",
     lambda ws, i: ws.get("touchpoint", i["tp:equals"]).emotion == 2),
    ("tags", _set("Touchpoints", "tp:emoji", "Tags", "a, b 😀"), "touchpoints", "tp:emoji",
     lambda ws, i: ws.get("touchpoint", i["tp:emoji"]).tags == ["a", "b 😀"]),
    ("owner", _set("Touchpoints", "tp:trailing", "Owner", "=bob"), "touchpoints", "tp:trailing",
     lambda ws, i: ws.get("touchpoint", i["tp:trailing"]).owner_id == i["party:equals"]),
    ("goal", _set("Touchpoints", "tp:plus", "Goal", "yes"), "touchpoints", "tp:plus",
     lambda ws, i: ws.get("touchpoint", i["tp:plus"]).is_goal),
    ("match events", _set("Touchpoints", "tp:minus", "Match events", "x; y"), "touchpoints", "tp:minus",
     lambda ws, i: ws.get("touchpoint", i["tp:minus"]).match_events == ["x", "y"]),
    ("match patterns", _set("Touchpoints", "tp:at", "Match patterns", "pay*"), "touchpoints", "tp:at",
     lambda ws, i: ws.get("touchpoint", i["tp:at"]).match_patterns == ["pay*"]),
    ("target", _set("Governance", "kpi", "Target", 4.5), "kpis", "kpi",
     lambda ws, i: ws.get("kpi", i["kpi"]).target == 4.5),
    ("tolerance", _set("Governance", "kpi3", "Tolerance", None), "kpis", "kpi3",
     lambda ws, i: ws.get("kpi", i["kpi3"]).tolerance is None),
    ("responsible", _set("Governance", "kpi2", "Responsible", "Team 😀"), "kpis", "kpi2",
     lambda ws, i: ws.get("kpi", i["kpi2"]).owner_id == i["party:emoji"]),
    ("action title", _set("Actions", "action:long", "Title", "Short"), "actions", "action:long",
     lambda ws, i: ws.get("action", i["action:long"]).title == "Short"),
    ("action description", _set("Actions", "action:control", "Description", ""), "actions",
     "action:control", lambda ws, i: ws.get("action", i["action:control"]).description == ""),
    ("impact", _set("Actions", "action:crlf", "Impact", 5), "actions", "action:crlf",
     lambda ws, i: ws.get("action", i["action:crlf"]).impact == 5),
    ("effort", _set("Actions", "action:emoji", "Effort", 5), "actions", "action:emoji",
     lambda ws, i: ws.get("action", i["action:emoji"]).effort == 5),
    ("action owner", _set("Actions", "action:empty", "Owner", "carol"), "actions", "action:empty",
     lambda ws, i: ws.get("action", i["action:empty"]).owner_id == i["party:trailing"]),
    ("status", _set("Actions", "action:tabs", "Status", "done"), "actions", "action:tabs",
     lambda ws, i: ws.get("action", i["action:tabs"]).status == "done"),
    ("due date", _set("Actions", "action:plus", "Due date", "2027-01-31"), "actions", "action:plus",
     lambda ws, i: ws.get("action", i["action:plus"]).due_date == "2027-01-31"),
    ("comment", _set("Comments", "comment:lone cr", "Comment", "=fixed"), "comments", "comment:lone cr",
     lambda ws, i: ws.get("comment", i["comment:lone cr"]).text == "=fixed"),
    ("resolved", _set("Comments", "comment:minus", "Resolved", "yes"), "comments", "comment:minus",
     lambda ws, i: ws.get("comment", i["comment:minus"]).resolved),
    ("number-like text", _set("Touchpoints", "tp:number-like", "Description", 7), "touchpoints",
     "tp:number-like", lambda ws, i: ws.get("touchpoint", i["tp:number-like"]).description == "7"),
]  # fmt: skip


@pytest.mark.parametrize(("edit", "table", "key", "check"), [e[1:] for e in EDITS],
                         ids=[e[0] for e in EDITS])  # fmt: skip
def test_one_edited_cell_is_exactly_one_change(
    hostile, edit, table: str, key: str, check: Check
) -> None:
    ws_file, book, ids = hostile
    edit(book, ids)
    before = keyed(ws_file)
    with Workspace.open(ws_file) as ws:
        plan = plan_xlsx_import(ws, book)
        assert len(plan.changes) == 1 and plan.conflicts == [], plan.report()
        apply_plan(ws, plan)
        assert check(ws, ids)
    changed = changed_rows(before, keyed(ws_file))
    assert len(changed.pop("change_log")) == 1  # the import, as one change-log entry
    assert changed == {table: {ids[key]}}


def test_a_move_and_a_raci_cell(hostile) -> None:
    ws_file, book, ids = hostile
    _set("Touchpoints", "tp:long", "Stage", "stage 2 😀")(book, ids)  # shown names, any case
    _set("Touchpoints", "tp:long emoji", "Lane", "@Lane")(book, ids)
    _set("Governance", "tp:number-like", "Team 😀", "R", header_row=4)(book, ids)
    with Workspace.open(ws_file) as ws:
        plan = plan_xlsx_import(ws, book)
        assert sorted(c.op for c in plan.changes) == ["assign", "move", "move"], plan.report()
        assert plan.conflicts == []
        apply_plan(ws, plan)
        assert ws.get("touchpoint", ids["tp:long"]).stage_id == ids["stage1"]
        assert ws.get("touchpoint", ids["tp:long emoji"]).lane_id == ids["lane0"]
        roles = {(r.party_id, r.role) for r in ws.raci(ids["tp:number-like"])}
        assert (ids["party:emoji"], "R") in roles


def test_editing_a_cut_cell(hostile) -> None:
    """The mark kept at the end: the edit applies to the part shown and the rest stays.
    The mark deleted: the owner's text replaces the whole value."""
    ws_file, book, ids = hostile
    wb = openpyxl.load_workbook(book)
    tps = wb["Touchpoints"]
    row = next(r for r in range(2, tps.max_row + 1) if tps.cell(r, 1).value == ids["tp:long"])
    shown = tps.cell(row, 6).value
    tps.cell(row, 6).value = "EDITED " + shown[7:]
    wb.save(book)
    with Workspace.open(ws_file) as ws:
        plan = plan_xlsx_import(ws, book)
        assert len(plan.changes) == 1 and plan.conflicts == [], plan.report()
        apply_plan(ws, plan)
        assert ws.get("touchpoint", ids["tp:long"]).description == "EDITED " + LONG[7:]
        tp = ws.get("touchpoint", ids["tp:long"])
    _set("Touchpoints", "tp:long emoji", "Description", "short now")(book, ids)
    with Workspace.open(ws_file) as ws:
        plan = plan_xlsx_import(ws, book)
        apply_plan(ws, plan)
        assert ws.get("touchpoint", ids["tp:long emoji"]).description == "short now"
        assert ws.get("touchpoint", ids["tp:long"]).description == tp.description  # once only


def test_a_change_past_the_cut_is_a_conflict(hostile) -> None:
    """Changed in cxmapper where the cell cannot show it, and edited in the workbook: the
    baseline's stored form sees it, so the owner's edit does not overwrite it."""
    ws_file, book, ids = hostile
    _set("Touchpoints", "tp:long", "Description", "owner's text")(book, ids)
    with Workspace.open(ws_file) as ws:
        ws.update("touchpoint", ids["tp:long"], description=HOSTILE["long"] + " more")
        plan = plan_xlsx_import(ws, book)
        assert plan.changes == [] and len(plan.conflicts) == 1, plan.report()
        assert "Description: changed in the workbook" in str(plan.conflicts[0])
        assert "sha1:" not in str(plan.conflicts[0])


def test_edits_of_read_only_columns_are_reported(hostile) -> None:
    """A past reading's value, a computed priority, a card's order: shown for reference, not
    imported, and no longer dropped silently. A rename in cxmapper since the export is no
    edit of the workbook's 'Touchpoint' columns."""
    ws_file, book, ids = hostile
    wb = openpyxl.load_workbook(book)
    hist = wb["KPI history"]
    hist.cell(2, 5).value = 99.0  # Value
    wb.save(book)
    _set("Actions", "action:crlf", "Priority", 9.5)(book, ids)
    _set("Touchpoints", "tp:emoji", "Order", 42)(book, ids)
    before = table_rows(ws_file)
    with Workspace.open(ws_file) as ws:
        title = ws.get("touchpoint", ids["tp:crlf"]).title
        ws.update("touchpoint", ids["tp:crlf"], title="renamed in cxmapper")
        plan = plan_xlsx_import(ws, book)
        assert plan.changes == [], plan.report()
        text = sorted(str(c) for c in plan.conflicts)
        assert len(text) == 3, plan.report()
        assert (
            text[0].startswith("Actions row")
            and "Priority: edited, but this column is not imported" in text[0]
        )
        assert text[1].startswith("KPI history row 2: Value: edited")
        assert text[2].startswith("Touchpoints row") and "Order: edited" in text[2]
        ws.update("touchpoint", ids["tp:crlf"], title=title)
    after = table_rows(ws_file)
    assert len(after.pop("change_log")) == len(before.pop("change_log")) + 2  # the renames
    assert after == before
