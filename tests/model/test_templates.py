"""Journey templates build complete, valid journeys through workspace operations only."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmapper.errors import WorkspaceError
from cxmapper.model.templates import TEMPLATES, apply_template
from cxmapper.model.workspace import Workspace

REQUIRED_KINDS = {"channel", "thoughts", "emotions", "pain points", "opportunities", "backstage"}


def test_the_four_promised_templates_exist() -> None:
    assert {"ecommerce", "saas_onboarding", "bank_account", "customer_support"} <= set(TEMPLATES)


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_template_builds_a_full_journey_that_survives_reopening(key: str, ws_path: Path) -> None:
    with Workspace.create(ws_path) as ws:
        journey = apply_template(ws, key)
    with Workspace.open(ws_path) as ws:
        (saved,) = ws.journeys()
        assert saved.id == journey.id
        assert saved.name == TEMPLATES[key].name
        assert len(ws.stages(saved.id)) >= 4
        assert {lane.kind for lane in ws.lanes(saved.id)} >= REQUIRED_KINDS
        assert 8 <= len(ws.touchpoints(saved.id)) <= 15
        assert any(t.is_goal for t in ws.touchpoints(saved.id))


def test_template_is_one_change_batch_and_takes_a_custom_name(memory_ws: Workspace) -> None:
    seen: list = []
    first = memory_ws.add_journey("First")
    memory_ws.subscribe(seen.append)
    journey = apply_template(memory_ws, "customer_support", name="Support 2026", index=0)
    assert journey.name == "Support 2026"
    assert [j.id for j in memory_ws.journeys()] == [journey.id, first.id]
    assert {c.action for c in seen if c.id != first.id} == {"added"}
    # the existing journey moved down one place, and says so
    assert [(c.action, c.fields) for c in seen if c.id == first.id] == [("changed", ("position",))]


def test_unknown_template_is_a_user_error(memory_ws: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="no journey template"):
        apply_template(memory_ws, "nope")
    assert memory_ws.journeys() == []


def test_blank_journey_has_a_grid_but_no_cards(memory_ws: Workspace) -> None:
    from cxmapper.model.templates import new_blank_journey

    journey = new_blank_journey(memory_ws, "Blank")
    assert len(memory_ws.stages(journey.id)) == 3
    assert memory_ws.lanes(journey.id)[0].kind == "channel"
    assert memory_ws.touchpoints(journey.id) == []
