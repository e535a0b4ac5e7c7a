"""How the workbook import names what it read: values shortened for a plan line, the
'(was …)' of a conflict, an entity's label, and the RACI letters an owner typed.

Why apart from xlsx_import: the planner decides; these only word its decisions. They are
this module's interface (xlsx_import calls them), hence public names.
"""

from __future__ import annotations

from cxmapper.io import xlsx_values as v
from cxmapper.model import entities as e


def parse_roles(text: str) -> set[str]:
    """The RACI letters of an owner's cell ('A/R', 'a, r', 'R+A'); CellValueError otherwise."""
    letters = {
        part
        for part in text.upper().replace(",", "/").replace("+", "/").replace(" ", "/").split("/")
        if part
    }
    bad = letters - set(e.RACI_ROLES)
    if bad:
        raise v.CellValueError(f"RACI cells take R, A, C or I (A/R for two), not {text!r}")
    return letters


def show_value(value: object) -> str:
    """A cell value for a plan line: quoted, cut at 60 characters, '(empty)' if blank."""
    text = v.to_text(value)
    text = text if len(text) <= 60 else text[:57] + "..."
    return repr(text) if text else "(empty)"


def was_note(value: object) -> str:
    """' (was …)' for a conflict; long exported values are kept only as a hash."""
    return "" if str(value).startswith("sha1:") else f" (was {show_value(value)})"


def entity_label(entity: object) -> str:
    """An entity's title, name or text (else its id), cut at 40 characters."""
    text = (
        getattr(entity, "title", None)
        or getattr(entity, "name", None)
        or getattr(entity, "text", None)
    )
    text = str(text or getattr(entity, "id", ""))
    return text if len(text) <= 40 else text[:37] + "..."
