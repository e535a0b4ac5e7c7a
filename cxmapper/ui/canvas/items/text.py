"""Text fitting shared by items: wrap into a few lines and elide the last, computed once per
content change rather than per paint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF


def wrap_elide(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    words = text.split()
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(words):
        candidate = f"{current} {words[i]}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            i += 1
            continue
        lines.append(current)
        current = ""
        if len(lines) == max_lines - 1:
            break
    rest = " ".join([current, *words[i:]]).strip() if current or i < len(words) else ""
    if rest:
        lines.append(rest)
    lines = lines[:max_lines]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
