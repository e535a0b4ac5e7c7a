"""A compact description of a workspace, for `cxmapper info` and the start page."""

from __future__ import annotations

from collections import Counter
from typing import Any

from cxmapper.model.governance import raci_warnings
from cxmapper.model.kpi_status import latest_readings, status
from cxmapper.model.workspace import Workspace


def summarize(ws: Workspace) -> dict[str, Any]:
    parties = {p.id: p for p in ws.parties()}
    readings = ws.readings()
    raci = ws.raci()
    comments = ws.comments()
    actions = ws.actions()
    personas = {p.id: p.name for p in ws.personas()}
    kpis = {k.id: k for k in ws.kpis()}
    latest = latest_readings(readings)
    journeys = []
    for j in ws.journeys():
        tps = ws.touchpoints(j.id)
        tp_ids = {t.id for t in tps}
        owners = sorted({parties[t.owner_id].name for t in tps if t.owner_id in parties})
        journeys.append(
            {
                "id": j.id,
                "name": j.name,
                "state": j.state,
                "persona": personas.get(j.persona_id),
                "stages": [s.name for s in ws.stages(j.id)],
                "lanes": [ln.name for ln in ws.lanes(j.id)],
                "touchpoints": len(tps),
                "goal_touchpoints": sum(t.is_goal for t in tps),
                "connectors": len(ws.connectors(j.id)),
                "owners": owners,
                "kpi_readings": sum(r.touchpoint_id in tp_ids for r in readings),
                "comments": sum(c.touchpoint_id in tp_ids for c in comments),
                "open_actions": sum(
                    a.touchpoint_id in tp_ids and a.status in ("open", "in progress")
                    for a in actions
                ),
                "kpi_status": dict(  # latest reading per touchpoint and KPI, by status key
                    Counter(
                        status(kpis[kpi_id], r.value)
                        for (tp_id, kpi_id), r in latest.items()
                        if tp_id in tp_ids and kpi_id in kpis
                    )
                ),
                "governance_warnings": [
                    w.message
                    for w in raci_warnings(
                        tps, [r for r in raci if r.touchpoint_id in tp_ids], ws.lanes(j.id)
                    )
                ],
            }
        )
    reading_counts = Counter(r.kpi_id for r in readings)
    return {
        "workspace": ws.path,
        "schema_version": ws.schema_version(),
        "journeys": journeys,
        "people": [
            {"name": p.name, "kind": p.kind, "role": p.role, "email": p.email}
            for p in parties.values()
        ],
        "kpis": [
            {
                "name": k.name,
                "unit": k.unit,
                "direction": k.direction,
                "target": k.target,
                "owner": parties[k.owner_id].name if k.owner_id in parties else None,
                "readings": reading_counts[k.id],
            }
            for k in ws.kpis()
        ],
        "datasets": [
            {
                "name": d.name,
                "source": d.source,
                "events": d.n_events,
                "cases": d.n_cases,
                "imported_at": d.imported_at,
            }
            for d in ws.datasets()
        ],
    }
