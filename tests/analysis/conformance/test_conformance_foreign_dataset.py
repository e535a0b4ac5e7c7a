"""An engine reads only the datasets it loaded itself (`engines.common.own`): a handle from
another engine is refused with a TypeError naming both, never misread."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cxmapper.analysis import engines
from cxmapper.analysis.dataset_ref import FileRef, Selection

CALLS: dict[str, Callable[[engines.AnalysisEngine, engines.Dataset], object]] = {
    "profile": lambda e, d: e.profile(d),
    "select": lambda e, d: e.select(d, Selection()),
    "report": lambda e, d: e.report(d, None),
    "weekly_trend": lambda e, d: e.weekly_trend(d, None),
    "compare_periods": lambda e, d: e.compare_periods(d, None, (None, None), (None, None)),
}


@pytest.mark.parametrize("other", engines.names())
@pytest.mark.parametrize("call", CALLS)
def test_a_dataset_loaded_by_another_engine_is_refused(
    engine: engines.AnalysisEngine, small_ref: FileRef, other: str, call: str
) -> None:
    if other == engine.name:
        pytest.skip("an engine reads its own datasets (the rest of the suite)")
    foreign = engines.get(other).load(small_ref)
    with pytest.raises(TypeError) as err:
        CALLS[call](engine, foreign)
    assert str(err.value) == f"the {engine.name} engine cannot read a dataset loaded by {other!r}"
