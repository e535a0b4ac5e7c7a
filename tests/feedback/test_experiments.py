"""Experiments: variants of a variant attribute compared with the same scipy tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.readers import from_frame
from cxmapper.feedback.experiments import compare_variants, needed_per_group, variant_column
from tests.feedback.feedback_helpers import SPEC, T0

MIN = pd.Timedelta(minutes=1)


def log(n: int, converted: dict[str, int]) -> pd.DataFrame:
    rows = []
    for variant, k in converted.items():
        for i in range(n):
            case, t = f"{variant}{i}", T0 + i * 10 * MIN
            rows += [(case, "cart", t, variant), (case, "pay", t + (3 if variant == "B" else 5) * MIN, variant)]  # fmt: skip
            if i < k:
                rows.append((case, "done", t + 6 * MIN, variant))
    frame = pd.DataFrame(rows, columns=["case_id", "event", "timestamp", "Variant"])
    return from_frame(frame).frame


def test_variants_compared_like_the_verdicts() -> None:
    frame = log(60, {"A": 30, "B": 48})
    assert variant_column(list(frame.columns)) == "Variant"
    p = prepare(frame, SPEC)
    [cmp] = compare_variants(frame, p, "Variant")
    assert (cmp.control, cmp.variant) == ("A", "B")  # equal sizes: the first is the control
    conv = cmp.conversion
    table = np.array([[30, 30], [48, 12]])
    assert conv.p_value == pytest.approx(stats.chi2_contingency(table, correction=False).pvalue)
    assert (conv.value_a, conv.value_b) == (50.0, 80.0)
    assert cmp.needed_per_group == needed_per_group(0.5, 0.8) and cmp.enough
    pay = cmp.dropoff["t-pay"]
    assert (pay.value_a, pay.value_b) == (50.0, 20.0)
    times = cmp.journey_seconds
    dur_a = np.array([360.0] * 30 + [300.0] * 30)
    dur_b = np.array([360.0] * 48 + [180.0] * 12)
    ref = stats.mannwhitneyu(dur_a, dur_b, alternative="two-sided")
    assert times.p_value == pytest.approx(ref.pvalue)


def test_a_small_experiment_is_not_large_enough() -> None:
    frame = log(20, {"A": 10, "B": 12})
    [cmp] = compare_variants(frame, prepare(frame, SPEC), "Variant")
    assert cmp.needed_per_group is not None and cmp.needed_per_group > 20 and not cmp.enough
    one = log(10, {"A": 5})
    assert compare_variants(one, prepare(one, SPEC), "Variant") == []
