"""An engine reads only the datasets it loaded itself (`engines.common.own`): a handle from
another engine is refused with a TypeError naming both, never misread."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cxmapper.analysis import engines
from cxmapper.analysis.dataset_ref import FileRef, Selection
from cxmapper.analysis.engines.spark_summary import spark_available

CALLS: dict[str, Callable[[engines.AnalysisEngine, engines.Dataset], object]] = {
    "profile": lambda e, d: e.profile(d),
    "select": lambda e, d: e.select(d, Selection()),
    "report": lambda e, d: e.report(d, None),
    "weekly_trend": lambda e, d: e.weekly_trend(d, None),
    "compare_periods": lambda e, d: e.compare_periods(d, None, (None, None), (None, None)),
}


PAIRS = [(reader, loader) for reader in engines.names() for loader in engines.names()
         if reader != loader]  # fmt: skip


def _pair(reader: str, loader: str) -> object:
    """A pair whose loader is Spark runs on the Spark tests' worker (xdist_group "spark"):
    elsewhere it would start a second JVM beside the one the Spark tests keep busy."""
    if loader != "spark":
        return (reader, loader)
    why = spark_available()
    marks = [
        pytest.mark.xdist_group("spark"),
        pytest.mark.skipif(why is not None, reason=why or ""),
    ]
    return pytest.param(reader, loader, marks=marks)


@pytest.mark.parametrize(("reader", "loader"), [_pair(*p) for p in PAIRS])
@pytest.mark.parametrize("call", CALLS)
def test_a_dataset_loaded_by_another_engine_is_refused(
    small_ref: FileRef, reader: str, loader: str, call: str
) -> None:
    foreign = engines.get(loader).load(small_ref)
    with pytest.raises(TypeError) as err:
        CALLS[call](engines.get(reader), foreign)
    assert str(err.value) == f"the {reader} engine cannot read a dataset loaded by {loader!r}"


def test_there_is_another_engine_to_refuse() -> None:
    assert PAIRS, "the conformance suite needs two engines to check this"
