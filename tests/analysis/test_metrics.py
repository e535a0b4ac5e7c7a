"""The numpy engine's own paths: the sorted fast path and event names that read the same as text.

What every engine must compute (hand-computed metrics, funnel, friction, ties) is in
conformance/test_conformance_metrics.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxmapper.analysis.metrics import transition_metrics
from cxmapper.analysis.prepared import prepare


def test_sorted_fast_path_equals_general_path(small_log):
    frame = small_log.frame
    grouped = frame.iloc[np.argsort(frame["case_id"].cat.codes.to_numpy(), kind="stable")]
    a = transition_metrics(prepare(frame))
    b = transition_metrics(prepare(grouped.reset_index(drop=True)))
    pd.testing.assert_frame_equal(a, b)


def test_event_names_that_read_the_same_as_text_count_as_one():
    """A frame built outside the importer may hold 1 and "1": both are the touchpoint "1"."""
    frame = pd.DataFrame(
        {
            "case_id": pd.Categorical(["c1", "c1", "c2", "c2", "c1"]),
            "activity": pd.Categorical([1, "1", "x", 1, "x"]),
            "timestamp": pd.to_datetime([3, 1, 2, 5, 4], unit="s", utc=True),
        }
    )
    p = prepare(frame)
    assert p.row.tolist() == [1, 0, 4, 2, 3]  # c1 by time, then c2
    ids = p.tp_ids
    assert [ids[t] for t in p.tp] == ["1", "1", "x", "x", "1"]
    t = transition_metrics(p).set_index(["from", "to"])
    assert t["count"].to_dict() == {("1", "1"): 1, ("1", "x"): 1, ("x", "1"): 1}
    assert t.loc[("x", "1"), "mean_seconds"] == 3.0
