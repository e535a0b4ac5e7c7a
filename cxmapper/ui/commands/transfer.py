"""Files brought in as one undo step: an Excel round trip, or journeys from a JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from cxmapper.model.workspace import Removal, Workspace

if TYPE_CHECKING:
    from cxmapper.io.json_format import JsonImport


class ApplyPlanCommand(QUndoCommand):
    """An Excel round trip applied as one step; redo re-applies with the same ids."""

    def __init__(self, ws: Workspace, plan: Any) -> None:
        super().__init__(
            QCoreApplication.translate("UndoText", "Import updates from {name}").format(
                name=Path(plan.path).name
            )
        )
        self._ws, self._plan = ws, plan
        self._applied: Any = None  # what apply_plan returns: how to undo it

    def redo(self) -> None:
        from cxmapper.io.xlsx_import import apply_plan

        self._applied = apply_plan(self._ws, self._plan)

    def undo(self) -> None:
        if self._applied is not None:
            self._applied.undo(self._ws)


class ImportJsonCommand(QUndoCommand):
    """Journeys (and the people, personas and KPIs they bring) from a JSON file, as one step.

    Undo removes what the import created (`JsonImport.created`): the journeys, which takes
    everything on them along, then the people, personas and KPIs that were new.
    """

    KINDS = ("journey", "kpi", "persona", "party")

    def __init__(self, ws: Workspace, path: str) -> None:
        super().__init__(
            QCoreApplication.translate("UndoText", "Import journeys from {name}").format(
                name=Path(path).name
            )
        )
        self._ws, self._path = ws, path
        self._removals: list[Removal] | None = None
        self._imported: JsonImport | None = None
        self.journeys: list[Any] = []

    def redo(self) -> None:
        if self._removals is None:
            from cxmapper.io.json_format import import_json

            self._imported = import_json(self._ws, self._path)
            self.journeys = self._imported.journeys
        else:
            with self._ws.batch():
                for removal in reversed(self._removals):
                    self._ws.restore(removal)

    def undo(self) -> None:
        assert self._imported is not None
        created = self._imported.created
        with self._ws.batch():
            self._removals = [
                self._ws.remove_many(k, ids) for k in self.KINDS if (ids := created.get(k))
            ]
