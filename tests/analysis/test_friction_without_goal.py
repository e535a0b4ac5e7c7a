"""Without a goal card, drop-off is the exit rate: the score is unchanged but the reasons say
"end here", never "visitors drop off"; with a goal they speak of cases dropping off."""

from __future__ import annotations

from dataclasses import replace

from cxmapper.analysis.friction import top_friction
from cxmapper.analysis.matching import JourneySpec
from cxmapper.analysis.metrics import journey_median_seconds, touchpoint_metrics
from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.readers import EventLog


def _items(log: EventLog, spec: JourneySpec):
    p = prepare(log.frame, spec)
    return {
        i.touchpoint_id: i for i in top_friction(touchpoint_metrics(p), journey_median_seconds(p))
    }


def test_reasons_say_exits_without_a_goal_and_scores_stay(small_log, small_spec) -> None:
    with_goal = _items(small_log, small_spec)
    no_goal_spec = replace(
        small_spec, touchpoints=[replace(t, is_goal=False) for t in small_spec.touchpoints]
    )
    no_goal = _items(small_log, no_goal_spec)
    # Checkout is the goal: 0% drop-off with it; without it every case ending there exits
    assert with_goal["tC"].components["dropoff"] == 0.0
    assert no_goal["tC"].components["dropoff"] == 1.0
    assert any(r.endswith("of cases end here (no goal card)") for r in no_goal["tC"].reasons)
    assert "33% of cases drop off here" in with_goal["tB"].reasons
    every = [r for items in (with_goal, no_goal) for i in items.values() for r in i.reasons]
    assert every and not any("visitor" in r for r in every)
    assert not any("drop off" in r for i in no_goal.values() for r in i.reasons)
