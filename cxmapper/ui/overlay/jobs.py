"""Long work (imports, analyses) in a separate process, with progress and a real Cancel.

A worker process rather than a thread: pandas holds the GIL in places and cannot be
interrupted, while a process can be stopped at once. Tasks only read files, so stopping one
never leaves anything half-written; the result comes back pickled.

Starting a process and importing pandas takes longer than analysing a workshop-sized log, so
one spare worker waits with the libraries loaded: started when the analysis panel or the
import wizard opens, and again after every job, so Analyse, a segment or a period change
starts at once. Each job still has its own process, so Cancel still stops exactly that job.

A worker's unexpected error (a bug, not a refused input) comes back with its full traceback,
which the app writes to the log file in the user's data folder (cxmapper/logfile.py), so the
user can send it with a bug report.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing as mp
import traceback
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from cxmapper.errors import CxError
from cxmapper.present import language
from cxmapper.present.keyed_text import readable

log = logging.getLogger(__name__)

# What a spare worker imports while it waits (the analysis tasks bring pandas and pyarrow).
PRELOAD = ("cxmapper.analysis.tasks",)


def _serve(conn: Any) -> None:
    """A worker's life: load the heavy libraries, run the one task handed over, report back.

    One duplex pipe carries the task in and the progress and result out: unlike a queue it
    needs no semaphores, so a killed app leaves nothing behind, and when the app goes away
    before a task arrives the read fails and the worker simply ends.
    """
    for name in PRELOAD:
        importlib.import_module(name)
    try:
        task, kwargs, code = conn.recv()
    except (EOFError, OSError):
        return
    language.use_language(code)
    module_name, _, func_name = task.rpartition(".")
    try:
        func = getattr(importlib.import_module(module_name), func_name)
        result = func(**kwargs, progress=lambda f, m: conn.send(("progress", f, m)))
        message: tuple[Any, ...] = ("done", result)
    except CxError as exc:
        message = ("error", str(exc))
    except Exception as exc:  # an unexpected bug: report it rather than die silently
        message = (
            "error",
            f"unexpected error: {exc!r}\n{traceback.format_exc(limit=5)}",
            traceback.format_exc(),  # whole, for the log file
        )
    try:
        conn.send(message)  # pickled whole before anything is written
    except OSError:  # cancelled, or the app closed meanwhile
        return
    except Exception as exc:  # the result cannot be pickled: a bug, reported as one
        with suppress(OSError):
            text = f"unexpected error: the result cannot be sent back ({exc!r})"
            conn.send(("error", text, traceback.format_exc()))


class _Worker:
    """A spawned worker process and our end of its pipe."""

    def __init__(self) -> None:
        ctx = mp.get_context("spawn")
        self.conn, theirs = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_serve, args=(theirs,), daemon=True)
        self.process.start()
        theirs.close()  # the child holds its own end

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=5)
        self.conn.close()


_spare: _Worker | None = None
_retiring: list[_Worker] = []  # finished jobs' workers, still shutting their interpreter down


def _retire(worker: _Worker) -> None:
    """Let a finished worker exit on its own (pandas' shutdown takes ~0.1 s); reap the ended."""
    worker.conn.close()
    _retiring.append(worker)
    for w in list(_retiring):
        if not w.process.is_alive():
            w.process.join()
            _retiring.remove(w)


def _take_worker() -> _Worker:
    """The waiting spare if it is still alive, else a fresh worker."""
    global _spare
    worker, _spare = _spare, None
    if worker is not None and worker.process.is_alive():
        return worker
    if worker is not None:
        worker.stop()
    return _Worker()


def prewarm() -> None:
    """Have a spare worker loading or waiting: when a job is about to be wanted (panel or
    wizard shown, a job just ended or was cancelled)."""
    global _spare
    if _spare is None or not _spare.process.is_alive():
        if _spare is not None:
            _spare.stop()
        _spare = _Worker()


def spare_worker() -> _Worker | None:
    """The worker waiting for the next job, if any (what the next `start` will use)."""
    return _spare


def discard_spare() -> None:
    """Stop the waiting worker and reap finished ones (at exit, and between tests)."""
    global _spare
    if _spare is not None:
        _spare.stop()
        _spare = None
    while _retiring:
        _retiring.pop().stop()


class BackgroundJob(QObject):
    """Run `module.function(**kwargs, progress=...)` in a worker process."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, task: str, kwargs: dict[str, Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task = task
        self._kwargs = kwargs
        self._worker: _Worker | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._poll)
        self.running = False

    @property
    def pid(self) -> int | None:
        return self._worker.process.pid if self._worker is not None else None

    def start(self) -> None:
        self.running = True
        self.progress.emit(0.0, QCoreApplication.translate("BackgroundJob", "Starting"))
        self._worker = _take_worker()
        # with the app's language: a spawned worker starts in the system's, and the texts it
        # words (a friction reason, a CxError) were English in an Italian app
        self._worker.conn.send((self._task, self._kwargs, language.current_language()))
        self._timer.start()

    def cancel(self) -> None:
        if not self.running:
            return
        self._stop()
        if self._worker is not None:
            self._worker.stop()
        prewarm()  # a cancelled job is usually started again, with other settings
        self.cancelled.emit()

    def _stop(self) -> None:
        self.running = False
        self._timer.stop()

    def _poll(self) -> None:
        worker = self._worker
        if worker is None or not self.running:
            return
        while worker.conn.poll():
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):  # the worker died mid-message: reported below
                break
            if message[0] == "progress":
                # the worker sends keys (present.keyed_text): worded here, in the app's language
                self.progress.emit(float(message[1]), readable(str(message[2])))
                continue
            self._stop()
            _retire(worker)
            prewarm()
            if message[0] == "done":
                self.finished.emit(message[1])
            else:
                if len(message) > 2:  # a bug in the worker: its traceback goes to the log
                    log.error("background task %s failed:\n%s", self._task, message[2])
                self.failed.emit(message[1])
            return
        if not worker.process.is_alive():
            self._stop()
            worker.stop()
            text = f"the worker stopped unexpectedly (exit code {worker.process.exitcode})"
            log.error("background task %s: %s", self._task, text)
            self.failed.emit(text)
