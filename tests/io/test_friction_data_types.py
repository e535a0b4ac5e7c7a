"""`coerce_friction` accepts the analysis's result types by type, not by the attributes an
object happens to have: a look-alike is refused with a one-line error."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from cxmapper.analysis.report import analyze
from cxmapper.analysis.tasks import AnalysisResult
from cxmapper.errors import CxError
from cxmapper.io.friction_data import FrictionData, coerce_friction

ROWS = pd.DataFrame(
    {
        "case_id": ["a", "a", "b"],
        "event": ["S", "E", "S"],
        "timestamp": ["2024-01-01T10:00:00Z", "2024-01-01T10:05:00Z", "2024-01-01T11:00:00Z"],
    }
)


def _report():
    from cxmapper.analysis.readers import from_frame

    return analyze(from_frame(ROWS).frame)


def test_report_and_result_give_the_same_rows() -> None:
    report = _report()
    result = AnalysisResult(report, report.friction_table, pd.DataFrame(), None)
    from_report, from_result = coerce_friction(report), coerce_friction(result)
    assert isinstance(from_report, FrictionData) and from_report == from_result
    assert (from_report.n_cases, from_report.n_events) == (2, 3)
    s = from_report.by_touchpoint()["S"]
    assert (s.reach, s.exits, s.median_time_to_next) == (2, 1, 300.0)


def test_dicts_and_friction_data_pass_through() -> None:
    data = FrictionData(n_cases=1)
    assert coerce_friction(data) is data and coerce_friction(None) is None
    rows = {"metrics": [{"touchpoint_id": "t", "score": 50.0}], "n_cases": 3}
    assert coerce_friction(rows) == FrictionData(n_cases=3, metrics=coerce_friction(rows).metrics)
    assert coerce_friction(rows).metrics[0].friction == 0.5


@pytest.mark.parametrize(
    "lookalike",
    [
        SimpleNamespace(report=SimpleNamespace(touchpoints=None), weekly=None),
        SimpleNamespace(metrics=[{"touchpoint_id": "t", "score": 50.0}]),
    ],
)
def test_lookalikes_are_refused(lookalike: object) -> None:
    with pytest.raises(CxError, match=r"^cannot export analysis results of type SimpleNamespace$"):
        coerce_friction(lookalike)  # type: ignore[arg-type]


def test_image_overlay_lookalike_is_refused_too() -> None:
    from cxmapper.ui.render.image import overlay_of as _overlay_args

    lookalike = SimpleNamespace(report=SimpleNamespace(touchpoints=None), weekly=None)
    with pytest.raises(CxError, match=r"^cannot export analysis results of type SimpleNamespace$"):
        _overlay_args(lookalike)
