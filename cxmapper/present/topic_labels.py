"""Words for the starter feedback topics ("delivery" -> "consegna"), made in this one place.

The topic keys are what the workspace stores (the editable topic list is keyed by them) and
what `cxmapper feedback --json` prints; people read these words on the CLI, in the inspector's
Voice tab and in the workbook's Voice sheet. A topic the user added is shown as they named it.
"""

from __future__ import annotations

from cxmapper.present.labels import N_, _

TOPICS: dict[str, str] = {
    "delivery": N_("delivery"),
    "payment": N_("payment"),
    "price": N_("price"),
    "returns": N_("returns"),
    "waiting": N_("waiting"),
    "staff": N_("staff"),
    "usability": N_("usability"),
    "communication": N_("communication"),
    "product": N_("product"),
}


def topic_label(key: str) -> str:
    """The topic's word in the current language; a user's own topic as they wrote it."""
    text = TOPICS.get(key)
    return key if text is None else _(text)
