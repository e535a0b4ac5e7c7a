"""`cxmapper versions --cards`: each card's lineage id, the version it came from, and the
journey it was copied from, as text or JSON rows (see `model.lineage`)."""

from __future__ import annotations

from typing import Any

from cxmapper.model.lineage import Lineage
from cxmapper.present.labels import _


def card_rows(lineage: Lineage) -> list[dict[str, Any]]:
    return [
        {"id": c.card_id, "title": c.title, "lineage_id": c.lineage_id,
         "first_version": c.first_version, "copied_from": c.copied_from}
        for c in lineage.cards
    ]  # fmt: skip


def print_cards(lineage: Lineage) -> None:
    """One line per card now, in map order: title, lineage id, where it came from."""
    print(_("cards ({n}): title, lineage id, first saved in").format(n=len(lineage.cards)))
    for c in lineage.cards:
        since = c.first_version or _("not in a version yet")
        copied = (
            _(", copied from journey {name}").format(name=repr(c.copied_from))
            if c.copied_from
            else ""
        )
        print(f"  {c.title}  {c.lineage_id}  {since}{copied}")
