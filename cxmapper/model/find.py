"""The one rule for finding cards (Ctrl+F): which fields, and how text is compared.

The canvas (`scene.find`, over its mirror of the journey) and the find bar without a canvas
(`find_bar.match_touchpoints`, over the workspace) both call `find_touchpoints`, so a card
found in one place is found in the other. Matching is a case-insensitive substring test with
`casefold()` (so "STRASSE" finds "Straße") on the query with surrounding spaces removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

#: Every field a query can look in, in the order the find bar offers them.
FIELDS = ("title", "owner", "channel", "tags", "description")
#: What a new find bar searches (the description is opt-in: long texts match too much).
DEFAULT_FIELDS = ("title", "owner", "channel", "tags")


class Findable(Protocol):
    """What the rule reads of a card: the model's Touchpoint, or the canvas mirror's copy."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def owner_id(self) -> str | None: ...
    @property
    def channel(self) -> str: ...
    @property
    def tags(self) -> Sequence[str]: ...
    @property
    def description(self) -> str: ...


def normalise(query: str) -> str:
    """The form both the query and the searched text are compared in."""
    return query.strip().casefold()


def field_values(card: Findable, owner_names: Mapping[str, str], field: str) -> list[str]:
    """The texts of one field of a card (tags give one text each)."""
    if field == "title":
        return [card.title]
    if field == "owner":
        return [owner_names.get(card.owner_id or "", "")]
    if field == "channel":
        return [card.channel]
    if field == "tags":
        return list(card.tags)
    if field == "description":
        return [card.description]
    raise ValueError(f"cannot search a card's {field!r}")


def find_touchpoints(
    query: str,
    cards: Iterable[Findable],
    owner_names: Mapping[str, str],
    fields: Sequence[str] = DEFAULT_FIELDS,
) -> list[str]:
    """Ids of the cards (in the order given) whose chosen fields contain `query`."""
    needle = normalise(query)
    if not needle:
        return []
    return [
        card.id
        for card in cards
        if any(
            needle in value.casefold()
            for field in fields
            for value in field_values(card, owner_names, field)
        )
    ]
