"""Tasks for the job tests (imported by the worker process): wait, misbehave, fail, crash."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait(seconds: float, progress: Callable[[float, str], None]) -> float:
    progress(0.5, "waiting")
    time.sleep(seconds)
    return seconds


def unpicklable(progress: Callable[[float, str], None]) -> object:
    return lambda: None  # cannot travel back to the app


def crash(progress: Callable[[float, str], None]) -> None:
    import os

    os._exit(3)  # like a worker killed by the system


def bug(progress: Callable[[float, str], None]) -> None:
    raise RuntimeError("deliberate bug 4711")  # an unexpected error, not a refused input


def worded(progress: Callable[[float, str], None]) -> str:
    """A text the worker words itself (as the analysis words a friction reason)."""
    from cxmapper.present.labels import _

    return _("slow: 90% move on within {time} ({ratio} {reference})")
