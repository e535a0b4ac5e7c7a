"""File ▸ Export ▸ Excel with an analysis shown: the workbook names the dataset, as the CLI's
`export --dataset` does (it read "Behavioural data: : 10,200 cases")."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from cxmapper.analysis.tasks import import_events
from cxmapper.model.demo import write_demo
from cxmapper.ui.main_window import MainWindow


def test_gui_export_names_the_dataset(
    qtbot: QtBot, strict_window: MainWindow, tmp_path: Path
) -> None:
    window = strict_window
    path = tmp_path / "demo.cxmap"
    log = write_demo(path)
    assert window.open_path(path)
    dock = window.analysis_dock
    panel = dock.ensure_panel()
    with qtbot.waitSignal(
        panel.overlay_changed, timeout=60000, check_params_cb=lambda o: bool(o.cards)
    ):
        dock.overlay_actions["friction"].trigger()
        panel.store_dataset(import_events(log))
    target = tmp_path / "map.xlsx"
    job = window.transfer.export("xlsx", str(target))
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    book = openpyxl.load_workbook(target)
    facts = {
        row[0].value: row[1].value for row in book["Overview"].iter_rows(min_row=4) if row[0].value
    }
    assert facts["Behavioural data"].startswith("demo-events: 10,200 cases")
    assert "dataset demo-events (10,200 cases)" in book["Friction map"]["A2"].value
    # B2: column A holds the hidden touchpoint ids, the sheet's title block moved beside it
    assert book["Friction"]["B2"].value.startswith("Dataset demo-events: 10,200 cases")
