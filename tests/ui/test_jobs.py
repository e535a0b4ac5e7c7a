"""Background jobs: one process per job (so Cancel stops exactly it), a warm spare after one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cxmapper import logfile
from cxmapper.ui.overlay import jobs
from cxmapper.ui.overlay.jobs import BackgroundJob

LOG = "user_id,event,timestamp\nu1,visit,2026-01-05T10:00:00Z\nu1,buy,2026-01-05T10:05:00Z\n"


@pytest.fixture
def log(tmp_path: Path) -> str:
    path = tmp_path / "events.csv"
    path.write_text(LOG, encoding="utf-8")
    return str(path)


def run(qtbot: QtBot, task: str, **kwargs: object) -> tuple[BackgroundJob, object]:
    job = BackgroundJob(task, kwargs)
    with qtbot.waitSignal(job.finished, timeout=60000) as done:
        job.start()
    return job, done.args[0]


def test_a_finished_job_leaves_a_warm_worker_for_the_next(qtbot: QtBot, log: str) -> None:
    assert jobs.spare_worker() is None  # nothing runs before the first job
    first, imported = run(qtbot, "cxmapper.analysis.tasks.import_events", path=log)
    assert imported.n_events == 2
    spare = jobs.spare_worker()
    assert spare is not None and spare.process.is_alive() and spare.process.pid != first.pid
    second, again = run(qtbot, "cxmapper.analysis.tasks.import_events", path=log, name="x")
    assert second.pid == spare.process.pid  # the next job ran in the waiting worker
    assert again.name == "x" and again.n_events == 2
    assert (
        jobs.spare_worker() is not None and jobs.spare_worker().process.pid != second.pid
    )  # a new spare
    jobs.discard_spare()
    assert jobs.spare_worker() is None and not spare.process.is_alive()


def test_cancel_stops_the_job_in_a_warm_worker_only(qtbot: QtBot, log: str) -> None:
    run(qtbot, "cxmapper.analysis.tasks.import_events", path=log)  # leaves a spare
    job = BackgroundJob("tests.ui.slow_task.wait", {"seconds": 30.0})
    with qtbot.waitSignal(job.progress, timeout=60000, check_params_cb=lambda f, m: f == 0.5):
        job.start()  # running in the warm worker
    worker = job._worker
    assert worker is not None and worker.process.is_alive()
    with qtbot.waitSignal(job.cancelled, timeout=10000):
        job.cancel()
    assert not worker.process.is_alive()
    assert (
        jobs.spare_worker() is not None and jobs.spare_worker().process.is_alive()
    )  # warm for the retry


def test_a_failing_task_reports_its_error(qtbot: QtBot, tmp_path: Path) -> None:
    job = BackgroundJob("cxmapper.analysis.tasks.import_events", {"path": str(tmp_path / "no")})
    with qtbot.waitSignal(job.failed, timeout=60000) as failed:
        job.start()
    assert "no such file" in failed.args[0]


def test_a_result_that_cannot_travel_back_is_reported(qtbot: QtBot) -> None:
    job = BackgroundJob("tests.ui.slow_task.unpicklable", {})
    with qtbot.waitSignal(job.failed, timeout=60000) as failed:
        job.start()
    assert "cannot be sent back" in failed.args[0]


def test_a_worker_that_dies_is_reported_with_its_exit_code(qtbot: QtBot) -> None:
    job = BackgroundJob("tests.ui.slow_task.crash", {})
    with qtbot.waitSignal(job.failed, timeout=60000) as failed:
        job.start()
    assert "stopped unexpectedly (exit code 3)" in failed.args[0]
    assert not job.running


def test_a_bug_in_a_worker_leaves_its_traceback_in_the_log_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = logfile.install(tmp_path / "data" / logfile.LOG_NAME)
    try:
        job = BackgroundJob("tests.ui.slow_task.bug", {})
        with qtbot.waitSignal(job.failed, timeout=60000) as failed:
            job.start()
    finally:
        logfile.uninstall()  # closes (and so flushes) the file
    assert "deliberate bug 4711" in failed.args[0]
    text = path.read_text(encoding="utf-8")
    assert "ERROR cxmapper.ui.overlay.jobs" in text
    assert "background task tests.ui.slow_task.bug failed" in text
    assert "Traceback (most recent call last)" in text
    assert 'in bug\n    raise RuntimeError("deliberate bug 4711")' in text
