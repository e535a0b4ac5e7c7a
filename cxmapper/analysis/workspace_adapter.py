"""Build a plain `JourneySpec` from a workspace journey, so metrics never touch the model types.

Stage index is the stage's place in the journey's stage order; touchpoints keep the model's
reading order (stage, lane, position), which is also the tie-break for event matching. The
workspace is described by the protocols below (what this module reads of it), so analysis
does not import the model and `cxmapper.model.workspace.Workspace` satisfies them as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.errors import CxError


class StageRow(Protocol):
    @property
    def id(self) -> str: ...


class TouchpointRow(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def stage_id(self) -> str: ...
    @property
    def match_events(self) -> Sequence[str] | None: ...
    @property
    def match_patterns(self) -> Sequence[str] | None: ...
    @property
    def is_goal(self) -> bool: ...
    @property
    def channel(self) -> str: ...


class ConnectorRow(Protocol):
    @property
    def source_id(self) -> str: ...
    @property
    def target_id(self) -> str: ...


class JourneySource(Protocol):
    """A workspace's journeys, as read here (`Workspace` is one)."""

    def stages(self, journey_id: str) -> Sequence[StageRow]: ...
    def touchpoints(self, journey_id: str) -> Sequence[TouchpointRow]: ...
    def connectors(self, journey_id: str) -> Sequence[ConnectorRow]: ...


def journey_spec(ws: JourneySource, journey_id: str) -> JourneySpec:
    """The journey's touchpoints and connectors as the metrics read them."""
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
                channel=tp.channel or "",
            )
        )
    connectors = [(c.source_id, c.target_id) for c in ws.connectors(journey_id)]
    return JourneySpec(touchpoints=tps, connectors=connectors)
