"""Progress texts of exports and analyses follow the app's language: the worker sends keys
(present.keyed_text) and the job words them in the app ("Writing demo.xlsx" read English in
the Italian app's export progress dialog and analysis panel)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from cxmapper.io.tasks import export_file
from cxmapper.model.workspace import Workspace
from cxmapper.present.keyed_text import readable
from cxmapper.ui import translations
from cxmapper.ui.overlay.jobs import BackgroundJob


@pytest.fixture
def italian(qapp: QCoreApplication) -> Iterator[None]:
    assert translations.install_language(qapp, "it") == "it"
    yield
    translations.install_language(qapp, "en")


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[str, str]:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        journey = ws.add_journey("J")
        ws.add_stage(journey.id, "A")
    return str(path), journey.id


def test_export_steps_are_keys_worded_in_either_language(
    qapp: QCoreApplication, workspace: tuple[str, str], tmp_path: Path
) -> None:
    sent: list[str] = []
    export_file(
        *workspace, str(tmp_path / "mappa.json"), "json", progress=lambda _f, m: sent.append(m)
    )
    translations.install_language(qapp, "en")
    assert [readable(m) for m in sent] == ["Writing mappa.json", "Finished"]
    translations.install_language(qapp, "it")
    try:
        assert [readable(m) for m in sent] == ["Scrittura di mappa.json", "Completato"]
    finally:
        translations.install_language(qapp, "en")


def test_a_job_reports_its_progress_in_italian(
    italian: None, qtbot: QtBot, workspace: tuple[str, str], tmp_path: Path
) -> None:
    ws, journey_id = workspace
    out = tmp_path / "mappa.xlsx"
    job = BackgroundJob("cxmapper.io.tasks.export_file",
                        {"workspace": ws, "journey_id": journey_id, "path": str(out), "fmt": "xlsx"})  # fmt: skip
    said: list[str] = []
    job.progress.connect(lambda _f, m: said.append(m))
    with qtbot.waitSignal(job.finished, timeout=120000):
        job.start()
    assert out.exists()
    assert said == ["Avvio", "Scrittura di mappa.xlsx", "Completato"]


def test_the_worker_words_its_texts_in_the_app_language(italian: None, qtbot: QtBot) -> None:
    """A spawned worker starts in the system's language: the job hands it the app's (the
    Italian top-friction view read "slow: 90% move on within ...")."""
    job = BackgroundJob("tests.ui.slow_task.worded", {})
    with qtbot.waitSignal(job.finished, timeout=120000) as done:
        job.start()
    assert done.args[0] == "lento: il 90% prosegue entro {time} ({ratio} {reference})"
