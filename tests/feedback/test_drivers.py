"""Behaviours per case and card, and drivers: did vs did not, Welch's test, ranked by cost."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from cxmapper.feedback.behaviours import case_behaviour
from cxmapper.feedback.drivers import drivers, outcome
from tests.feedback.feedback_helpers import DAY, T0, prepared

HOUR = DAY / 24


def test_behaviours_follow_the_journey_metric_definitions() -> None:
    p = prepared(
        [
            ("a", "cart", T0),
            ("a", "pay", T0 + HOUR),
            ("a", "pay", T0 + 2 * HOUR),  # repeated payment
            ("a", "cart", T0 + 3 * HOUR),  # stepped back from payment to the cart
            ("a", "pay", T0 + 4 * HOUR),
            ("a", "done", T0 + 5 * HOUR),
            ("b", "cart", T0),
            ("b", "pay", T0 + 30 * HOUR),  # the longest wait at the cart
            ("c", "cart", T0),  # dropped off at the cart
        ]
    )
    b = case_behaviour(p)
    a, bb, c = (list(p.case_labels).index(x) for x in "abc")
    f = b.flags
    assert f["went"][[a, bb, c]].tolist() == [[True, True, True], [True, True, False], [True, False, False]]  # fmt: skip
    assert f["repeated"][a].tolist() == [True, True, False] and not f["repeated"][bb].any()
    assert f["stepped_back"][a].tolist() == [False, True, False]
    assert f["dropped_off"][c].tolist() == [True, False, False]
    assert f["dropped_off"][bb].tolist() == [False, True, False]  # no goal reached
    assert not f["dropped_off"][a].any()  # reached the goal
    # cart's times to next: 1 h (a), 30 h (b), 1 h (a again): p90 below 30 h, so b waited
    assert f["waited"][bb, 0] and not f["waited"][a, 0]


@pytest.mark.filterwarnings("ignore:Precision loss:RuntimeWarning")  # scipy on a constant group
def test_drivers_compare_with_welch_and_rank_by_difference_times_share() -> None:
    rows = []
    for i in range(15):  # 15 cases, every 3rd repeats payment
        case = f"c{i}"
        rows += [(case, "cart", T0 + i * DAY), (case, "pay", T0 + i * DAY + HOUR)]
        if i % 3 == 0:
            rows.append((case, "pay", T0 + i * DAY + 2 * HOUR))
        rows.append((case, "done", T0 + i * DAY + 3 * HOUR))
    p = prepared(rows)
    labels = list(p.case_labels)
    case = np.array([labels.index(f"c{i}") for i in range(15)] + [-1])
    scores = np.array([2.0 if i % 3 == 0 else (10 if i % 2 else 8) for i in range(15)] + [9])
    found = drivers(p, case_behaviour(p), case, scores, "nps")
    top = found[0]
    assert (top.title, top.behaviour) == ("Payment", "repeated")
    value = outcome(scores[:15], "nps")
    did = np.array([i % 3 == 0 for i in range(15)])
    ref = stats.ttest_ind(value[did], value[~did], equal_var=False)
    assert (top.n_did, top.n_not) == (5, 10)
    assert top.difference == pytest.approx(value[did].mean() - value[~did].mean())
    assert top.p_value == pytest.approx(ref.pvalue)
    assert top.low == pytest.approx(ref.confidence_interval(0.95).low)
    assert top.share == pytest.approx(5 / 15) and top.impact == pytest.approx(top.difference / 3)
    assert top.indicative
    assert [d.impact for d in found] == sorted(d.impact for d in found)


def test_outcome_in_points_of_each_scale() -> None:
    assert outcome(np.array([10.0, 8, 6]), "nps").tolist() == [100, 0, -100]
    assert outcome(np.array([5.0, 4, 3]), "csat").tolist() == [100, 100, 0]
    assert outcome(np.array([7.0, 5, 4]), "ces").tolist() == [100, 100, 0]
