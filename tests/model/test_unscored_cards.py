"""Schema version 3: a card can be "not scored" (emotion None), and a KPI names its kind.

Older files are migrated without losing a score or a row hanging off a card (readings,
comments, actions, RACI, arrows), and both a migrated and a new file pass the open-time checks.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from cxmapper.errors import ValidationError
from cxmapper.model.persistence import schema
from cxmapper.model.persistence.validation import inspect_file
from cxmapper.model.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CHILD_TABLES = ("readings", "comments", "actions", "raci", "connectors")


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CHILD_TABLES}
    finally:
        conn.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_old_file_keeps_its_scores_and_everything_hanging_off_its_cards(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "old.cxmap"
    shutil.copy(FIXTURES / f"workspace-v{version}.cxmap", path)
    before = counts(path)
    assert before == {"readings": 2, "comments": 1, "actions": 1, "raci": 1, "connectors": 1}
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.CURRENT_VERSION
        assert {t.id: t.emotion for t in ws.touchpoints()} == {"t1": 1, "t2": -2}
        assert [k.kind for k in ws.kpis()] == [""]  # an existing KPI is a custom one
    assert counts(path) == before
    assert inspect_file(path) == schema.CURRENT_VERSION  # the migrated file passes the checks


def test_an_existing_neutral_score_stays_neutral(tmp_path: Path) -> None:
    """0 in an old file may have meant "neutral": it stays 0 (documented in schema.py)."""
    path = tmp_path / "old.cxmap"
    shutil.copy(FIXTURES / "workspace-v1.cxmap", path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE touchpoints SET emotion = 0 WHERE id = 't1'")
    conn.commit()
    conn.close()
    with Workspace.open(path) as ws:
        assert ws.get("touchpoint", "t1").emotion == 0


def test_a_new_card_is_not_scored_and_a_score_can_be_cleared(tmp_path: Path) -> None:
    path = tmp_path / "new.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("J")
        s = ws.add_stage(j.id, "S")
        lane = ws.add_lane(j.id, "Web", "channel")
        tp = ws.add_touchpoint(s.id, lane.id, "Home")
        assert tp.emotion is None
        ws.update("touchpoint", tp.id, emotion=-1)
        scored = ws.add_touchpoint(s.id, lane.id, "Cart", emotion=2)
        ws.update("touchpoint", scored.id, emotion=None)
    assert inspect_file(path) == schema.CURRENT_VERSION
    with Workspace.open(path) as ws:
        assert ws.get("touchpoint", tp.id).emotion == -1
        assert ws.get("touchpoint", scored.id).emotion is None


def test_a_score_out_of_range_is_still_refused(file_ws: Workspace, small_journey: dict) -> None:
    with pytest.raises(ValidationError, match="emotion must be a whole number from -2 to 2"):
        file_ws.update("touchpoint", small_journey["home"], emotion=3)


def test_the_v3_fixture_keeps_an_unscored_card_and_a_kpi_kind(tmp_path: Path) -> None:
    path = tmp_path / "v3.cxmap"
    shutil.copy(FIXTURES / "workspace-v3.cxmap", path)
    with Workspace.open(path) as ws:
        assert {t.id: t.emotion for t in ws.touchpoints()} == {"t1": 1, "t2": -2, "t3": None}
        assert {k.id: k.kind for k in ws.kpis()} == {"k1": "", "k2": "nps"}
        assert [r.value for r in ws.readings("t1")] == [3.9, 4.3]
