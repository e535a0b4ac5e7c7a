"""The Spark engine's sorted journey table maps an event name to its touchpoint through a
literal map up to `MAP_LIMIT` names and through a join beyond (issue 18: the map saves the
join's broadcast job on small logs). Both roads give the numpy engine's report, to the last bit.

Skips when pyspark or Java is missing; one worker runs every Spark test (one SparkSession).
"""

from __future__ import annotations

import numpy as np
import pytest
from analysis_helpers import random_log

from cxmapper.analysis.dataset_ref import FrameRef
from cxmapper.analysis.engines import get
from cxmapper.analysis.engines.spark.sequence import MAP_LIMIT
from cxmapper.analysis.engines.spark_summary import spark_available
from cxmapper.analysis.readers import from_frame
from cxmapper.analysis.report import to_json_dict

pytestmark = [
    pytest.mark.skipif(spark_available() is not None, reason="pyspark/java missing"),
    pytest.mark.xdist_group("spark"),
]


@pytest.mark.parametrize("n_names", [5, MAP_LIMIT + 40])
def test_report_equals_numpy_with_few_and_many_event_names(n_names: int) -> None:
    raw = random_log(np.random.default_rng(11), 400, n_names, 9, [0, 1, 30, 600])
    frame = from_frame(raw.rename(columns={"case": "case_id", "ts": "timestamp"})).frame
    names = frame["activity"].nunique()
    assert (names > MAP_LIMIT) == (n_names > MAP_LIMIT)  # the road under test is taken
    reports = {}
    for engine in ("numpy", "spark"):
        got = get(engine)
        data = to_json_dict(got.report(got.load(FrameRef(frame)), None))
        assert data.pop("engine") == engine
        reports[engine] = data
    assert reports["spark"] == reports["numpy"]
    assert reports["spark"]["n_events"] == len(frame)
