"""What docs/metrics.md, docs/json-format.md and the README say about the numbers is what the
code does: every key of `analyze --json` is defined, patterns are globs, the funnel window is
inclusive, a period's first event may be unmatched, connectors are directed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pandas as pd

from cxmapper.analysis.funnel import funnel
from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.analysis.metrics import path_check
from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.readers import from_frame
from cxmapper.analysis.report import analyze, to_json_dict
from cxmapper.analysis.segments import filter_period
from cxmapper.analysis.value_model import ValueModel

REPO = Path(__file__).resolve().parents[2]
T0 = pd.Timestamp("2026-03-02T09:00:00Z")


def frame(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return from_frame(
        pd.DataFrame(
            {
                "case_id": [r[0] for r in rows],
                "activity": [r[1] for r in rows],
                "timestamp": [T0 + pd.Timedelta(seconds=r[2]) for r in rows],
            }
        )
    ).frame


SPEC = JourneySpec(
    touchpoints=[
        TouchpointSpec("tA", "A", 0, match_events=["a"]),
        TouchpointSpec("tB", "B", 1, match_patterns=["b.x"]),
        TouchpointSpec("tC", "C", 2, match_events=["c"], is_goal=True),
    ],
    connectors=[("tA", "tB"), ("tB", "tC")],
)


def json_keys(data: object, prefix: str = "") -> set[str]:
    """Every key of the JSON, nested ones as `parent[].key` / `parent.key`."""
    out: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            out.add(key)
            out |= json_keys(value, key)
    elif isinstance(data, list):
        for item in data:
            out |= json_keys(item, prefix)
    return out


def test_every_analyze_json_key_is_documented() -> None:
    rows = [("c1", "a", 0), ("c1", "b.x", 60), ("c1", "c", 120), ("c2", "a", 0), ("c2", "z", 5)]
    model = ValueModel(50, contact_costs={"web": 1})
    channels = ("web", "chat", "web")
    cards = [replace(tp, channel=c) for tp, c in zip(SPEC.touchpoints, channels, strict=True)]
    spec = replace(SPEC, touchpoints=cards)  # channels on the cards: hops and handovers
    data = to_json_dict(analyze(frame(rows), spec, value_model=model, channels=True))
    assert data["channels"]["matrix"] and data["channels"]["handovers"]
    keys = json_keys({k: v for k, v in data.items() if k not in ("unmatched_events",
                      "start_activities", "end_activities")})  # fmt: skip
    keys |= {"unmatched_events", "start_activities", "end_activities"}  # their keys are data
    text = (REPO / "docs" / "metrics.md").read_text(encoding="utf-8")
    section = text.split("## `analyze --json`: every key", 1)[1].split("\n## ", 1)[0]
    spans = re.findall(r"`([^`]+)`", section)
    documented = {word for span in spans for word in re.findall(r"[a-z_0-9]+", span)}
    assert keys - documented == set()


def test_match_patterns_are_globs_and_documented_so() -> None:
    data = to_json_dict(analyze(frame([("c", "a", 0), ("c", "B.X", 1), ("c", "bzx", 2)]), SPEC))
    assert data["unmatched_events"] == {"bzx": 1}  # "." is a literal dot, any case
    doc = (REPO / "docs" / "json-format.md").read_text(encoding="utf-8")
    patterns = doc.split("`match_patterns`", 1)[1][:200]
    assert "glob" in patterns and "not** regular expressions" in patterns


def test_funnel_window_is_inclusive() -> None:
    rows = [("c1", "a", 0), ("c1", "b.x", 3600), ("c2", "a", 0), ("c2", "b.x", 3601)]
    f = funnel(prepare(frame(rows), SPEC), ["tA", "tB"], window=timedelta(hours=1))
    assert f["cases"].tolist() == [2, 1]
    assert "the window is **inclusive**" in (REPO / "docs" / "metrics.md").read_text()


def test_a_period_starts_at_the_first_event_even_when_unmatched() -> None:
    """c1's first event is an unmatched one before the period: the whole case is out."""
    rows = [("c1", "z", 0), ("c1", "a", 7200), ("c2", "a", 7200)]
    kept = filter_period(frame(rows), T0 + pd.Timedelta(hours=1), None)
    assert sorted(set(kept["case_id"].astype(str))) == ["c2"]


def test_connectors_are_directed() -> None:
    rows = [("c1", "b.x", 0), ("c1", "a", 60)]
    check = path_check(prepare(frame(rows), SPEC))
    assert check.unexpected[["from", "to"]].values.tolist() == [["tB", "tA"]]
    assert ("tA", "tB") in check.unwalked
