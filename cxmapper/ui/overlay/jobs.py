"""Long work (imports, analyses) in a separate process, with progress and a real Cancel.

A worker process rather than a thread: pandas holds the GIL in places and cannot be
interrupted, while a process can be stopped at once. Tasks only read files, so stopping one
never leaves anything half-written; the result comes back pickled.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import queue
import traceback
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from cxmapper.errors import CxError


def _child(task: str, kwargs: dict[str, Any], out: Any) -> None:
    module_name, _, func_name = task.rpartition(".")
    try:
        func = getattr(importlib.import_module(module_name), func_name)
        result = func(**kwargs, progress=lambda f, m: out.put(("progress", f, m)))
        out.put(("done", result))
    except CxError as exc:
        out.put(("error", str(exc)))
    except Exception as exc:  # an unexpected bug: report it rather than die silently
        out.put(("error", f"unexpected error: {exc!r}\n{traceback.format_exc(limit=5)}"))


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
        ctx = mp.get_context("spawn")
        self._queue = ctx.Queue()
        self._process = ctx.Process(target=_child, args=(task, kwargs, self._queue), daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(40)
        self._timer.timeout.connect(self._poll)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.progress.emit(0.0, "Starting")
        self._process.start()
        self._timer.start()

    def cancel(self) -> None:
        if not self.running:
            return
        self._stop()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=5)
        self._release()
        self.cancelled.emit()

    def _stop(self) -> None:
        self.running = False
        self._timer.stop()

    def _release(self) -> None:
        """Close the queue's pipe and feeder thread so nothing leaks into interpreter exit."""
        if self._queue is not None:
            self._queue.close()
            self._queue.join_thread()
            self._queue = None  # its semaphores are freed with it

    def _poll(self) -> None:
        while self._queue is not None:
            try:
                message = self._queue.get_nowait()
            except queue.Empty:
                break
            if message[0] == "progress":
                self.progress.emit(float(message[1]), str(message[2]))
                continue
            self._stop()
            self._process.join(timeout=5)
            self._release()
            if message[0] == "done":
                self.finished.emit(message[1])
            else:
                self.failed.emit(message[1])
            return
        if self._queue is None:
            return
        if not self._process.is_alive() and self.running and self._queue.empty():
            self._stop()
            self._release()
            self.failed.emit(
                f"the worker stopped unexpectedly (exit code {self._process.exitcode})"
            )

    def wait(self, timeout_ms: int = 60000) -> None:
        """Block until done (tests and the headless CLI only)."""
        import time

        deadline = time.monotonic() + timeout_ms / 1000
        while self.running and time.monotonic() < deadline:
            self._poll()
            time.sleep(0.02)
