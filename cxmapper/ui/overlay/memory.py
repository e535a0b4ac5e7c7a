"""The last analysis of each journey, remembered between sessions.

Which dataset, overlay, segment, periods and funnel a journey was last analysed with is view
state, not workspace content: it lives in the app settings (keyed by the workspace's resolved
path and the journey id), never in the .cxmap file, so restoring it writes nothing to the
workspace and needs no undo step. The analysis itself is run again in the background worker.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate

from cxmapper.ui.settings import AppSettings

if TYPE_CHECKING:
    from cxmapper.ui.overlay.panel import AnalysisPanel

# a state remembered by an older version kept the "no segment" entry's text, in English or
# Italian; those still read as "no segment" (states are now saved with "" for it)
_ALL_ANY = {"(all)", "(tutti)"}


def all_label() -> str:
    """The segment combo's "no segment" entry (its first item), in the current language:
    looked up when the combo is filled, not when this module is imported (the catalogue may
    not be installed yet then)."""
    return QCoreApplication.translate("OverlayPanel", "(all)")


DATE_FORMAT = "yyyy-MM-dd"


class AnalysisMemory:
    """Reads and writes one JSON record per workspace + journey in the app settings."""

    def __init__(self, settings: AppSettings) -> None:
        self.settings = settings

    @staticmethod
    def key(workspace_path: str, journey_id: str) -> str:
        where = (
            workspace_path if workspace_path == ":memory:" else str(Path(workspace_path).resolve())
        )
        return hashlib.sha1(f"{where}\n{journey_id}".encode()).hexdigest()

    def load(self, workspace_path: str, journey_id: str) -> dict[str, Any] | None:
        if workspace_path == ":memory:":
            return None
        text = self.settings.analysis_state(self.key(workspace_path, journey_id))
        try:
            value = json.loads(text) if text else None
        except ValueError:  # a hand-edited or truncated settings file: start afresh
            return None
        return value if isinstance(value, dict) else None

    def save(self, workspace_path: str, journey_id: str, state: dict[str, Any]) -> None:
        if workspace_path == ":memory:":
            return
        self.settings.save_analysis_state(self.key(workspace_path, journey_id), json.dumps(state))


def state_of(panel: AnalysisPanel) -> dict[str, Any]:
    """What the panel's controls say now, as plain JSON values."""
    return {
        "dataset": panel.dataset.currentData(),
        "overlay": panel.overlay.currentData(),
        "segment": [
            panel.segment_attr.currentText() if panel.segment_attr.currentIndex() > 0 else "",
            panel.segment_value.currentText(),
        ],
        "use_period": panel.use_period.isChecked(),
        "period": [_day(panel.period_from), _day(panel.period_to)],
        "use_compare": panel.use_compare.isChecked(),
        "compare": [_day(panel.compare_from), _day(panel.compare_to)],
        "funnel": panel.funnel_mode.currentData(),
        "window_days": panel.window_days.value(),
    }


def apply_state(panel: AnalysisPanel, state: dict[str, Any]) -> None:
    """Set the panel's controls from `state`; values that no longer apply are skipped."""
    panel.dataset.setCurrentIndex(panel.dataset.findData(state.get("dataset")))
    overlay = panel.overlay.findData(state.get("overlay"))
    if overlay >= 0:
        panel.overlay.setCurrentIndex(overlay)
    attr, value = [*list(state.get("segment") or []), "", ""][:2]
    if attr and attr not in _ALL_ANY | {all_label()}:
        panel.segment_attr.blockSignals(True)
        panel.segment_attr.clear()
        panel.segment_attr.addItems([all_label(), str(attr)])
        panel.segment_attr.setCurrentIndex(1)
        panel.segment_attr.blockSignals(False)
        panel.segment_value.clear()
        panel.segment_value.addItem(str(value))
    panel.use_period.setChecked(bool(state.get("use_period")))
    panel.use_compare.setChecked(bool(state.get("use_compare")))
    for edits, days in (
        ((panel.period_from, panel.period_to), state.get("period")),
        ((panel.compare_from, panel.compare_to), state.get("compare")),
    ):
        for edit, day in zip(edits, list(days or []), strict=False):
            date = QDate.fromString(str(day), DATE_FORMAT)
            if date.isValid():
                edit.setDate(date)
    funnel = panel.funnel_mode.findData(state.get("funnel"))
    if funnel >= 0:
        panel.funnel_mode.setCurrentIndex(funnel)
    days = state.get("window_days")
    if isinstance(days, int):
        panel.window_days.setValue(days)


def _day(edit: Any) -> str:
    return str(edit.date().toString(DATE_FORMAT))


__all__ = ["AnalysisMemory", "all_label", "apply_state", "state_of"]
