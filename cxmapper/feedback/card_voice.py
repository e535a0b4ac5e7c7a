"""What customers said about one card: its survey figures and its verbatims, newest first.

Read from a `FeedbackReport` so the inspector, the canvas badge and the Excel sheet show the
same numbers the CLI prints (one implementation: `measures.figures`). Verbatims were masked
at import (`privacy.mask_series`), so nothing here needs to mask again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cxmapper.feedback.columns import ANSWERED_AT, LANG, VERBATIM
from cxmapper.feedback.measures import Figures
from cxmapper.feedback.report import FeedbackReport
from cxmapper.feedback.topics import in_language
from cxmapper.present import voice_labels as vl


@dataclass(frozen=True)
class Verbatim:
    text: str
    answered_on: str  # YYYY-MM-DD
    score: float | None  # on the report's headline scale
    lang: str = ""


@dataclass(frozen=True)
class CardVoice:
    """Figures of the responses linked to the card (None if none) and their verbatims."""

    figures: Figures | None
    verbatims: list[Verbatim] = field(default_factory=list)
    n_verbatims: int = 0  # all the card's non-empty verbatims, even beyond the shown ones


def _touchpoint_of(report: FeedbackReport) -> np.ndarray:
    ids = np.asarray([t.id for t in report.spec.touchpoints] + [""], dtype=object)
    tp_of: np.ndarray = ids[report.linked.tp]  # -1 reads the trailing ""
    return tp_of


def card_voices(
    report: FeedbackReport, limit: int | None = 20, prefer: str = ""
) -> dict[str, CardVoice]:
    """Per touchpoint id of the journey (every card, answered or not); `limit` verbatims each.

    With `prefer` (a language code, the app's language) and a language column, the verbatims
    in that language come first, newest first, then the others: a survey in two languages
    showed an English user its newest answers, half of them Italian."""
    frame = report.responses
    out = {t.id: CardVoice(report.per_touchpoint.get(t.id)) for t in report.spec.touchpoints}
    if frame.empty or VERBATIM not in frame.columns:
        return out
    tp_of = _touchpoint_of(report)
    text = frame[VERBATIM].astype(object)
    said = text.notna().to_numpy() & (text.astype(str).str.strip() != "").to_numpy()
    said &= tp_of != ""
    if not said.any():
        return out
    part = pd.DataFrame({"tp": tp_of[said], "text": text[said].astype(str).str.strip()})
    part["when"] = frame[ANSWERED_AT][said].to_numpy()
    part["score"] = frame[report.scale][said].to_numpy(float) if report.scale else np.nan
    part["lang"] = frame[LANG][said].astype(object).to_numpy() if LANG in frame else ""
    part["other"] = ~in_language(part["lang"], prefer) if LANG in frame else False
    part = part.sort_values(["other", "when", "text"], ascending=[True, False, True], kind="stable")
    for tp_id, rows in part.groupby("tp", sort=False):
        shown = rows if limit is None else rows.head(limit)
        said_list = [
            Verbatim(
                r.text,
                pd.Timestamp(r.when).strftime("%Y-%m-%d"),
                None if pd.isna(r.score) else float(r.score),
                "" if r.lang is None or pd.isna(r.lang) else str(r.lang),
            )
            for r in shown.itertuples(index=False)
        ]
        out[str(tp_id)] = CardVoice(out[str(tp_id)].figures, said_list, len(rows))
    return out


def figure_lines(f: Figures) -> list[tuple[str, str, int]]:
    """(scale key, text, n) for each scale the card's responses answered, in scale order."""
    lines: list[tuple[str, str, int]] = []
    if f.nps is not None and f.nps_low is not None and f.nps_high is not None:
        lines.append(("nps", vl.nps_text(f.nps, f.nps_low, f.nps_high, f.nps_n), f.nps_n))
    if f.csat_pct is not None and f.csat_mean is not None:
        lines.append(("csat", vl.csat_text(f.csat_pct, f.csat_mean, f.csat_n), f.csat_n))
    if f.ces_mean is not None and f.ces_easy_pct is not None:
        lines.append(("ces", vl.ces_text(f.ces_mean, f.ces_easy_pct, f.ces_n), f.ces_n))
    return lines
