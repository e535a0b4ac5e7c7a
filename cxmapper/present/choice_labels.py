"""Words for the stored choice keys of records: lane kinds, components, journey states,
connector kinds, KPI directions, kinds of people and action statuses.

Why here and not as `key.capitalize()` at each widget: the keys stay what is stored (and what
the workbook's round trip compares), while people read the word in their language, made in this
one place through the headless catalogue (`_`), so the inspector, the canvas's lane headers and
any export show the same word.
"""

from __future__ import annotations

from cxmapper.present.labels import N_, _

LANE_KINDS: dict[str, str] = {
    "channel": N_("Channel"),
    "actions": N_("Actions"),
    "thoughts": N_("Thoughts"),
    "emotions": N_("Emotions"),
    "pain points": N_("Pain points"),
    "opportunities": N_("Opportunities"),
    "backstage": N_("Backstage"),
    "custom": N_("Custom"),
}
COMPONENTS: dict[str, str] = {
    "": "—",
    "product": N_("Product"),
    "service": N_("Service"),
    "brand": N_("Brand"),
    "user experience": N_("User experience"),
}
JOURNEY_STATES: dict[str, str] = {
    "current": N_("Current state (as is)"),
    "future": N_("Future state (to be)"),
}
CONNECTOR_KINDS: dict[str, str] = {
    "expected": N_("Expected"),
    "alternative": N_("Alternative"),
}
DIRECTIONS: dict[str, str] = {  # of a KPI
    "higher": N_("Higher is better"),
    "lower": N_("Lower is better"),
}
PARTY_KINDS: dict[str, str] = {
    "person": N_("Person"),
    "team": N_("Team"),
}
ACTION_STATUSES: dict[str, str] = {
    "open": N_("Open"),
    "in progress": N_("In progress"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
}


def choice_label(table: dict[str, str], key: str) -> str:
    """The word for `key` in the current language; an unknown key (a newer file) as stored."""
    text = table.get(key)
    return key if text is None else _(text) if text != "—" else text


def choices(table: dict[str, str], keys: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(word, key) pairs for a combo box, in the model's order when `keys` is given."""
    return [(choice_label(table, k), k) for k in (keys if keys is not None else tuple(table))]
