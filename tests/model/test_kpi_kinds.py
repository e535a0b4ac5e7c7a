"""The catalogue of standard KPI kinds, and who starts a workspace with them."""

from __future__ import annotations

import pytest

from cxmapper.errors import ValidationError
from cxmapper.model import entities as e
from cxmapper.model import kpi_kinds
from cxmapper.model.demo import build_demo
from cxmapper.model.templates import TEMPLATES, apply_template
from cxmapper.model.workspace import Workspace
from cxmapper.present.labels import kpi_kind_label, kpi_scale_text

PROMISED = {
    "nps",
    "csat",
    "ces",
    "fcr",
    "churn",
    "conversion",
    "response time",
    "handling time",
    "resolution time",
}  # fmt: skip  (the README's list)


def test_the_catalogue_has_the_promised_kinds_each_complete() -> None:
    assert set(kpi_kinds.BY_KEY) >= PROMISED
    labels = [kpi_kind_label(k) for k in kpi_kinds.KIND_KEYS]
    assert len(set(labels)) == len(labels) and labels[0] == "Custom"
    for kind in kpi_kinds.KPI_KINDS:
        assert kind.direction in e.DIRECTIONS and kind.unit and kind.tolerance > 0
    nps, resolution = kpi_kinds.BY_KEY["nps"], kpi_kinds.BY_KEY["resolution time"]
    assert kpi_scale_text(nps.low, nps.high) == "-100 to 100"
    assert kpi_scale_text(resolution.low, resolution.high) == "0 or more"


def test_a_bare_workspace_has_no_kpis_and_standard_ones_are_added_once(
    memory_ws: Workspace,
) -> None:
    assert memory_ws.kpis() == []
    added = kpi_kinds.add_standard_kpis(memory_ws)
    assert [k.kind for k in added] == [k.key for k in kpi_kinds.KPI_KINDS]
    assert kpi_kinds.add_standard_kpis(memory_ws) == []  # nothing twice
    memory_ws.remove("kpi", next(k.id for k in memory_ws.kpis() if k.kind == "ces"))
    assert [k.kind for k in kpi_kinds.add_standard_kpis(memory_ws)] == ["ces"]


def test_an_unknown_kind_is_refused(memory_ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="KPI kind must be one of"):
        memory_ws.add_kpi("Happiness", kind="happiness")


def test_a_template_brings_the_standard_kpis_into_a_workspace_without_any(
    memory_ws: Workspace,
) -> None:
    apply_template(memory_ws, "ecommerce")
    assert {k.kind for k in memory_ws.kpis()} == set(kpi_kinds.BY_KEY)


def test_a_template_leaves_a_workspace_with_its_own_kpis_alone(memory_ws: Workspace) -> None:
    memory_ws.add_kpi("Our score")
    apply_template(memory_ws, "ecommerce")
    assert [k.name for k in memory_ws.kpis()] == ["Our score"]


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_template_scores_only_moments_the_customer_lives(key: str, memory_ws: Workspace) -> None:
    journey = apply_template(memory_ws, key)
    kinds = {ln.id: ln.kind for ln in memory_ws.lanes(journey.id)}
    cards = memory_ws.touchpoints(journey.id)
    assert all(t.emotion is None for t in cards if kinds[t.lane_id] not in ("channel", "thoughts"))
    assert sum(t.emotion is not None for t in cards) >= 5  # still a curve to read


def test_the_demo_kpis_have_their_kinds_and_only_customer_moments_are_scored(
    memory_ws: Workspace,
) -> None:
    build_demo(memory_ws)
    assert {k.kind for k in memory_ws.kpis()} == set(kpi_kinds.BY_KEY)
    kinds: dict[str, str] = {}
    for j in memory_ws.journeys():
        kinds.update({ln.id: ln.kind for ln in memory_ws.lanes(j.id)})
    unscored = {kinds[t.lane_id] for t in memory_ws.touchpoints() if t.emotion is None}
    scored = {kinds[t.lane_id] for t in memory_ws.touchpoints() if t.emotion is not None}
    assert unscored == {"pain points", "opportunities", "backstage"}
    assert scored == {"channel", "thoughts"}
