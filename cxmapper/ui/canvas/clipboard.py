"""Cards on the clipboard: JSON under our own MIME type plus plain-text titles for other apps.

Only what makes a card (title, channel, emotion...) travels, not ids or KPI history: a paste
creates new touchpoints. Connectors between copied cards travel as index pairs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMimeData

from cxmapper.model.entities import Connector, Touchpoint

log = logging.getLogger(__name__)

MIME_TYPE = "application/x-cxmapper-cards"
CARD_FIELDS = (
    "title",
    "description",
    "channel",
    "component",
    "emotion",
    "tags",
    "owner_id",
    "is_goal",
)


def to_mime(cards: Sequence[Touchpoint], connectors: Sequence[Connector]) -> QMimeData:
    index = {t.id: i for i, t in enumerate(cards)}
    payload = {
        "cards": [{f: getattr(t, f) for f in CARD_FIELDS} for t in cards],
        "links": [
            [index[c.source_id], index[c.target_id], c.label, c.kind]
            for c in connectors
            if c.source_id in index and c.target_id in index
        ],
    }
    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps(payload).encode("utf-8"))
    mime.setText("\n".join(t.title for t in cards))
    return mime


def from_mime(mime: QMimeData | None) -> tuple[list[dict[str, Any]], list[list[Any]]] | None:
    """Cards and links from the clipboard; plain text makes one card per non-empty line."""
    if mime is None:
        return None
    if mime.hasFormat(MIME_TYPE):
        try:
            payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
            cards = [{k: v for k, v in c.items() if k in CARD_FIELDS} for c in payload["cards"]]
            return cards, list(payload.get("links", []))
        except (ValueError, KeyError, TypeError) as exc:  # another version's cards, or damaged
            log.warning("cannot paste the cards on the clipboard: %r", exc)
            return None
    if mime.hasText():
        lines = [ln.strip() for ln in mime.text().splitlines() if ln.strip()]
        return ([{"title": ln[:200]} for ln in lines[:100]], []) if lines else None
    return None
