"""The pinned Qt binding must not leak references to None/True.

PySide6 6.12.0 on Python 3.11 returns None from void methods (and True from Signal.emit)
without taking a reference; a canvas makes thousands of such calls and the interpreter aborts
with "none_dealloc". 6.11.3 is pinned because it does not; this test keeps it that way.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPen


class Emitter(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_keep_singleton_refcounts() -> None:
    pen, emitter = QPen(), Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        pen.setWidthF(1.0)
        emitter.fired.emit(1)
    # a leaking binding drops 2,000 references of each; allow a little noise from the runtime
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
