"""Keep a scene's stage or lane header items in step with the model's stages or lanes.

One generic function for both kinds, so each table keeps its own item type for the checker
(a loop over the two tables as a tuple made every header the union of both kinds).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QGraphicsItem

from cxmapper.ui.canvas.items.grid import HeaderItem

H = TypeVar("H", bound=HeaderItem)


class Named(Protocol):
    """A stage or a lane, as far as its header needs: its id and its name."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


def sync_headers(
    table: dict[str, H],
    wanted: Iterable[Named],
    make: Callable[[str, str], H],
    add: Callable[[QGraphicsItem], None],
    remove: Callable[[QGraphicsItem | None], None],
) -> None:
    """Drop the headers of entities no longer wanted, make (and `add`) the missing ones;
    headers that stay keep their item (and its position and state)."""
    wanted = list(wanted)
    for gone in set(table) - {x.id for x in wanted}:
        remove(table.pop(gone))
    for x in wanted:
        if x.id not in table:
            table[x.id] = make(x.id, x.name)
            add(table[x.id])
