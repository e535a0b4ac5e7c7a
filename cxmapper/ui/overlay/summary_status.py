"""What the status line says about a Spark summary: a short line, the whole story on hover.

Why: a summary's counts are exact but its medians and p90s are approximate, and several
figures cannot come from a summary at all (`summary_import.UNAVAILABLE`). The user must see
that next to the figures (issue 16) without a paragraph pushing the panel apart, so the status
line gets one short sentence and its tooltip the error bound and every note in full. Used where
a summary enters the app (the import wizard, `AnalysisPanel.store_dataset`), when a stored
summary is chosen and when its analysis is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

KIND = "summary"  # `summary_import.KIND`; not imported: the UI reads options, not analysis


def _rank_percent(bound: Mapping[str, Any]) -> str | None:
    rank = bound.get("relative_rank_error")
    if not isinstance(rank, (int, float)) or isinstance(rank, bool):
        return None
    return f"{100 * rank:.2g}%"


def texts(options: Mapping[str, Any], extra: Sequence[str] = ()) -> tuple[str, str] | None:
    """(short status, full tooltip) for a dataset's options, None unless it is a summary.
    `extra`: a report's own notes, shown after the import's (duplicates once)."""
    if options.get("kind") != KIND:
        return None
    bound = options.get("error_bound") or {}
    notes = list(dict.fromkeys([*map(str, options.get("warnings") or []), *map(str, extra)]))
    pct = _rank_percent(bound)
    if pct is None:
        quantiles = QCoreApplication.translate(
            "SummaryStatus", "medians and p90 approximate (no error bound stated)"
        )
    else:
        quantiles = QCoreApplication.translate(
            "SummaryStatus", "medians and p90 within {pct} of rank"
        ).format(pct=pct)
    short = QCoreApplication.translate(
        "SummaryStatus", "Spark summary: counts exact, {quantiles}; {n} note(s), hover for details."
    ).format(quantiles=quantiles, n=len(notes))
    lines = [
        QCoreApplication.translate(
            "SummaryStatus", "Imported from a summary computed by Spark; no events were imported."
        )
    ]
    lines.append(
        QCoreApplication.translate("SummaryStatus", "Counts: {counts}.").format(
            counts=bound.get("counts", "exact")
        )
    )
    if pct is not None:
        lines.append(
            QCoreApplication.translate(
                "SummaryStatus",
                "Medians and p90: {method} (accuracy {accuracy}); each figure's rank is within "
                "{pct} of the requested rank (relative rank error {rank}).",
            ).format(
                method=bound.get("quantiles", "approximate"),
                accuracy=bound.get("accuracy", "?"),
                pct=pct,
                rank=bound.get("relative_rank_error"),
            )
        )
    lines += [
        QCoreApplication.translate("SummaryStatus", "Note: {note}").format(note=n) for n in notes
    ]
    return short, "\n".join(lines)


def show(
    label: QLabel, base: str | None, options: Mapping[str, Any], extra: Sequence[str] = ()
) -> bool:
    """Put `base` (None: keep the label's text) plus the summary's short line on `label`, the
    full text in its tooltip; False (tooltip cleared, text `base`) if it is not a summary."""
    got = texts(options, extra)
    text = label.text() if base is None else base
    if got is None:
        label.setToolTip("")
        if base is not None:
            label.setText(base)
        return False
    short, full = got
    label.setText(f"{text} {short}".strip())
    label.setToolTip(full)
    return True
