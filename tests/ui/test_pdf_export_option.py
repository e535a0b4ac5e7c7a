"""File ▸ Export ▸ PDF: the save dialog's file type chooses one page or tiles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.ui import file_dialogs, transfer
from cxmapper.ui.main_window import MainWindow


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


@pytest.mark.parametrize(("mode", "one_page"), [("fit", True), ("tile", False)])
def test_the_chosen_file_type_sets_the_pages(
    qtbot: QtBot, strict_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    mode: str, one_page: bool,
) -> None:  # fmt: skip
    window = strict_window
    demo = tmp_path / "demo.cxmap"
    write_demo(demo)
    assert window.open_path(demo)
    target = tmp_path / "map"  # the suffix is added
    chosen = dict(transfer.PDF_PAGES)[mode]
    offered: list[str] = []

    def pick(_parent, _title, _folder, file_filter: str) -> tuple[str, str]:
        offered.append(file_filter)
        return str(target), chosen

    monkeypatch.setattr(file_dialogs, "save_file_name_and_filter", pick)
    window.transfer.export_dialog("pdf")
    job = window.transfer.job
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    assert offered and all(f in offered[0] for _, f in transfer.PDF_PAGES)
    pages = pdf_pages(target.with_suffix(".pdf"))
    assert (pages == 1) if one_page else (pages > 1)
