"""Where the analysis shown now hands its money figures to the rest of the window.

The analysis panel owns the result; the inspector's Money tab shows the selected card's part
of it. Rather than wiring the panel to the inspector through the main window, the panel
publishes here and the tab listens: one small object per application.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class MoneyHub(QObject):
    """The money figures (`analysis.money.MoneyFigures`) of the journey analysed now."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.journey_id: str | None = None
        self.money: Any = None

    def publish(self, journey_id: str | None, money: Any) -> None:
        """The panel shows a new result (money None: no figures, or no analysis)."""
        self.journey_id, self.money = journey_id, money
        self.changed.emit()

    def figures_for(self, journey_id: str | None) -> Any:
        """The money figures when they are of `journey_id`, else None."""
        return self.money if journey_id is not None and journey_id == self.journey_id else None


_HUB: MoneyHub | None = None


def money_hub() -> MoneyHub:
    global _HUB
    if _HUB is None:
        _HUB = MoneyHub()
    return _HUB
