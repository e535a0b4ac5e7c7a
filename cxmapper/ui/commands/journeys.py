"""Whole journeys as one step: from a template, or as a copy (undo removes the whole journey)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cxmapper.model.templates import apply_template
from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands.entities import AddCommand


def template_command(
    workspace: Workspace, key: str, name: str | None = None, index: int | None = None
) -> AddCommand:
    """A new journey from a template as one undo step (undo removes the whole journey)."""
    return AddCommand(
        workspace, "journey", lambda: apply_template(workspace, key, name, index),
        QCoreApplication.translate("UndoText", "New journey from template {name}").format(
            name=name or key
        ),
    )  # fmt: skip


def duplicate_journey_command(workspace: Workspace, journey_id: str, name: str) -> AddCommand:
    """A copy of a journey, with everything on it, as one undo step."""
    return AddCommand(
        workspace, "journey", lambda: workspace.duplicate_journey(journey_id, name),
        QCoreApplication.translate("UndoText", "Duplicate journey {name}").format(name=name),
    )  # fmt: skip
