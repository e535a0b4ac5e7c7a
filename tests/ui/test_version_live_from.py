"""Live-from dates in the app: the Save Version dialog checks the date (one-line error, the
dialog stays open, nothing saved) and saves it; the Before/after view takes two versions'
live periods as its two windows instead of typed dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from cxmapper.model.versions import save_version, versions
from cxmapper.model.workspace import Workspace
from cxmapper.ui.dialogs.save_version import SaveVersionDialog
from cxmapper.ui.governance.dialog import GovernanceDialog
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay.panel import AnalysisPanel
from cxmapper.ui.undo_stack import GuardedUndoStack


def test_save_dialog_checks_the_date_and_saves_it(
    strict_window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    ids = small_journey
    file_ws.close()
    assert strict_window.open_path(ws_path)
    ws = strict_window.workspace
    assert ws is not None
    governance = GovernanceDialog(ws, ids["journey"], strict_window.undo_stack, strict_window)
    dialog = SaveVersionDialog(governance.save_version, governance)
    dialog.show()
    dialog.name.setText("As-is")
    dialog.live_from.setText("2026-13-01")
    dialog.accept()
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert dialog.error.text() == (
        "live-from date '2026-13-01' is not a date (write it as YYYY-MM-DD)"
    )
    assert versions(ws, ids["journey"]) == []
    dialog.live_from.setText("2026-01-15")
    dialog.accept()
    assert not dialog.isVisible()
    again = SaveVersionDialog(governance.save_version, governance)
    again.show()
    again.name.setText("As-is")  # taken: the model's refusal, in the same line
    again.accept()
    assert again.isVisible() and "already has a version named 'As-is'" in again.error.text()
    strict_window.close_workspace()
    with Workspace.open(ws_path) as reopened:
        assert [(v.name, v.live_from) for v in versions(reopened, ids["journey"])] == [
            ("As-is", "2026-01-15")
        ]


def test_before_after_takes_two_versions_live_periods(
    qtbot: QtBot, file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    ids = small_journey
    save_version(file_ws, ids["journey"], "As-is", live_from="2026-01-01")
    save_version(file_ws, ids["journey"], "Draft")  # no live-from date: not offered
    save_version(file_ws, ids["journey"], "To-be", live_from="2026-03-01")
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(file_ws, ids["journey"], GuardedUndoStack())
    periods = panel.version_periods
    periods.refresh()
    assert [periods.before.itemText(i) for i in range(periods.before.count())] == [
        "As-is (2026-01-01 – 2026-03-01)", "To-be (2026-03-01 – today)"]  # fmt: skip
    assert periods.before.currentText().startswith("As-is")
    assert periods.after.currentText().startswith("To-be")
    assert periods.use() is None
    tomorrow = date.today() + timedelta(days=1)
    request = panel.request()
    assert request.compare_to == (
        datetime(2026, 1, 1, tzinfo=UTC),
        datetime(2026, 3, 1, tzinfo=UTC),
    )
    assert request.period == (
        datetime(2026, 3, 1, tzinfo=UTC),
        datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=UTC),
    )
    periods.after.setCurrentIndex(0)
    assert periods.use() == "Choose two different versions"
