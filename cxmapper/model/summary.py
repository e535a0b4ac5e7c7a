"""A compact description of a workspace, for `cxmapper info` and the start page."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from cxmapper.model.freshness import governance_health, overdue_readings, today_utc
from cxmapper.model.governance import raci_warnings
from cxmapper.model.kpi_status import latest_readings, status
from cxmapper.model.workspace import Workspace


def summarize(ws: Workspace, today: date | None = None) -> dict[str, Any]:
    today = today or today_utc()
    kpis = ws.kpis()
    kpi_names = {k.id: k.name for k in kpis}
    parties = {p.id: p for p in ws.parties()}
    readings = ws.readings()
    raci = ws.raci()
    comments = ws.comments()
    actions = ws.actions()
    personas = {p.id: p.name for p in ws.personas()}
    kpi_by_id = {k.id: k for k in kpis}
    latest = latest_readings(readings)
    journeys = []
    for j in ws.journeys():
        tps = ws.touchpoints(j.id)
        tp_ids = {t.id for t in tps}
        lanes = ws.lanes(j.id)
        j_readings = [r for r in readings if r.touchpoint_id in tp_ids]
        j_raci = [r for r in raci if r.touchpoint_id in tp_ids]
        titles = {t.id: t for t in tps}
        owners = sorted({parties[t.owner_id].name for t in tps if t.owner_id in parties})
        journeys.append(
            {
                "id": j.id,
                "name": j.name,
                "state": j.state,
                "persona": personas.get(j.persona_id) if j.persona_id else None,
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
                        status(kpi_by_id[kpi_id], r.value)
                        for (tp_id, kpi_id), r in latest.items()
                        if tp_id in tp_ids and kpi_id in kpi_by_id
                    )
                ),
                "governance_warnings": [w.message for w in raci_warnings(tps, j_raci, lanes)],
                "governance_health": governance_health(
                    tps, lanes, j_raci, kpis, j_readings, today
                ).to_json(),
                "overdue": [
                    {
                        "touchpoint": titles[o.touchpoint_id].title,
                        "touchpoint_id": o.touchpoint_id,
                        "kpi": kpi_names[o.kpi_id],
                        "frequency": o.frequency,
                        "latest": o.latest_at,
                        "due": o.due_on,
                        "days_overdue": o.days_overdue,
                        "owner": _name(parties, titles[o.touchpoint_id].owner_id),
                    }
                    for o in overdue_readings(kpis, j_readings, today)
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
                "frequency": k.frequency,
            }
            for k in kpis
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


def _name(parties: dict[str, Any], party_id: str | None) -> str | None:
    party = parties.get(party_id or "")
    return party.name if party else None
