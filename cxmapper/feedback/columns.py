"""Which survey column holds what: declared by the user or detected from the header names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cxmapper.errors import ImportDataError

# Canonical columns of a stored response table (other attributes keep their own names).
RESPONDENT = "respondent"
ANSWERED_AT = "answered_at"
VERBATIM = "verbatim"
LANG = "lang"
TOUCHPOINT = "touchpoint"
CANONICAL = (RESPONDENT, ANSWERED_AT, VERBATIM, LANG, TOUCHPOINT)

AUTO_CASE = ("case_id", "case", "respondent_id", "respondent", "customer_id", "customer", "id")
AUTO_DATE = ("date", "answered_at", "submitted_at", "response_date", "timestamp", "created_at")
AUTO_TEXT = ("verbatim", "comment", "comments", "text", "feedback", "open_text", "why")
AUTO_LANG = ("lang", "language", "locale")
AUTO_TOUCHPOINT = ("touchpoint", "event", "card", "step", "interaction")
AUTO_SCORE = ("nps", "csat", "ces", "score", "rating", "likelihood_to_recommend")


@dataclass
class SurveyColumns:
    """Source column names; `scores` maps a score column to its scale ('' = detect)."""

    case: str
    date: str
    scores: dict[str, str] = field(default_factory=dict)
    text: str | None = None
    touchpoint: str | None = None
    lang: str | None = None

    def used(self) -> list[str]:
        named = [self.case, self.date, *self.scores, self.text, self.touchpoint, self.lang]
        return [c for c in named if c]


def _find(columns: Sequence[str], candidates: Sequence[str]) -> str | None:
    low = {c.strip().lower(): c for c in columns}
    return next((low[c] for c in candidates if c in low), None)


def resolve_columns(
    columns: Sequence[str],
    source: str,
    *,
    case: str | None = None,
    date: str | None = None,
    score: str | None = None,
    scale: str | None = None,
    text: str | None = None,
    touchpoint: str | None = None,
    lang: str | None = None,
) -> SurveyColumns:
    """Declared names win; the rest is detected. Errors name the file and the missing column."""
    for flag, name in (("--case", case), ("--date", date), ("--score", score), ("--text", text),
                       ("--touchpoint", touchpoint), ("--lang", lang)):  # fmt: skip
        if name and name not in columns:
            shown = ", ".join(repr(c) for c in columns[:12])
            raise ImportDataError(f"{source}: no column {name!r} ({flag}); columns: {shown}")
    found_case = case or _find(columns, AUTO_CASE)
    found_date = date or _find(columns, AUTO_DATE)
    for what, found, flag in (("respondent or case id", found_case, "--case"),
                              ("response date", found_date, "--date")):  # fmt: skip
        if not found:
            raise ImportDataError(f"{source}: no {what} column found; name it with {flag}")
    found_text = text or _find(columns, AUTO_TEXT)
    found_tp = touchpoint or _find(columns, AUTO_TOUCHPOINT)
    found_lang = lang or _find(columns, AUTO_LANG)
    taken = {found_case, found_date, found_text, found_tp, found_lang}
    if score:
        scores = {score: scale or ""}
    else:
        named = [c for c in columns if any(k in c.strip().lower() for k in AUTO_SCORE)]
        scores = {c: "" for c in named if c not in taken}
        if scale and len(scores) > 1:
            raise ImportDataError(
                f"{source}: several score columns ({', '.join(map(repr, scores))}): "
                "name the one --scale applies to with --score"
            )
        if scale:
            scores = {c: scale for c in scores}
    if not scores:
        raise ImportDataError(
            f"{source}: no score column found (nps, csat, ces, score...); name it with --score"
        )
    return SurveyColumns(
        case=found_case,  # type: ignore[arg-type]
        date=found_date,  # type: ignore[arg-type]
        scores=scores,
        text=found_text,
        touchpoint=found_tp,
        lang=found_lang,
    )
