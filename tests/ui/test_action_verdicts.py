"""The actions tab says whether each done action worked: from the demo, Address autocomplete
improved (drop-off fell) and Show shipping cost made no detectable change, in the workbook's
words; the decisive measure's before/after, effect and p-value in the tooltip and the detail
line, and an open action says nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.present.locale_format import format_number
from cxmapper.ui.inspector import InspectorContext, InspectorPanel
from cxmapper.ui.inspector.touchpoint_actions import VERDICT, TouchpointActions
from cxmapper.ui.undo_stack import GuardedUndoStack
from cxmapper.ui.voice_cache import journey_voice
from tests.demo_with_data import write_demo_with_data

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("ui/test_action_verdicts")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_with_data(tmp_path_factory.mktemp("verdicts") / "demo.cxmap")


@pytest.fixture
def panel(qtbot: QtBot, demo_path: Path) -> Iterator[tuple[InspectorPanel, Workspace]]:
    ws = Workspace.open(demo_path)
    panel = InspectorPanel()
    qtbot.addWidget(panel)
    panel.resize(460, 800)
    panel.show()
    panel.set_context(InspectorContext(ws, GuardedUndoStack(), lambda _: None))
    yield panel, ws
    panel.set_context(None)
    ws.close()


def actions_of(panel: InspectorPanel, ws: Workspace, title: str) -> TouchpointActions:
    journey = ws.find_journey("Online purchase")
    (tp,) = [t for t in ws.touchpoints(journey.id) if t.title == title]
    panel.show_entity("touchpoint", tp.id)
    page = panel.touchpoint_page.show_tab("actions")
    panel.flush()
    assert isinstance(page, TouchpointActions)
    return page


def cell(page: TouchpointActions, row: int, col: int) -> QTableWidgetItem:
    item = page.table.item(row, col)
    assert item is not None
    return item


def row_of(page: TouchpointActions, title: str) -> int:
    (row,) = [r for r in range(page.table.rowCount()) if cell(page, r, 0).text() == title]
    return row


def test_the_dated_change_reads_improved_with_its_figures(panel) -> None:  # type: ignore[no-untyped-def]
    p, ws = panel
    page = actions_of(p, ws, "Checkout: address")
    row = row_of(page, "Address autocomplete")
    shown = cell(page, row, VERDICT)
    assert shown.text() == "improved"
    journey = ws.find_journey("Online purchase")
    voice = journey_voice(ws, journey.id)
    assert voice is not None
    (found,) = [a for a in voice.report.verdicts if a.title == "Address autocomplete"]
    (m,) = [m for m in found.verdict.measures if m.measure == "dropoff"]
    c = m.comparison
    assert c.value_a is not None and c.value_b is not None and found.verdict.effect is not None
    before, after = format_number(c.value_a, 1), format_number(c.value_b, 1)
    effect = format_number(abs(found.verdict.effect), 1)
    expected = f"drop-off: {before} % → {after} %, effect −{effect} points"
    assert expected in shown.toolTip()
    assert f"n = {format_number(c.n_a)} before" in shown.toolTip()
    page.table.selectRow(row)
    assert page.verdict.isVisibleTo(page) and expected in page.verdict.text()


def test_the_action_without_effect_reads_no_detectable_change(panel) -> None:  # type: ignore[no-untyped-def]
    p, ws = panel
    page = actions_of(p, ws, "Cart")
    row = row_of(page, "Show shipping cost before checkout")
    assert cell(page, row, VERDICT).text() == "no detectable change"
    assert "p = " in cell(page, row, VERDICT).toolTip()


def test_open_actions_say_nothing(panel) -> None:  # type: ignore[no-untyped-def]
    p, ws = panel
    page = actions_of(p, ws, "Checkout: payment")
    assert page.table.rowCount() > 0
    for row in range(page.table.rowCount()):
        assert cell(page, row, 2).text() != "done"
        assert cell(page, row, VERDICT).text() == ""
    page.table.selectRow(0)
    assert not page.verdict.isVisibleTo(page) and page.verdict.text() == ""


def test_the_verdict_column_title_fits_on_a_card_without_actions(
    panel: tuple[InspectorPanel, Workspace],
) -> None:
    """Sized by its cells alone, the column cut its own title to "Esit" (Italian gallery) on a
    card with no action: the header's width counts too."""
    inspector, ws = panel
    journey = ws.find_journey("Online purchase")
    bare = [t for t in ws.touchpoints(journey.id) if not ws.actions(t.id)]
    assert bare
    page = actions_of(inspector, ws, bare[0].title)
    assert page.table.rowCount() == 0
    header = page.table.horizontalHeader()
    assert page.table.columnWidth(VERDICT) >= header.sectionSizeHint(VERDICT)


def test_the_action_title_keeps_its_room_beside_the_verdict(
    qtbot: QtBot, panel: tuple[InspectorPanel, Workspace]
) -> None:
    """At the inspector's default width (396 px) the title column was squeezed to "S…" once
    the verdict column joined "Impact / effort", "Status" and "Due"."""
    inspector, ws = panel
    inspector.resize(396, 800)
    journey = ws.find_journey("Online purchase")
    done = [
        t for t in ws.touchpoints(journey.id) if any(a.status == "done" for a in ws.actions(t.id))
    ]
    page = actions_of(inspector, ws, done[0].title)
    qtbot.waitUntil(lambda: page.table.viewport().width() < 396)
    assert page.table.rowCount() >= 1
    assert page.table.columnWidth(0) >= 90, page.table.columnWidth(0)  # 32 before
