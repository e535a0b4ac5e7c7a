"""The import wizard's "Link instead of copy": the dataset keeps the file's link, the panel
analyses from the file, and when the file changes it says so in one line and offers
"Relink…", which renews the link as one undoable step and analyses again."""

from __future__ import annotations

from pathlib import Path

from cxmapper.model.workspace import Workspace
from cxmapper.ui import file_dialogs
from cxmapper.ui.overlay import link_option
from cxmapper.ui.overlay.import_dialog import ImportDialog
from cxmapper.ui.overlay.panel import AnalysisPanel
from cxmapper.ui.undo_stack import GuardedUndoStack

LOG = """user_id,timestamp,event
c1,2026-03-02T10:00:00Z,home_view
c1,2026-03-02T10:02:00Z,order
c2,2026-03-02T11:00:00Z,home_view
"""


def _import(qtbot, path: Path, link: bool):
    dialog = ImportDialog(None, str(path))
    qtbot.addWidget(dialog)
    assert not dialog.link_box.isChecked()  # a small file is copied unless asked
    dialog.link_box.setChecked(link)
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=60000)
    return dialog.imported


def _analysed(qtbot, panel: AnalysisPanel) -> None:
    qtbot.waitUntil(lambda: not (panel.job is not None and panel.job.running), timeout=60000)


def test_link_then_change_then_relink(qtbot, file_ws: Workspace, tmp_path: Path, monkeypatch):
    log = tmp_path / "events.csv"
    log.write_text(LOG, encoding="utf-8")
    imported = _import(qtbot, log, link=True)
    assert imported.payload == b"" and imported.options["kind"] == "link"
    assert imported.options["path"] == str(log.resolve())
    j = file_ws.add_journey("Shop")
    s = file_ws.add_stage(j.id, "All")
    lane = file_ws.add_lane(j.id, "Web", "channel")
    file_ws.add_touchpoint(s.id, lane.id, "Home", match_events=["home_view"])
    stack = GuardedUndoStack()
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(file_ws, j.id, stack)
    panel.store_dataset(imported)
    _analysed(qtbot, panel)
    assert panel.result is not None and panel.result.report.n_events == 3
    assert getattr(panel, "relink_button", None) is None  # nothing to offer

    log.write_text(LOG + "c3,2026-03-02T12:00:00Z,home_view\n", encoding="utf-8")
    panel.run()
    _analysed(qtbot, panel)
    text = panel.status.text()
    assert text.startswith("Analysis failed: ") and "\n" not in text
    assert "linked file changed since it was linked (size" in text
    assert panel.relink_button.isVisibleTo(panel)

    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a: str(log))
    panel.result = None
    panel.relink_button.click()  # same file, its new content: the link is renewed
    _analysed(qtbot, panel)
    assert panel.result is not None and panel.result.report.n_events == 4
    assert not panel.relink_button.isVisibleTo(panel)
    ds_id = panel.dataset.currentData()
    assert file_ws.get("dataset", ds_id).options["size"] == log.stat().st_size
    stack.undo()  # the relink is one step
    assert file_ws.get("dataset", ds_id).options["size"] == len(LOG.encode())


def test_copy_stays_the_default_and_large_files_are_offered_linked(qtbot, tmp_path, monkeypatch):
    log = tmp_path / "events.csv"
    log.write_text(LOG, encoding="utf-8")
    imported = _import(qtbot, log, link=False)
    assert imported.payload and "kind" not in imported.options
    monkeypatch.setattr(link_option, "LARGE_BYTES", 10)
    dialog = ImportDialog(None, str(log))
    qtbot.addWidget(dialog)
    assert dialog.link_box.isChecked()
