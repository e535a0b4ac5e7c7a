"""Words for stored choice values (yes/no, action status, card component, KPI direction,
channel) and the way back from a word, typed in any supported language, to its key.

Why both directions in one place: a workbook shows these values as words in its language, and
an owner may return it to an app running in another language. The import turns every word back
into its key before comparing, so the round trip depends on no language (0 spurious changes),
and an owner who types "sì" or "yes" means the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping

from cxmapper.present.labels import CHANNELS, N_, _
from cxmapper.present.language import SUPPORTED, gettext_for

FLAGS: dict[str, str] = {"yes": N_("yes"), "no": N_("no")}
ACTION_STATUSES: dict[str, str] = {
    "open": N_("open"),
    "in progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}
COMPONENTS: dict[str, str] = {
    "product": N_("product"),
    "service": N_("service"),
    "brand": N_("brand"),
    "user experience": N_("user experience"),
}
CHANGE_ACTIONS: dict[str, str] = {
    "added": N_("added"),
    "removed": N_("removed"),
    "changed": N_("changed"),
    "reloaded": N_("reloaded"),
}
DIRECTIONS: dict[str, str] = {"higher": N_("higher is better"), "lower": N_("lower is better")}
# words an owner may type for yes/no besides the catalogue's own (any language)
_FLAG_SYNONYMS = {"yes": ("y", "true", "1", "x", "si", "sì", "ja", "oui"),
                  "no": ("n", "false", "0")}  # fmt: skip


def value_label(catalogue: Mapping[str, str], key: str) -> str:
    """The word for `key` in the current language; an unknown key is shown as stored."""
    return _(catalogue[key]) if key in catalogue else key


def channel_text(value: str) -> str:
    """A card's channel as people read it: the label of a known channel key ("e-mail" and
    "email" alike), else the text as typed (channels are free text)."""
    key = value.strip().lower()
    key = "email" if key == "e-mail" else key
    return _(CHANNELS[key]) if key in CHANNELS else value


def _fold(text: str) -> str:
    return " ".join(text.strip().lower().split())


def key_of(catalogue: Mapping[str, str], value: object) -> object:
    """The key whose word (in any supported language) or key `value` is; `value` unchanged
    when it is none of them, so the caller's own check reports it as typed."""

    if not isinstance(value, str):
        return value
    folded = _fold(value)
    for key, text in catalogue.items():
        words = {_(text), *(gettext_for(code)(text) for code in SUPPORTED)}  # current first
        if folded == _fold(key) or any(folded == _fold(word) for word in words):
            return key
    if catalogue is FLAGS:
        for key, synonyms in _FLAG_SYNONYMS.items():
            if folded in synonyms:
                return key
    return value
