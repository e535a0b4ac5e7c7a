"""Versions of a journey: save, diff, restore (non-destructive), lineage across copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmapper.errors import ValidationError, WorkspaceError
from cxmapper.model.demo import build_demo
from cxmapper.model.versions import (
    find_version,
    restore_version,
    save_version,
    versions,
)
from cxmapper.model.versions_diff import FieldChange, compare
from cxmapper.model.workspace import Workspace


@pytest.fixture
def demo(tmp_path: Path) -> Workspace:
    ws = Workspace.create(tmp_path / "demo.cxmap")
    build_demo(ws)
    yield ws
    ws.close()


def journey_id(ws: Workspace) -> str:
    return ws.journeys()[0].id


def three_edits(ws: Workspace, jid: str) -> dict[str, str]:
    """Rename one card, move another to another stage, add a third: three known edits."""
    tps = ws.touchpoints(jid)
    stages = ws.stages(jid)
    renamed, moved = tps[0], tps[1]
    ws.update("touchpoint", renamed.id, title="Renamed card")
    target = next(s for s in stages if s.id != moved.stage_id)
    ws.move_touchpoints([moved.id], target.id, moved.lane_id)
    added = ws.add_touchpoint(stages[0].id, tps[0].lane_id, "Brand new card")
    return {"renamed": renamed.id, "moved": moved.id, "added": added.id, "old": renamed.title,
            "from_stage": ws.get("stage", moved.stage_id).name, "to_stage": target.name}  # fmt: skip


def test_three_known_edits_give_exactly_three_differences(demo: Workspace) -> None:
    jid = journey_id(demo)
    save_version(demo, jid, "As-is", live_from="2026-01-01")
    edits = three_edits(demo, jid)
    save_version(demo, jid, "To-be")
    diff = compare(demo, jid, "As-is", "To-be")
    assert [(d.change, d.kind) for d in diff.differences] == [
        ("changed", "touchpoint"), ("moved", "touchpoint"), ("added", "touchpoint"),
    ]  # fmt: skip
    changed, moved, added = diff.differences
    assert (changed.id_before, changed.fields) == (
        edits["renamed"], (FieldChange("title", edits["old"], "Renamed card"),))  # fmt: skip
    assert moved.id_after == edits["moved"]
    assert moved.fields == (FieldChange("stage", edits["from_stage"], edits["to_stage"]),)
    assert (added.id_after, added.label) == (edits["added"], "Brand new card")
    # the same comparison against the live journey, and the JSON form
    assert compare(demo, jid, "As-is", "current").counts() == diff.counts()
    doc = diff.to_json()
    assert doc["counts"] == {"added touchpoint": 1, "changed touchpoint": 1, "moved touchpoint": 1}
    assert doc["differences"][0]["fields"] == [
        {"field": "title", "old": edits["old"], "new": "Renamed card"}
    ]


def test_owner_raci_connector_kpi_and_stage_order_changes(demo: Workspace) -> None:
    jid = journey_id(demo)
    save_version(demo, jid, "v1")
    tp = next(t for t in demo.touchpoints(jid) if demo.raci(t.id))
    other = next(p for p in demo.parties() if p.id != tp.owner_id and p.kind == "person")
    demo.update("touchpoint", tp.id, owner_id=other.id)
    gone = demo.raci(tp.id)[0]
    demo.remove("raci", gone.id)
    conn = demo.connectors(jid)[0]
    demo.remove("connector", conn.id)
    kpi = next(k for k in demo.kpis() if demo.readings(kpi_id=k.id))
    demo.update("kpi", kpi.id, target=(kpi.target or 0) + 1, frequency="monthly")
    last = demo.stages(jid)[-1]
    demo.reorder("stage", last.id, 0)
    diff = compare(demo, jid, "v1", "current")
    assert sorted((d.change, d.kind) for d in diff.differences) == sorted([
        ("changed", "touchpoint"), ("removed", "raci"), ("removed", "connector"),
        ("changed", "kpi"), ("moved", "stage"),
    ])  # fmt: skip
    [owner] = diff.select("touchpoint", "changed")
    assert owner.fields == (
        FieldChange("owner", demo.get("party", tp.owner_id).name if tp.owner_id else None, other.name),
    )  # fmt: skip
    [k] = diff.select("kpi")
    assert {f.field for f in k.fields} == {"target", "frequency"}


def test_restored_version_compared_with_the_replaced_one_shows_the_inverse(
    demo: Workspace,
) -> None:
    jid = journey_id(demo)
    save_version(demo, jid, "As-is")
    edits = three_edits(demo, jid)
    readings_before = len(demo.readings())
    kept = restore_version(demo, find_version(demo, jid, "As-is").id)
    # the replaced state is kept as a version; the current state is the version again
    assert kept.name.startswith("Before restoring As-is")
    assert [v.name for v in versions(demo, jid)] == ["As-is", kept.name]
    assert compare(demo, jid, "As-is", "current").differences == []
    inverse = compare(demo, jid, kept.name, "current")
    assert [(d.change, d.kind, d.id_before or d.id_after) for d in inverse.differences] == [
        ("changed", "touchpoint", edits["renamed"]),
        ("moved", "touchpoint", edits["moved"]),
        ("removed", "touchpoint", edits["added"]),
    ]
    assert inverse.differences[0].fields == (
        FieldChange("title", "Renamed card", edits["old"]),)  # fmt: skip
    assert inverse.differences[1].fields == (
        FieldChange("stage", edits["to_stage"], edits["from_stage"]),)  # fmt: skip
    assert len(demo.readings()) == readings_before  # history of surviving cards untouched
    # and it survives reopening the file
    path = demo.path
    demo.close()
    with Workspace.open(path) as ws:
        assert compare(ws, jid, "As-is", "current").differences == []
        assert len(versions(ws, jid)) == 2


def test_restore_brings_back_removed_cards_stages_and_links(demo: Workspace) -> None:
    jid = journey_id(demo)
    before = demo.touchpoints(jid)
    save_version(demo, jid, "full")
    stage = demo.stages(jid)[1]
    demo.remove("stage", stage.id)  # cascades its cards and their connectors
    assert len(demo.touchpoints(jid)) < len(before)
    restore_version(demo, find_version(demo, jid, "full").id)
    assert [t.id for t in demo.touchpoints(jid)] == [t.id for t in before]
    assert compare(demo, jid, "full", "current").differences == []


def test_duplicate_keeps_lineage_so_a_copy_compares_equal(demo: Workspace) -> None:
    from cxmapper.model.versions import current_state
    from cxmapper.model.versions_diff import diff_states

    jid = journey_id(demo)
    copy = demo.duplicate_journey(jid)
    orig_cards = demo.touchpoints(jid)
    copy_cards = demo.touchpoints(copy.id)
    assert {t.lineage_id for t in copy_cards} == {t.id for t in orig_cards}
    assert not {t.id for t in copy_cards} & {t.id for t in orig_cards}
    demo.update("touchpoint", copy_cards[0].id, emotion=-2 if copy_cards[0].emotion != -2 else 2)
    diff = diff_states(current_state(demo, jid), current_state(demo, copy.id))
    assert [(d.change, d.kind, d.id_before, d.id_after) for d in diff.differences] == [
        ("changed", "touchpoint", copy_cards[0].lineage_id, copy_cards[0].id)
    ]


def test_version_names_and_dates_are_checked(demo: Workspace) -> None:
    jid = journey_id(demo)
    save_version(demo, jid, "A")
    with pytest.raises(ValidationError, match="already has a version named 'A'"):
        save_version(demo, jid, "A")
    with pytest.raises(ValidationError, match="not a date"):
        save_version(demo, jid, "B", live_from="next week")
    with pytest.raises(ValidationError, match="'current'"):
        save_version(demo, jid, "current")
    with pytest.raises(WorkspaceError, match="no version 'Z'"):
        find_version(demo, jid, "Z")
    assert [v.name for v in versions(demo, jid)] == ["A"]


def test_removing_a_journey_takes_its_versions_and_undo_brings_them_back(demo: Workspace) -> None:
    jid = journey_id(demo)
    save_version(demo, jid, "A")
    removal = demo.remove("journey", jid)
    assert demo.count("version") == 0
    demo.restore(removal)
    assert [v.name for v in versions(demo, jid)] == ["A"]


def test_live_periods_run_until_the_next_version_goes_live(demo: Workspace) -> None:
    from cxmapper.model.versions import live_periods

    jid = journey_id(demo)
    a = save_version(demo, jid, "A", live_from="2026-01-01")
    save_version(demo, jid, "Draft")  # never live: no period
    c = save_version(demo, jid, "C", live_from="2026-03-15")
    b = save_version(demo, jid, "B", live_from="2026-02-01")  # saved last, live in between
    assert live_periods(versions(demo, jid)) == {
        a.id: ("2026-01-01", "2026-02-01"),
        b.id: ("2026-02-01", "2026-03-15"),
        c.id: ("2026-03-15", None),
    }


def test_a_restore_undone_leaves_the_journey_and_its_versions_as_before(demo: Workspace) -> None:
    """What an undo command does: restore the kept state without keeping another, drop it."""
    from tests.model.helpers import everything

    jid = journey_id(demo)
    save_version(demo, jid, "As-is")
    three_edits(demo, jid)
    before = everything(demo)
    kept = restore_version(demo, find_version(demo, jid, "As-is").id)
    assert kept is not None
    with demo.batch():
        assert restore_version(demo, kept.id, keep_replaced=False) is None
        demo.remove("version", kept.id)
    assert everything(demo) == before
    assert [v.name for v in versions(demo, jid)] == ["As-is"]


def test_the_bulk_read_of_a_state_gives_the_same_records_as_the_workspace(demo: Workspace) -> None:
    from cxmapper.model.versions import current_state

    jid = journey_id(demo)
    tp = demo.touchpoints(jid)[0]
    demo.update("touchpoint", tp.id, tags=["a", "b"], is_goal=True, match_events=["x"])
    state = current_state(demo, jid)
    assert state.touchpoints == demo.touchpoints(jid)
    assert state.connectors == demo.connectors(jid)
