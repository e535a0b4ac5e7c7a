"""The change log: every committed operation, in order, with who and old -> new."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cxmapper.errors import ValidationError
from cxmapper.model.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    w = Workspace.create(tmp_path / "log.cxmap")
    w.author = "Ann"
    yield w
    w.close()


def entries(ws: Workspace, **filters: object) -> list[tuple[str, str, str]]:
    return [(x.action, x.kind, x.entity_id) for x in ws.change_log(**filters)]


def test_scripted_edits_with_undo_and_redo_are_logged_in_order(ws: Workspace) -> None:
    """Undo and redo call the model the way ui/commands.py does (update with the old values,
    restore of a removal, set_placements with the previous placements)."""
    j = ws.add_journey("J", id="j")
    s1 = ws.add_stage(j.id, "S1", id="s1")
    s2 = ws.add_stage(j.id, "S2", id="s2")
    ln = ws.add_lane(j.id, "L", "channel", id="l")
    card = ws.add_touchpoint(s1.id, ln.id, "Card", id="t")
    start = ws.change_log()[-1].seq
    old = ws.update("touchpoint", card.id, title="Renamed")  # edit
    ws.update("touchpoint", card.id, **old)  # undo
    ws.update("touchpoint", card.id, title="Renamed")  # redo
    before = ws.move_touchpoints([card.id], s2.id, ln.id)  # move
    ws.set_placements(before)  # undo the move
    removal = ws.remove("touchpoint", card.id)  # delete
    ws.restore(removal)  # undo the delete
    log = ws.change_log(after_seq=start)
    assert [(x.action, x.kind, x.entity_id, x.fields) for x in log] == [
        ("changed", "touchpoint", "t", {"title": ["Card", "Renamed"]}),
        ("changed", "touchpoint", "t", {"title": ["Renamed", "Card"]}),
        ("changed", "touchpoint", "t", {"title": ["Card", "Renamed"]}),
        ("changed", "touchpoint", "t", {"stage_id": ["s1", "s2"], "lane_id": ["l", "l"],
                                        "position": [0, 0]}),
        ("changed", "touchpoint", "t", {"stage_id": ["s2", "s1"], "lane_id": ["l", "l"],
                                        "position": [0, 0]}),
        ("removed", "touchpoint", "t", {}),
        ("added", "touchpoint", "t", {}),
    ]  # fmt: skip
    assert all(x.author == "Ann" and x.journey_id == "j" for x in log)
    assert len({x.operation for x in log}) == len(log)  # seven commits, seven operations
    assert log[-1].details["title"] == "Renamed"  # the record a removal / addition was about
    assert [x.seq for x in log] == sorted(x.seq for x in log)


def test_the_whole_history_from_the_first_addition(ws: Workspace) -> None:
    j = ws.add_journey("J", id="j")
    ws.add_stage(j.id, "S", id="s")
    ws.add_lane(j.id, "L", id="l")
    ws.add_touchpoint("s", "l", "Card", id="t")
    assert entries(ws) == [
        ("added", "journey", "j"), ("added", "stage", "s"), ("added", "lane", "l"),
        ("added", "touchpoint", "t"),
    ]  # fmt: skip
    assert entries(ws, entity_id="t") == [("added", "touchpoint", "t")]
    assert entries(ws, journey_id="nope") == []


def test_a_batch_is_one_operation_and_a_failed_one_leaves_nothing(ws: Workspace) -> None:
    j = ws.add_journey("J")
    with ws.batch():
        ws.add_stage(j.id, "A")
        ws.add_stage(j.id, "B")
    *_, a, b = ws.change_log()
    assert a.operation == b.operation == a.seq and b.seq == a.seq + 1
    n = len(ws.change_log())
    with pytest.raises(ValidationError), ws.batch():
        ws.add_stage(j.id, "C")
        ws.add_stage(j.id, "")  # refused: the whole batch rolls back, its entries too
    assert len(ws.change_log()) == n


def test_imports_are_one_summarised_entry(ws: Workspace, tmp_path: Path) -> None:
    from cxmapper.io.json_format import export_json, import_json
    from cxmapper.model.demo import build_demo

    source = Workspace.create(tmp_path / "src.cxmap")
    build_demo(source)
    export_json(source, [source.journeys()[0].id], tmp_path / "j.json")
    source.close()
    import_json(ws, tmp_path / "j.json")
    ws.add_dataset("web log", b"x", n_events=10, n_cases=2)
    log = ws.change_log()
    assert [(x.action, x.kind) for x in log] == [("summary", "operation")] * 2
    assert log[0].summary.startswith("Imported JSON: 'Online purchase'")
    assert log[0].details["counts"]["added touchpoint"] == len(ws.touchpoints())
    assert log[1].label == "Imported dataset 'web log': 10 events, 2 cases"


def test_the_log_survives_save_as_and_reopening(ws: Workspace, tmp_path: Path) -> None:
    ws.add_journey("J")
    ws.author = "Bob"
    ws.update("journey", ws.journeys()[0].id, name="K")
    copy = tmp_path / "copy.cxmap"
    ws.save_as(copy)
    with Workspace.open(copy) as other:
        assert [(x.author, x.action) for x in other.change_log()] == [
            ("Ann", "added"),
            ("Bob", "changed"),
        ]
        assert other.change_log(author="Bob")[0].fields == {"name": ["J", "K"]}
        assert other.change_log(since="2999-01-01") == []
        assert len(other.change_log(since="2000-01-01", until="2999-01-01")) == 2
        assert other.change_log(until="2000-01-01") == []


def test_only_the_persistence_layer_writes_the_log(ws: Workspace) -> None:
    """The log is a plain table: a reader without cxmapper sees the same entries."""
    ws.add_journey("J", id="j")
    conn = sqlite3.connect(ws.path)
    try:
        rows = conn.execute("SELECT action, kind, entity_id, author FROM change_log").fetchall()
    finally:
        conn.close()
    assert rows == [("added", "journey", "j", "Ann")]


def test_shifted_siblings_share_one_entry_that_still_names_them(ws: Workspace) -> None:
    """Inserting at the top of a stack shifts every card below: one entry, not one per card
    (this keeps a committed edit on a big journey cheap)."""
    j = ws.add_journey("J", id="j")
    ws.add_stage(j.id, "S", id="s")
    ws.add_lane(j.id, "L", id="l")
    ws.add_touchpoint("s", "l", "A", id="a")
    ws.add_touchpoint("s", "l", "B", id="b")
    start = ws.change_log()[-1].seq
    ws.add_touchpoint("s", "l", "Top", index=0, id="top")
    shifted, added = ws.change_log(after_seq=start)  # room is made, then the card added
    assert (added.action, added.entity_id) == ("added", "top")
    assert (shifted.action, shifted.kind, shifted.entity_id) == ("changed", "touchpoint", "")
    assert shifted.shifted == {"a": None, "b": None}
    assert [(c.action, c.id, c.fields) for c in shifted.to_changes()] == [
        ("changed", "a", ("position",)),
        ("changed", "b", ("position",)),
    ]
    assert added.operation == shifted.operation


def test_a_file_not_migrated_yet_has_an_empty_log(tmp_path: Path) -> None:
    """A store on a version-2 file that was not migrated (what a read-only open sees) must not
    fail for want of the change_log table."""
    import shutil

    from cxmapper.model.persistence.store import Store

    path = tmp_path / "v2.cxmap"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "workspace-v2.cxmap", path)
    ws = Workspace(Store(sqlite3.connect(path, isolation_level=None), str(path)))
    try:
        assert ws.schema_version() == 2
        assert [t.title for t in ws.touchpoints()] == ["Home page", "Checkout"]
    finally:
        ws.close()


def test_an_operation_that_changes_nothing_leaves_no_entry(ws: Workspace) -> None:
    ws.add_journey("J")
    n = len(ws.change_log())
    with ws.logged_as("Imported Excel workbook: 0 change(s)", summarise=True):
        pass
    ws.update("journey", ws.journeys()[0].id, name="J")  # the same value: no change
    assert len(ws.change_log()) == n
