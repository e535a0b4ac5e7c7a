"""Card titles and stage names of one journey, for views that would otherwise show ids."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from cxmapper.analysis.report import JourneyReport
    from cxmapper.model.workspace import Workspace


class CardNames:
    """Title and stage of every card of a journey, read once per analysis."""

    def __init__(self, ws: Workspace | None = None, journey_id: str | None = None) -> None:
        self.titles: dict[str, str] = {}
        self.stages: dict[str, str] = {}
        self.stage_names: list[str] = []
        if ws is None or journey_id is None or ws.closed:
            return
        stages = ws.stages(journey_id)
        self.stage_names = [s.name for s in stages]
        by_id = {s.id: s.name for s in stages}
        for tp in ws.touchpoints(journey_id):
            self.titles[tp.id] = tp.title
            self.stages[tp.id] = by_id.get(tp.stage_id, "")

    def title(self, tp_id: str) -> str:
        return self.titles.get(tp_id, "(deleted card)")

    def stage(self, tp_id: str) -> str:
        return self.stages.get(tp_id, "")

    def stage_at(self, index: int) -> str:
        return self.stage_names[index] if 0 <= index < len(self.stage_names) else ""


def has_goal(report: JourneyReport) -> bool:
    """Whether the analysed journey has a goal card: without one, drop-off counts every exit."""
    tps = report.touchpoints
    return "is_goal" in tps.columns and bool(tps["is_goal"].any())


# Words shared by the views, so every one says "exits" the same way when no goal is set.
NO_GOAL_HINT = str(
    QT_TRANSLATE_NOOP(
        "OverlayViewsNames",
        "No goal card is marked, so every case's last step counts as an exit, including natural "
        "ends such as “Closed”. To see drop-off, select the card where the journey succeeds "
        "and tick “This touchpoint is a goal of the journey” in the Inspector.",
    )
)


def leave_word(goal: bool) -> str:
    """The column title for the share of cases leaving at a card."""
    if goal:
        return QCoreApplication.translate("OverlayViewsNames", "Drop-off")
    return QCoreApplication.translate("OverlayViewsNames", "Exits")


__all__ = ["NO_GOAL_HINT", "CardNames", "has_goal", "leave_word"]
