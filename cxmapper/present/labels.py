"""The label catalogue: every word people read for a stored key, made in this one place.

Stored data, the workbook's hidden round-trip sheet and the tests hold keys ("green",
"touchpoint_id", "kpi_history"); the texts here can change, or be translated, without touching
any of them. Catalogue entries are marked with `N_` (kept as written, found by a message
extractor) and looked up through `_` when shown, so a translation installed later with
`set_translator` applies everywhere at once. Today `_` returns the English text unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

_translate: Callable[[str], str] = lambda text: text  # noqa: E731  identity until translated


def N_(text: str) -> str:
    """Marks a catalogue text for translation without translating it yet (gettext's N_)."""
    return text


def _(text: str) -> str:
    """The text in the user's language (English today)."""
    return _translate(text)


def set_translator(translate: Callable[[str], str] | None) -> None:
    """Installs a translation function (e.g. a gettext catalogue's gettext); None: English."""
    global _translate
    _translate = translate or (lambda text: text)


def lookup(catalogue: Mapping[str, str], key: str, what: str) -> str:
    """The label of `key` in `catalogue`, translated; KeyError naming `what` and the key if the
    catalogue has none. The one lookup every catalogue goes through (`voice_sheet_labels` too),
    so a missing label fails the same way everywhere."""
    try:
        return _(catalogue[key])
    except KeyError:
        raise KeyError(f"no label for {what} {key!r}") from None


# -- KPI status (model.kpi_status) -------------------------------------------------------------

STATUS_KEYS = ("green", "amber", "red", "none")
STATUS: dict[str, str] = {
    "green": N_("on target"),
    "amber": N_("near target"),
    "red": N_("off target"),
    "none": N_("no target"),
}
STATUS_HINTS: dict[str, str] = {  # one sentence each, for legends
    "green": N_("the latest reading meets the target"),
    "amber": N_("missed by no more than the tolerance"),
    "red": N_("missed by more than the tolerance"),
    "none": N_("the KPI has no target"),
}


def status_label(key: str) -> str:
    """'on target' for "green": the one word for a KPI status on every surface."""
    return lookup(STATUS, key, "KPI status")


def status_hint(key: str) -> str:
    return lookup(STATUS_HINTS, key, "KPI status")


# -- kinds of records and their fields ---------------------------------------------------------

KINDS: dict[str, str] = {
    "party": N_("person or team"),
    "persona": N_("persona"),
    "kpi": N_("KPI"),
    "journey": N_("journey"),
    "stage": N_("stage"),
    "lane": N_("lane"),
    "touchpoint": N_("touchpoint"),
    "connector": N_("connector"),
    "reading": N_("KPI reading"),
    "raci": N_("RACI assignment"),
    "comment": N_("comment"),
    "action": N_("action"),
    "dataset": N_("dataset"),
    "survey": N_("survey"),
    "version": N_("version"),
}
FIELDS: dict[str, str] = {
    "name": N_("name"),
    "title": N_("title"),
    "text": N_("text"),
    "author": N_("author"),
    "kind": N_("kind"),
    "component": N_("component"),
    "state": N_("state"),
    "role": N_("role"),
    "status": N_("status"),
    "direction": N_("direction"),
    "emotion": N_("emotion"),
    "impact": N_("impact"),
    "effort": N_("effort"),
    "width": N_("width"),
    "height": N_("height"),
    "target": N_("target"),
    "tolerance": N_("tolerance"),
    "frequency": N_("reading frequency"),
    "value": N_("value"),
}


def kind_label(kind: str) -> str:
    return lookup(KINDS, kind, "kind")


def field_label(field: str) -> str:
    return lookup(FIELDS, field, "field")


# -- messages with parameters ------------------------------------------------------------------

MESSAGES: dict[str, str] = {
    "needs_text": N_("a {kind} needs a {field}"),
    "not_a_choice": N_("{kind} {field} must be one of {allowed}, not {value}"),
    "not_in_range": N_("{kind} {field} must be a whole number from {low} to {high}, not {value}"),
    "size_out_of_range": N_("{kind} {field} must be between {low} and {high}"),
    "not_a_number": N_("{kind} {field} must be a finite number, not {value}"),
}


def message(key: str, **params: Any) -> str:
    """A catalogue message with its parameters filled in; parameters named `kind` and
    `field` are keys and are shown by their labels."""
    shown = dict(params)
    if "kind" in shown:
        shown["kind"] = kind_label(str(shown["kind"]))
    if "field" in shown:
        shown["field"] = field_label(str(shown["field"]))
    return lookup(MESSAGES, key, "message").format(**shown)


# -- behavioural overlays ----------------------------------------------------------------------

OVERLAYS: dict[str, str] = {
    "none": N_("No overlay"),
    "reach": N_("Reach (cases)"),
    "dropoff": N_("Drop-off rate"),
    "friction": N_("Friction score"),
    "time": N_("Time to next step"),
    "repeats": N_("Repeat rate"),
}
OVERLAY_MENU: dict[str, str] = {  # the same choices as menu items, with their mnemonics
    "none": N_("&No overlay"),
    "reach": N_("&Reach"),
    "dropoff": N_("&Drop-off"),
    "friction": N_("&Friction"),
    "time": N_("&Time to next step"),
    "repeats": N_("Re&peats"),
}
LEGENDS: dict[str, str] = {
    "reach": N_("Reach: distinct cases that visit the touchpoint (darker = more)"),
    "dropoff": N_("Drop-off: cases that leave here without reaching a goal ÷ reach"),
    "friction": N_("Friction 0–100: drop-off, repeats, back-steps, slow steps, KPIs off target"),
    "time": N_("Median time to the next event (log scale)"),
    "repeats": N_("Repeat rate: cases with 2+ visits ÷ reach"),
}
LEGEND_RANGE: dict[str, str] = {  # the ends of a heat bar scaled to the journey's own range
    "low": N_("palest = smoothest in this journey ({value})"),
    "high": N_("darkest = worst in this journey ({value})"),
}
LEGEND_PATHS: dict[str, str] = {  # the dashed-path line of the legend
    "some": N_("dashed: the {shown} strongest of {total} paths walked but not drawn "
               "(Analysis ▸ Overlay ▸ All unexpected paths)"),
    "some_printed": N_("dashed: the {shown} strongest of {total} paths walked but not drawn"),
    "all": N_("dashed: all {total} paths walked but not drawn"),
    "one": N_("dashed: a path walked but not drawn"),
}  # fmt: skip


def overlay_label(key: str) -> str:
    return lookup(OVERLAYS, key, "overlay")


def overlay_menu_label(key: str) -> str:
    return lookup(OVERLAY_MENU, key, "overlay")


def legend_label(key: str) -> str:
    return lookup(LEGENDS, key, "overlay legend")


def legend_range_label(end: str, value: str) -> str:
    """'darkest = worst in this journey (28.4/100)': what one end of a relative heat bar means."""
    return lookup(LEGEND_RANGE, end, "legend end").format(value=value)


def legend_paths_label(shown: int, total: int, printed: bool = False) -> str:
    """The legend's line about the dashed (unexpected) paths on the map; `printed` (an exported
    picture) leaves out the menu command a reader of the picture cannot use."""
    key = "one" if total == 1 else "all" if shown >= total else "some"
    key += "_printed" if printed and key == "some" else ""
    return lookup(LEGEND_PATHS, key, "legend paths").format(shown=shown, total=total)


# -- channels (see palette) --------------------------------------------------------------------

CHANNELS: dict[str, str] = {
    "web": N_("web"),
    "app": N_("app"),
    "email": N_("e-mail"),
    "store": N_("store"),
    "call centre": N_("call centre"),
    "chat": N_("chat"),
    "social": N_("social media"),
    "letter": N_("letter"),
    "sms": N_("text message"),
    "in person": N_("in person"),
}


def channel_label(key: str) -> str:
    return lookup(CHANNELS, key, "channel")


# -- the workbook: sheet titles and column headers ---------------------------------------------

SHEETS: dict[str, str] = {
    "overview": N_("Overview"),
    "map": N_("Map"),
    "friction_map": N_("Friction map"),
    "touchpoints": N_("Touchpoints"),
    "kpis": N_("KPIs"),
    "kpi_history": N_("KPI history"),
    "governance": N_("Governance"),
    "friction": N_("Friction"),
    "actions": N_("Actions"),
    "channels": N_("Channels"),
    "value_model": N_("Value model"),
    "comments": N_("Comments"),
    "governance_health": N_("Governance health"),
    "versions": N_("Versions"),
    "change_log": N_("Change log"),
    "changes": N_("Changes"),
}
COLUMNS: dict[str, str] = {
    "touchpoint_id": N_("Touchpoint ID"),
    "action_id": N_("Action ID"),
    "comment_id": N_("Comment ID"),
    "reading_id": N_("Reading ID"),
    "kpi_id": N_("KPI ID"),
    "touchpoint": N_("Touchpoint"),
    "stage": N_("Stage"),
    "lane": N_("Lane"),
    "order": N_("Order"),
    "title": N_("Title"),
    "description": N_("Description"),
    "channel": N_("Channel"),
    "component": N_("Component"),
    "emotion": N_("Emotion"),
    "tags": N_("Tags"),
    "owner": N_("Owner"),
    "goal": N_("Goal"),
    "match_events": N_("Match events"),
    "match_patterns": N_("Match patterns"),
    "accountable": N_("Accountable"),
    "key_kpi": N_("Key KPI"),
    "kpi_status": N_("KPI status"),
    "impact": N_("Impact"),
    "effort": N_("Effort"),
    "priority": N_("Priority"),
    "yearly_impact": N_("Yearly impact"),
    "value_at_risk": N_("Value at risk"),
    "setting_id": N_("Setting ID"),
    "setting": N_("Setting"),
    "name": N_("Name"),
    "amount": N_("Amount"),
    "from_channel": N_("From channel"),
    "to_channel": N_("To channel"),
    "hops": N_("Hops"),
    "cases": N_("Cases"),
    "case_rate": N_("Share of cases"),
    "median_time": N_("Median time between"),
    "handover": N_("Handover to staff"),
    "digital_events": N_("Digital events"),
    "escalations": N_("Escalations"),
    "escalation_rate": N_("Escalation rate"),
    "contacts": N_("Assisted contacts"),
    "fcr": N_("FCR (from the log)"),
    "fcr_target": N_("FCR target"),
    "fcr_status": N_("FCR against target"),
    "status": N_("Status"),
    "due_date": N_("Due date"),
    "created": N_("Created"),
    "author": N_("Author"),
    "time": N_("Time"),
    "comment": N_("Comment"),
    "resolved": N_("Resolved"),
    "kpi": N_("KPI"),
    "value": N_("Value"),
    "unit": N_("Unit"),
    "measured_at": N_("Measured at"),
    "source": N_("Source"),
    "reported_by": N_("Reported by"),
    "direction": N_("Direction"),
    "target": N_("Target"),
    "tolerance": N_("Tolerance"),
    "responsible": N_("Responsible"),
    "touchpoints_measured": N_("Touchpoints measured"),
    "kind": N_("Kind"),
    "latest_value": N_("Latest value"),
    "kpi_owner": N_("KPI owner"),
    "new_value": N_("New value"),
    "new_date": N_("New date"),
    "check": N_("Check"),
}


# The rows of the Value model sheet (`io.xlsx_sheets.value_model`) and the Channels sheet's
# journey figures, by key.
VALUE_MODEL_ITEMS: dict[str, str] = {
    "value_per_conversion": N_("Value of a conversion"),
    "currency": N_("Currency"),
    "contact_cost": N_("Cost of a contact"),
    "segment_attribute": N_("Segment attribute"),
    "segment_value": N_("Value of a conversion in segment"),
    "failure_window_days": N_("Failure-demand window (days)"),
    "repeat_window_days": N_("Repeat-contact window (days)"),
}
CHANNEL_FIGURES: dict[str, str] = {
    "cases": N_("Cases with a channel"),
    "hop_rate": N_("Hop rate (cases changing channel)"),
    "switched_share": N_("Cases ending in another channel"),
    "contacts": N_("Assisted contacts"),
    "repeat_contact_rate": N_("Repeat-contact rate"),
    "fcr": N_("First-contact resolution (from the log)"),
}


def value_model_item_label(key: str) -> str:
    return lookup(VALUE_MODEL_ITEMS, key, "value model setting")


def channel_figure_label(key: str) -> str:
    return lookup(CHANNEL_FIGURES, key, "channel figure")


def sheet_label(key: str) -> str:
    return lookup(SHEETS, key, "sheet")


def column_label(key: str) -> str:
    return lookup(COLUMNS, key, "column")


# -- overlay choices that depend on the journey (ui.overlay.panel) -----------------------------

# the drop-off overlay of a journey without a goal card counts exits instead
EXITS_NO_GOAL = N_("Exits (no goal card)")


NO_GOAL_STATUS = N_("No goal card: showing exits, not drop-off; mark a goal card to see drop-off.")
EXITS_LEGEND = N_(
    "Exits: cases whose last step is here ÷ reach. No goal card is marked, so this is not "
    "drop-off; mark a goal card to see drop-off"
)


def no_goal_status() -> str:
    return _(NO_GOAL_STATUS)


def exits_legend() -> str:
    return _(EXITS_LEGEND)


def dropoff_overlay_label(has_goal: bool) -> str:
    return overlay_label("dropoff") if has_goal else _(EXITS_NO_GOAL)


# -- emotion scores (model.emotions: -2..+2, None = not scored) --------------------------------

NOT_SCORED = N_("not scored")
EMOTION_WORDS: dict[int, str] = {
    -2: N_("very negative"),
    -1: N_("negative"),
    0: N_("neutral"),
    1: N_("positive"),
    2: N_("very positive"),
}


def emotion_short(score: int | None) -> str:
    """ "+1", "−2", "0" (a typographic minus), or "not scored"."""
    if score is None:
        return _(NOT_SCORED)
    return f"{score:+d}".replace("-", "−") if score else "0"


def emotion_label(score: int | None) -> str:
    """ "−2  very negative" ... "+2  very positive", or "Not scored" (the inspector's choices)."""
    if score is None:
        return _(NOT_SCORED).capitalize()
    return f"{emotion_short(score)}  {lookup(_emotion_words(), str(score), 'emotion')}"


def _emotion_words() -> dict[str, str]:
    return {str(k): v for k, v in EMOTION_WORDS.items()}


def emotion_choices(scores: tuple[int, ...]) -> list[tuple[str, int | None]]:
    """(label, score) pairs for a picker, "Not scored" first."""
    return [(emotion_label(None), None), *((emotion_label(s), s) for s in scores)]


# -- KPI kinds (model.kpi_kinds: the catalogue's keys, '' = custom) -----------------------------

KPI_KINDS: dict[str, str] = {
    "": N_("Custom"),
    "nps": N_("NPS (Net Promoter Score)"),
    "csat": N_("CSAT (customer satisfaction)"),
    "ces": N_("CES (customer effort score)"),
    "fcr": N_("FCR (first-contact resolution)"),
    "churn": N_("Churn rate"),
    "conversion": N_("Conversion rate"),
    "drop-off": N_("Drop-off rate"),
    "response time": N_("Response time"),
    "handling time": N_("Handling time"),
    "resolution time": N_("Resolution time"),
}


def kpi_kind_label(key: str) -> str:
    """What the Kind picker and the exports show for a kind key; an unknown key is custom."""
    return _(KPI_KINDS.get(key, KPI_KINDS[""]))


def kpi_scale_text(low: float | None, high: float | None) -> str:
    """A kind's scale in words ("-100 to 100", "0 or more"), '' when it has none."""
    if low is None:
        return ""
    if high is None:
        return _("{low} or more").format(low=f"{low:g}")
    return _("{low} to {high}").format(low=f"{low:g}", high=f"{high:g}")
