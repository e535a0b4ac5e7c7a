"""Build a plain `JourneySpec` from a workspace journey, so metrics never touch the model types.

Stage index is the stage's place in the journey's stage order; touchpoints keep the model's
reading order (stage, lane, position), which is also the tie-break for event matching.
"""

from __future__ import annotations

from typing import Any

from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.errors import CxError


def journey_spec(ws: Any, journey_id: str) -> JourneySpec:
    """`ws` is a `cxmapper.model.workspace.Workspace` (typed loosely to keep the layers apart)."""
    stage_index = {s.id: i for i, s in enumerate(ws.stages(journey_id))}
    tps = []
    for tp in ws.touchpoints(journey_id):
        if tp.stage_id not in stage_index:
            raise CxError(f"touchpoint {tp.title!r} refers to a missing stage {tp.stage_id!r}")
        tps.append(
            TouchpointSpec(
                id=tp.id,
                title=tp.title,
                stage_index=stage_index[tp.stage_id],
                match_events=tuple(tp.match_events or ()),
                match_patterns=tuple(tp.match_patterns or ()),
                is_goal=bool(tp.is_goal),
            )
        )
    connectors = [(c.source_id, c.target_id) for c in ws.connectors(journey_id)]
    return JourneySpec(touchpoints=tps, connectors=connectors)
