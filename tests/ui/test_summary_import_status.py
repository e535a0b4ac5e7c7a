"""A Spark summary imported through the wizard: the wizard and the analysis panel's status line
say in one short sentence that counts are exact and medians / p90 approximate (with the rank
error), and the tooltip holds the whole error bound and every note (issue 16: "the app says so
next to the figure")."""

from __future__ import annotations

from pathlib import Path

from cxmapper.analysis.summary_import import UNAVAILABLE
from cxmapper.model.workspace import Workspace
from cxmapper.ui.overlay.import_dialog import ImportDialog
from cxmapper.ui.overlay.panel import AnalysisPanel
from cxmapper.ui.undo_stack import GuardedUndoStack
from tests.ui.test_summary_overlay_panel import _summary, shop  # noqa: F401 (a fixture)

SHORT = "Spark summary: counts exact, medians and p90 within 0.01% of rank; 1 note(s)"


def test_wizard_imports_a_summary_and_says_what_it_is(qtbot, tmp_path: Path) -> None:
    dialog = ImportDialog(None, str(_summary(tmp_path)))
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled()
    text, tip = dialog.status.text(), dialog.status.toolTip()
    assert text.startswith("Spark summary of 8 events, 4 cases.") and SHORT in text
    assert len(text) < 160  # short: the details are in the tooltip
    assert "percentile_approx (accuracy 10000)" in tip and "0.0001" in tip
    assert UNAVAILABLE in tip
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=60000)
    assert dialog.imported.options["kind"] == "summary"
    assert (dialog.imported.n_events, dialog.imported.n_cases) == (8, 4)


def test_panel_status_keeps_the_bound_after_the_analysis(
    qtbot,
    file_ws: Workspace,
    shop: dict,  # noqa: F811
    tmp_path: Path,
) -> None:
    dialog = ImportDialog(None, str(_summary(tmp_path)))
    qtbot.addWidget(dialog)
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=60000)
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(file_ws, shop["journey"], GuardedUndoStack())
    with qtbot.waitSignal(panel.overlay_changed, timeout=60000):
        panel.store_dataset(dialog.imported)  # says so, then the analysis starts at once
        assert "relative rank error 0.0001" in panel.status.toolTip()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=60000)
    text, tip = panel.status.text(), panel.status.toolTip()
    assert text.startswith("4 cases, 8 events") and "Spark summary: counts exact" in text
    assert "transition medians are approximate: rank error 0.0001" in tip  # the report's note
    assert UNAVAILABLE in tip and "relative rank error 0.0001" in tip


def test_an_event_log_gets_no_summary_tooltip(qtbot, tmp_path: Path) -> None:
    log = tmp_path / "e.csv"
    log.write_text("case,event,timestamp\nc1,A,2026-03-02T10:00:00Z\n", encoding="utf-8")
    dialog = ImportDialog(None, str(log))
    qtbot.addWidget(dialog)
    assert "Spark summary" not in dialog.status.text() and dialog.status.toolTip() == ""
