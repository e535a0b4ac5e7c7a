"""Undo-stack texts built from a field name, in the user's language.

Why a module of its own: the inspector, the People & KPIs dialog and the canvas all name "what
changed" in Edit ▸ Undo and in the history; the field words and the "{change} of {name}" pattern
are made here once, through the Qt catalogue (context "UndoText"), instead of English f-strings
at every caller. Field words the headless catalogue already has come from it (one source).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cxmapper.present.labels import FIELDS, field_label


def _extra_fields() -> dict[str, str]:
    """Field words the headless label catalogue does not carry (UI-only fields)."""
    return {
        "description": QCoreApplication.translate("UndoText", "description"),
        "unit": QCoreApplication.translate("UndoText", "unit"),
        "email": QCoreApplication.translate("UndoText", "email"),
        "team_id": QCoreApplication.translate("UndoText", "team"),
        "owner_id": QCoreApplication.translate("UndoText", "owner"),
        "persona_id": QCoreApplication.translate("UndoText", "persona"),
        "channel": QCoreApplication.translate("UndoText", "channel"),
        "tags": QCoreApplication.translate("UndoText", "tags"),
        "label": QCoreApplication.translate("UndoText", "label"),
        "is_goal": QCoreApplication.translate("UndoText", "goal flag"),
        "match_events": QCoreApplication.translate("UndoText", "event names"),
        "match_patterns": QCoreApplication.translate("UndoText", "event patterns"),
        "due": QCoreApplication.translate("UndoText", "due date"),
        "live_from": QCoreApplication.translate("UndoText", "live from"),
    }


def field_word(field: str) -> str:
    """The field's name as people read it ("description", "owner")."""
    if field in FIELDS:
        return field_label(field)
    return _extra_fields().get(field) or field.removesuffix("_id").replace("_", " ")


def edit_text(field: str) -> str:
    """'Edit description' (the change, without the record's name)."""
    return QCoreApplication.translate("UndoText", "Edit {field}").format(field=field_word(field))


def set_text(field: str, name: str) -> str:
    """'Set owner of Checkout'."""
    return QCoreApplication.translate("UndoText", "Set {field} of {name}").format(
        field=field_word(field), name=name
    )


def of_text(change: str, name: str) -> str:
    """'Rename stage of Checkout': a change already in the user's language, and its record."""
    return QCoreApplication.translate("UndoText", "{change} of {name}").format(
        change=change, name=name
    )
