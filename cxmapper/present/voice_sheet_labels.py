"""Words of the workbook's feedback sheets (Voice of the customer, Drivers, Improvements,
Follow-ups): sheet titles, column headers, behaviours, measures and verdicts by stable key.

Kept beside `labels` rather than in it so the feedback sheets grow without touching the main
catalogue; the export records the titles and headers it wrote (hidden sheet), so the round trip
reads keys, never these texts, whatever the language.
"""

from __future__ import annotations

from cxmapper.present.labels import N_, _, lookup

SHEETS: dict[str, str] = {
    "voice": N_("Voice of the customer"),
    "drivers": N_("Drivers"),
    "improvements": N_("Improvements"),
    "follow_ups": N_("Follow-ups"),
}
COLUMNS: dict[str, str] = {
    "touchpoint_id": N_("Touchpoint ID"),
    "action_id": N_("Action ID"),
    "touchpoint": N_("Touchpoint"),
    "stage": N_("Stage"),
    "responses": N_("Responses"),
    "share": N_("Share of responses"),
    "nps": N_("NPS"),
    "nps_low": N_("NPS 95 % low"),
    "nps_high": N_("NPS 95 % high"),
    "nps_n": N_("NPS n"),
    "csat_pct": N_("CSAT % satisfied"),
    "csat_mean": N_("CSAT mean"),
    "csat_n": N_("CSAT n"),
    "ces_mean": N_("CES mean"),
    "ces_easy_pct": N_("CES % easy"),
    "ces_n": N_("CES n"),
    "indicative": N_("Indicative (n < 30)"),
    "top_topics": N_("Top topics"),
    "example": N_("Example verbatim"),
    "rank": N_("Rank"),
    "behaviour": N_("Behaviour"),
    "n_did": N_("Respondents who did it"),
    "n_not": N_("Respondents who did not"),
    "score_did": N_("Score, did it"),
    "score_not": N_("Score, did not"),
    "difference": N_("Difference"),
    "low": N_("95 % low"),
    "high": N_("95 % high"),
    "p_value": N_("p-value"),
    "impact": N_("Impact (difference × share)"),
    "action": N_("Action"),
    "done_on": N_("Done on"),
    "verdict": N_("Verdict"),
    "measure": N_("Measure"),
    "unit": N_("Unit"),
    "before": N_("Before window"),
    "after": N_("After window"),
    "n_before": N_("n before"),
    "n_after": N_("n after"),
    "value_before": N_("Before"),
    "value_after": N_("After"),
    "effect": N_("Effect (after − before)"),
    "measure_verdict": N_("Measure verdict"),
    "topic": N_("Topic"),
    "owner": N_("Owner"),
    "status": N_("Status"),
    "due_date": N_("Due date"),
    "note": N_("Note"),
}
BEHAVIOURS: dict[str, str] = {
    "went": N_("went through"),
    "repeated": N_("repeated"),
    "stepped_back": N_("stepped back"),
    "waited": N_("waited over p90"),
    "dropped_off": N_("dropped off"),
}
MEASURES: dict[str, str] = {
    "dropoff": N_("drop-off"),
    "repeat": N_("repeat rate"),
    "time_to_next": N_("median time to next"),
    "conversion": N_("conversion to the goal"),
    "score": N_("survey score"),
    "detractors": N_("detractors (complaints)"),
    "assisted_contacts": N_("assisted-channel contacts"),
}
VERDICTS: dict[str, str] = {
    "improved": N_("improved"),
    "no detectable change": N_("no detectable change"),
    "worse": N_("worse"),
    "mixed": N_("mixed"),
    "not enough data": N_("not enough data"),
}
INDICATIVE = N_("indicative")
UNITS: dict[str, str] = {"pct": N_("%"), "seconds": N_("seconds"), "score": N_("score")}


def voice_sheet_label(key: str) -> str:
    return lookup(SHEETS, key, "sheet")


def voice_column_label(key: str) -> str:
    return lookup(COLUMNS, key, "column")


def behaviour_label(key: str) -> str:
    return lookup(BEHAVIOURS, key, "behaviour")


def measure_label(key: str) -> str:
    return lookup(MEASURES, key, "measure")


def verdict_label(key: str) -> str:
    return lookup(VERDICTS, key, "verdict")


def unit_label(key: str) -> str:
    return lookup(UNITS, key, "unit")


def indicative_mark(flag: bool) -> str:
    """The Indicative column: the word where n < 30, empty otherwise (easy to filter on)."""
    return _(INDICATIVE) if flag else ""
