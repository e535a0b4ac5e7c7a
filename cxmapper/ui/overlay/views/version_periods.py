"""Two versions' live periods as the Before/after comparison's two windows, instead of typed
dates: pick the version that was live before and the one live after, and the panel's
"Compare with" period becomes the first one's live period and "Period" the second one's
(`model.versions.live_periods`: each version is live from its date until the next one's;
the last one until today). The per-card table then compares the cards' behaviour under the
two versions once Analyse is pressed.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cxmapper.model.versions import live_periods, versions
from cxmapper.ui.overlay.fit_widgets import ElidedCombo

if TYPE_CHECKING:
    from cxmapper.ui.overlay.panel import AnalysisPanel


def _qdate(text: str) -> QDate:
    d = date.fromisoformat(text)
    return QDate(d.year, d.month, d.day)


class VersionPeriods(QWidget):
    """Reads the panel's workspace and journey when shown; writes only the panel's dates."""

    def __init__(self, panel: AnalysisPanel) -> None:
        super().__init__()
        self.panel = panel
        self.periods: dict[str, tuple[str, str | None]] = {}
        # elided, never as wide as "As-is (2026-01-01 – 2026-03-01)": the panel is ~370 px
        self.before, self.after = ElidedCombo(), ElidedCombo()
        for combo in (self.before, self.after):
            combo.setMinimumContentsLength(3)  # their size hint sets the dock's first width
        self.before.setAccessibleName(QCoreApplication.translate("VersionPeriods", "Live before"))
        self.after.setAccessibleName(QCoreApplication.translate("VersionPeriods", "Live after"))
        self.use_button = QPushButton(QCoreApplication.translate("VersionPeriods", "Use"))
        self.use_button.setToolTip(QCoreApplication.translate(
            "VersionPeriods", "Compare the two versions' live periods: the first as “Compare "
            "with”, the second as “Period”"))  # fmt: skip
        self.use_button.clicked.connect(self.use)
        self.note = QLabel()
        self.note.setWordWrap(True)  # on its own line: one long line widened the whole dock
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 4)
        row = QHBoxLayout()
        rows.addLayout(row)
        row.addWidget(QLabel(QCoreApplication.translate("VersionPeriods", "Versions live:")))
        row.addWidget(self.before, 1)
        row.addWidget(QLabel("→"))
        row.addWidget(self.after, 1)
        row.addWidget(self.use_button)
        rows.addWidget(self.note)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """The journey's versions that have a live-from date, oldest live first."""
        ws, journey_id = self.panel.ws, self.panel.journey_id
        found = versions(ws, journey_id) if ws is not None and journey_id else []
        self.periods = live_periods(found)
        names = {v.id: v.name for v in found}
        ordered = sorted(self.periods, key=lambda i: self.periods[i])
        for combo, default in ((self.before, len(ordered) - 2), (self.after, len(ordered) - 1)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for version_id in ordered:
                start, end = self.periods[version_id]
                until = end or QCoreApplication.translate("VersionPeriods", "today")
                combo.addItem(f"{names[version_id]} ({start} – {until})", version_id)
            index = combo.findData(keep)
            combo.setCurrentIndex(index if index >= 0 else max(default, 0))
            combo.blockSignals(False)
        enough = len(ordered) >= 2
        self.use_button.setEnabled(enough)
        self.note.setText("" if enough else QCoreApplication.translate(
            "VersionPeriods", "Save two versions with a live-from date to compare them."))  # fmt: skip

    def use(self) -> str | None:
        """Set the panel's two periods from the chosen versions; the reason it could not, or
        None."""
        a, b = self.before.currentData(), self.after.currentData()
        if not a or not b or a == b:
            return QCoreApplication.translate("VersionPeriods", "Choose two different versions")
        p = self.panel
        for (start, end), first, last, box in (
            (self.periods[a], p.compare_from, p.compare_to, p.use_compare),
            (self.periods[b], p.period_from, p.period_to, p.use_period),
        ):
            first.setDate(_qdate(start))
            last.setDate(
                _qdate(end) if end else _qdate((date.today() + timedelta(days=1)).isoformat())
            )
            box.setChecked(True)
        p._dates_from_data = False  # the user's choice stands over the data's span
        return None
