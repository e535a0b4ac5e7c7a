"""Did a done action work? Its verdict as the actions tab shows it, from the cached report.

The verdict itself is computed once per journey by `feedback.verdicts` (read through
`ui.voice_cache`, the cache the Voice tab and the badges share); this module only words it.
The verdict and measure words come from `present.voice_sheet_labels`, the place the workbook's
Improvements sheet and `cxmapper feedback` take them from, so the app never says it another way.
Open or undated actions have no verdict and show nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from cxmapper.present.locale_format import format_number
from cxmapper.present.voice_sheet_labels import measure_label, verdict_label

if TYPE_CHECKING:  # the feedback package loads pandas: imported when a card is shown, not at start
    from cxmapper.feedback.report import ActionVerdict
    from cxmapper.feedback.verdicts import MeasureResult
    from cxmapper.model.workspace import Workspace

RATES = ("dropoff", "repeat", "conversion", "detractors", "assisted_contacts")


def verdicts_of(ws: Workspace, journey_id: str) -> dict[str, ActionVerdict]:
    """Action id -> verdict of every done, dated action of the journey ({} without a survey:
    the report that holds the verdicts is built from the surveys and the event log)."""
    from cxmapper.ui.voice_cache import journey_voice

    found = journey_voice(ws, journey_id)
    return {} if found is None else {a.action_id: a for a in found.report.verdicts}


def verdict_word(found: ActionVerdict) -> str:
    return verdict_label(found.verdict.verdict)


def _value(measure: str, value: float | None) -> str:
    """A measure's value in its unit: rates in % (one decimal), times in seconds, scores."""
    if value is None:
        return "–"
    if measure in RATES:
        return f"{format_number(value, 1)} %"
    if measure == "time_to_next":
        return QCoreApplication.translate("ActionVerdict", "{value} s").format(
            value=format_number(value, 0)
        )
    return format_number(value, 2)


def _effect(measure: str, effect: float) -> str:
    sign = "+" if effect > 0 else "−" if effect < 0 else "±"
    magnitude = abs(effect)
    if measure in RATES:
        return QCoreApplication.translate("ActionVerdict", "{sign}{value} points").format(
            sign=sign, value=format_number(magnitude, 1)
        )
    return sign + _value(measure, magnitude)


def _p(p: float) -> str:
    """'= 0.0123', or '< 0.0001' below what four decimals can tell."""
    return f"< {format_number(0.0001, 4)}" if p < 1e-4 else f"= {format_number(p, 4)}"


def decisive(found: ActionVerdict) -> MeasureResult | None:
    """The measure the verdict was decided on (the most significant one), if any."""
    v = found.verdict
    return next((m for m in v.measures if m.measure == v.measure), None)


def verdict_detail(found: ActionVerdict) -> str:
    """One line per fact: the verdict, the windows, the deciding measure before → after with
    its effect and p-value and the n of each window."""
    v = found.verdict
    lines = [
        QCoreApplication.translate("ActionVerdict", "Verdict: {verdict} (done on {date})").format(
            verdict=verdict_word(found), date=found.done_on
        ),
        QCoreApplication.translate(
            "ActionVerdict", "Before: {b0} to {b1}; after: {a0} to {a1} (end excluded)"
        ).format(b0=v.before[0], b1=v.before[1], a0=v.after[0], a1=v.after[1]),
    ]
    m = decisive(found)
    if m is None or v.effect is None or v.p_value is None:
        lines.append(
            QCoreApplication.translate(
                "ActionVerdict", "Too few cases or responses in a window to test a measure."
            )
        )
        return "\n".join(lines)
    c = m.comparison
    lines.append(
        QCoreApplication.translate(
            "ActionVerdict",
            "{measure}: {before} → {after}, effect {effect}, p {p} (n = {n_before} before, "
            "{n_after} after)",
        ).format(
            measure=measure_label(m.measure),
            before=_value(m.measure, c.value_a),
            after=_value(m.measure, c.value_b),
            effect=_effect(m.measure, v.effect),
            p=_p(v.p_value),
            n_before=format_number(c.n_a),
            n_after=format_number(c.n_b),
        )
    )
    return "\n".join(lines)


class VerdictLabel(QLabel):
    """The selected action's verdict with its deciding measure; empty (hidden) for open ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_verdict(self, found: ActionVerdict | None) -> None:
        if found is None:
            self.clear()
            self.hide()
            return
        self.setText(verdict_detail(found))
        self.show()
