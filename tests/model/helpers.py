"""Read everything a workspace holds through the public API, to compare states exactly."""

from __future__ import annotations

from typing import Any

from cxmapper.model.workspace import Workspace


def everything(ws: Workspace) -> dict[str, Any]:
    journeys = ws.journeys()
    state: dict[str, Any] = {
        "journeys": journeys,
        "parties": ws.parties(),
        "personas": ws.personas(),
        "kpis": ws.kpis(),
        "readings": sorted(ws.readings(), key=lambda r: r.id),
        "raci": sorted(ws.raci(), key=lambda r: r.id),
        "comments": sorted(ws.comments(), key=lambda c: c.id),
        "actions": sorted(ws.actions(), key=lambda a: a.id),
        "datasets": ws.datasets(),
    }
    for j in journeys:
        state[f"stages:{j.id}"] = ws.stages(j.id)
        state[f"lanes:{j.id}"] = ws.lanes(j.id)
        state[f"touchpoints:{j.id}"] = ws.touchpoints(j.id)
        state[f"connectors:{j.id}"] = sorted(ws.connectors(j.id), key=lambda c: c.id)
    return state


def cell_titles(ws: Workspace, stage_id: str, lane_id: str) -> list[str]:
    return [t.title for t in ws.cell(stage_id, lane_id)]
