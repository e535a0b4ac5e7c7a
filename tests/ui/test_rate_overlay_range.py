"""Drop-off and repeats overlays tint relative to the journey's own range (present.heat.heat_range),
as friction does, so the worst card is the darkest even when no rate comes near 100 %."""

from __future__ import annotations

import pytest

from cxmapper.model.workspace import Workspace
from cxmapper.present.overlay import build_overlay
from tests.ui.test_overlay_panel import analysed, shop  # noqa: F401 (fixture)


def test_dropoff_spans_the_journeys_own_range(file_ws: Workspace, shop: dict) -> None:  # noqa: F811
    drop = build_overlay(analysed(file_ws, shop), "dropoff")
    # rates by hand: Home 1/3, Cart 1/2, Order 0 -> range 0 .. 50 %
    assert drop.cards[shop["cart"]].fraction == pytest.approx(1.0)  # the worst is the darkest
    assert drop.cards[shop["home"]].fraction == pytest.approx((1 / 3) / 0.5)
    assert drop.cards[shop["order"]].fraction == pytest.approx(0.0)
    assert drop.scale == (
        "palest = smoothest in this journey (0%)",
        "darkest = worst in this journey (50%)",
    )


def test_repeats_span_the_journeys_own_range(file_ws: Workspace, shop: dict) -> None:  # noqa: F811
    repeats = build_overlay(analysed(file_ws, shop), "repeats")
    # only c2 of Cart's 2 visitors saw it twice: 50 %, the rest 0 %
    assert repeats.cards[shop["cart"]].fraction == pytest.approx(1.0)
    assert repeats.cards[shop["home"]].fraction == pytest.approx(0.0)
    assert repeats.cards[shop["cart"]].label == "50%"
    assert repeats.scale == (
        "palest = smoothest in this journey (0%)",
        "darkest = worst in this journey (50%)",
    )
