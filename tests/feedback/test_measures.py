"""NPS, CSAT and CES equal a hand-computed reference on fixed data."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from cxmapper.feedback.measures import figures, figures_by, periods

NPS = [10, 9, 9, 8, 7, 6, 5, 0, 10, 3]  # 4 promoters, 2 passives, 4 detractors
CSAT = [5, 4, 4, 3, 2, 1, 5, 5]  # 5 of 8 satisfied, mean 29/8
CES = [7, 6, 5, 4, 3, 1]  # 3 of 6 easy, mean 26/6


def test_nps_csat_ces_equal_the_hand_computed_reference() -> None:
    nan = float("nan")
    frame = pd.DataFrame(
        {
            "nps": NPS + [nan] * 2,
            "csat": CSAT + [nan] * 4,
            "ces": CES + [nan] * 6,
        }
    )
    f = figures(frame)
    assert f.n == 12
    assert (f.nps_n, f.csat_n, f.ces_n) == (10, 8, 6)
    assert f.nps == pytest.approx(40 - 40)
    assert f.csat_pct == pytest.approx(62.5) and f.csat_mean == pytest.approx(29 / 8)
    assert f.ces_mean == pytest.approx(26 / 6) and f.ces_easy_pct == pytest.approx(50.0)
    # interval by hand: answers +1 x4, 0 x2, -1 x4 -> mean 0, variance 0.8, se sqrt(0.08)
    half = 1.959963984540054 * math.sqrt(0.8 / 10) * 100
    assert (f.nps_low, f.nps_high) == (pytest.approx(-half), pytest.approx(half))
    assert f.indicative  # fewer than 30 answers


def test_a_skewed_sample_and_the_interval_clip() -> None:
    f = figures(pd.DataFrame({"nps": [10.0] * 29 + [0.0]}))
    assert f.nps == pytest.approx(100 * 28 / 30)
    assert f.nps_high == 100.0  # never above the scale
    assert figures(pd.DataFrame({"nps": [9.0] * 40})).indicative is False


def test_figures_by_group_and_period() -> None:
    frame = pd.DataFrame(
        {
            "nps": [10.0, 0.0, 9.0, 9.0],
            "answered_at": pd.to_datetime(
                [
                    "2026-01-31T23:00:00Z",
                    "2026-02-01T00:00:00Z",
                    "2026-02-10T00:00:00Z",
                    "2026-03-01T00:00:00Z",
                ],
                utc=True,
            ),
        }
    )
    by = figures_by(frame, np.array(["a", "b", "a", "a"]))
    assert by["a"].nps == 100 and by["b"].nps == -100
    months = periods(frame["answered_at"])
    assert list(months) == ["2026-01", "2026-02", "2026-02", "2026-03"]
    per = figures_by(frame, months)
    assert per["2026-02"].nps == 0 and per["2026-02"].nps_n == 2


def test_a_figure_becomes_a_dated_survey_reading(memory_ws) -> None:
    from cxmapper.errors import ValidationError
    from cxmapper.feedback.readings import record_figure

    j = memory_ws.add_journey("Buy")
    stage, lane = memory_ws.add_stage(j.id, "Pay"), memory_ws.add_lane(j.id, "Web")
    tp = memory_ws.add_touchpoint(stage.id, lane.id, "Payment")
    f = figures(pd.DataFrame({"csat": [5.0, 4, 1, 2]}))
    reading = record_figure(memory_ws, tp.id, f, "csat", "2026-03-31T00:00:00+00:00")
    [stored] = memory_ws.readings(tp.id)
    assert (stored.value, stored.source, stored.measured_at) == (50.0, "survey", "2026-03-31T00:00:00+00:00")  # fmt: skip
    assert memory_ws.get("kpi", reading.kpi_id).name == "CSAT"
    with pytest.raises(ValidationError, match="no NPS answers"):
        record_figure(memory_ws, tp.id, f, "nps", "2026-03-31T00:00:00+00:00")
