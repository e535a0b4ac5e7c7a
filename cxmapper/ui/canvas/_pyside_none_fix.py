"""Work around reference-count bugs of the PySide6 6.12 abi3 wheel on Python 3.11.

The wheel returns None and True without taking a reference: void methods (QPen.setWidthF,
QGraphicsItem.setPos, QPainter.setPen...) return None, `Signal.emit()` returns True. Python
3.12+ makes these singletons immortal, so the wheel works there; on 3.11 every such call
drops a reference and after a few thousand calls the interpreter aborts ("none_dealloc:
deallocating None" / "bool_dealloc: deallocating True or False"). A canvas paints thousands of
items and the model bridge emits a signal per change, so this happens within minutes.
Reproduce: `p = QPen(); [p.setWidthF(1) for _ in range(10_000)]` or 2,000 `sig.emit(1)`.

Giving the singletons a huge count is what Python 3.12 does itself (immortal objects). This
belongs in application start-up; it is applied on import of the canvas until it is.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def apply() -> None:
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _HEADROOM // 2:
            count.value += _HEADROOM
