"""The analysis panel's undo and status texts, in the user's language.

Why a module of its own: `panel.py` is at its size limit; these few sentences (context
"OverlayPanel", the panel's own) are built here and called in one short line each.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def import_text(name: str) -> str:
    return QCoreApplication.translate("OverlayPanel", "Import {name}").format(name=name)


def remove_text() -> str:
    return QCoreApplication.translate("OverlayPanel", "Remove dataset")


def notes_text(warnings: list[str]) -> str:
    """The notes an import left on a dataset (stored as written when it was imported)."""
    return QCoreApplication.translate("OverlayPanel", "Import notes: {notes}").format(
        notes="; ".join(warnings)
    )


def map_events_text() -> str:
    return QCoreApplication.translate("OverlayPanel", "Map events")


def create_text(n: int) -> str:
    return QCoreApplication.translate("OverlayPanel", "Create {n} touchpoints from data").format(
        n=n
    )
