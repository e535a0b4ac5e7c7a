"""Every model operation, checked by reopening the file; removals undone exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmapper.errors import ValidationError, WorkspaceError
from cxmapper.model.changes import Change
from cxmapper.model.workspace import Workspace
from tests.model.helpers import cell_titles, everything


def reopen(ws: Workspace) -> Workspace:
    path = ws.path
    ws.close()
    return Workspace.open(path)


def test_added_entities_are_in_the_file_after_reopening(
    file_ws: Workspace, small_journey: dict
) -> None:
    ids = small_journey
    file_ws.add_comment(ids["home"], "Daniel", "Too slow", created_at="2026-02-01T10:00:00+00:00")
    file_ws.add_action(
        ids["home"], "Speed up", owner_id=ids["ann"], impact=5, effort=2, due_date="2026-09-01"
    )
    persona = file_ws.add_persona("Parent", description="Busy")
    ws = reopen(file_ws)
    try:
        j = ws.get("journey", ids["journey"])
        assert j.name == "Online purchase" and j.state == "current"
        assert [s.name for s in ws.stages(j.id)] == ["Discover", "Buy", "Use"]
        assert [(ln.name, ln.kind) for ln in ws.lanes(j.id)] == [
            ("Web", "channel"),
            ("Pain points", "pain points"),
        ]
        assert cell_titles(ws, ids["discover"], ids["web"]) == ["Home page", "Search"]
        home = ws.get("touchpoint", ids["home"])
        assert (home.owner_id, home.channel, home.position) == (ids["ann"], "web", 0)
        assert ws.get("touchpoint", ids["cart"]).is_goal is True
        assert ws.get("touchpoint", ids["search"]).emotion == -1
        [conn] = ws.connectors(j.id)
        assert (conn.source_id, conn.target_id, conn.label) == (ids["home"], ids["cart"], "buys")
        [reading] = ws.readings(ids["home"])
        assert (reading.kpi_id, reading.value) == (ids["csat"], 3.9)
        assert [(r.party_id, r.role) for r in ws.raci(ids["home"])] == [(ids["ann"], "A")]
        [comment] = ws.comments(ids["home"])
        assert (comment.author, comment.text, comment.resolved) == ("Daniel", "Too slow", False)
        [action] = ws.actions(ids["home"])
        assert (action.impact, action.effort, action.priority, action.due_date) == (
            5,
            2,
            2.5,
            "2026-09-01",
        )
        assert ws.get("persona", persona.id).description == "Busy"
        assert ws.get("party", ids["ann"]).email == "ann@example.com"
    finally:
        ws.close()


@pytest.mark.parametrize(
    ("kind", "key", "values"),
    [
        ("journey", "journey", {"name": "Renamed", "state": "future", "description": "d"}),
        ("stage", "buy", {"name": "Checkout", "width": 300.0, "description": "pay"}),
        ("lane", "web", {"name": "Website", "kind": "actions", "height": 200.0}),
        (
            "touchpoint",
            "home",
            {
                "title": "Start",
                "emotion": 2,
                "tags": ["a", "b"],
                "is_goal": True,
                "match_events": ["home_view"],
                "match_patterns": ["home_*"],
                "component": "brand",
                "description": "x",
                "owner_id": None,
            },
        ),
        ("party", "ann", {"name": "Ann B", "role": "Lead", "email": "b@example.com"}),
        ("kpi", "csat", {"target": 4.5, "direction": "lower", "tolerance": 0.2, "unit": "pts"}),
    ],
)
def test_update_is_saved_and_returns_old_values(
    file_ws: Workspace, small_journey: dict, kind: str, key: str, values: dict
) -> None:
    entity_id = small_journey[key]
    before = file_ws.get(kind, entity_id)
    old = file_ws.update(kind, entity_id, **values)
    assert old == {k: getattr(before, k) for k in values if getattr(before, k) != values[k]}
    ws = reopen(file_ws)
    try:
        after = ws.get(kind, entity_id)
        for field, value in values.items():
            assert getattr(after, field) == value
        ws.update(kind, entity_id, **old)  # undo
        assert ws.get(kind, entity_id) == before
    finally:
        ws.close()


def test_update_rejects_bad_values_and_changes_nothing(
    file_ws: Workspace, small_journey: dict
) -> None:
    before = everything(file_ws)
    with pytest.raises(ValidationError, match="emotion"):
        file_ws.update("touchpoint", small_journey["home"], emotion=3)
    with pytest.raises(ValidationError, match="kind"):
        file_ws.update("lane", small_journey["web"], kind="nonsense")
    with pytest.raises(ValidationError, match="title"):
        file_ws.update("touchpoint", small_journey["home"], title="  ")
    with pytest.raises(ValidationError, match="no editable field"):
        file_ws.update("touchpoint", small_journey["home"], colour="red")
    with pytest.raises(ValidationError, match="role"):
        file_ws.assign(small_journey["home"], small_journey["ann"], "X")
    assert everything(file_ws) == before


@pytest.mark.parametrize(
    ("kind", "key", "gone"),
    [
        ("touchpoint", "home", {"touchpoint": 1, "connector": 1, "reading": 1, "raci": 1}),
        (
            "stage",
            "discover",
            {"stage": 1, "touchpoint": 2, "connector": 1, "reading": 1, "raci": 1},
        ),
        ("lane", "web", {"lane": 1, "touchpoint": 3, "connector": 1, "reading": 1, "raci": 1}),
        (
            "journey",
            "journey",
            {"journey": 1, "stage": 3, "lane": 2, "touchpoint": 4, "connector": 1},
        ),
        ("party", "ann", {"party": 1, "raci": 1}),
        ("kpi", "csat", {"kpi": 1, "reading": 1}),
        ("connector", None, {"connector": 1}),
    ],
)
def test_remove_cascades_and_restore_brings_back_exactly(
    file_ws: Workspace, small_journey: dict, kind: str, key: str | None, gone: dict
) -> None:
    ws = file_ws
    ws.add_comment(small_journey["home"], "Ann", "note")
    before = everything(ws)
    entity_id = small_journey[key] if key else ws.connectors()[0].id
    removal = ws.remove(kind, entity_id)
    for k, n in gone.items():
        assert removal.count(k) == n, k
    assert ws.find(kind, entity_id) is None
    ws = reopen(ws)
    try:
        assert ws.find(kind, entity_id) is None
        ws.restore(removal)
        assert everything(ws) == before
    finally:
        ws.close()
    ws = Workspace.open(file_ws.path)
    try:
        assert everything(ws) == before  # the restore was committed too
    finally:
        ws.close()


def test_removing_an_owner_unlinks_and_undo_relinks(
    file_ws: Workspace, small_journey: dict
) -> None:
    ws = file_ws
    kpi_owned = ws.add_kpi("NPS", owner_id=small_journey["ann"])
    before = everything(ws)
    removal = ws.remove("party", small_journey["ann"])
    assert ws.get("touchpoint", small_journey["home"]).owner_id is None
    assert ws.get("kpi", kpi_owned.id).owner_id is None
    ws.restore(removal)
    assert everything(ws) == before


def test_insert_at_index_and_reorder(file_ws: Workspace, small_journey: dict) -> None:
    ws = file_ws
    j = small_journey["journey"]
    first = ws.add_stage(j, "Aware", index=0)
    assert [s.name for s in ws.stages(j)] == ["Aware", "Discover", "Buy", "Use"]
    old = ws.reorder("stage", first.id, 3)
    assert old == 0
    assert [s.name for s in ws.stages(j)] == ["Discover", "Buy", "Use", "Aware"]
    ws.reorder("stage", first.id, old)
    ws = reopen(ws)
    try:
        assert [s.name for s in ws.stages(j)] == ["Aware", "Discover", "Buy", "Use"]
        lane = ws.lanes(j)[1]
        ws.reorder("lane", lane.id, 0)
        assert [ln.name for ln in ws.lanes(j)] == ["Pain points", "Web"]
    finally:
        ws.close()


def test_move_cards_between_cells_and_back(file_ws: Workspace, small_journey: dict) -> None:
    ws, ids = file_ws, small_journey
    before = everything(ws)
    previous = ws.move_touchpoints([ids["search"], ids["home"]], ids["buy"], ids["web"], 0)
    assert cell_titles(ws, ids["buy"], ids["web"]) == ["Search", "Home page", "Cart"]
    assert cell_titles(ws, ids["discover"], ids["web"]) == []
    ws = reopen(ws)
    try:
        assert cell_titles(ws, ids["buy"], ids["web"]) == ["Search", "Home page", "Cart"]
        ws.set_placements(previous)
        assert everything(ws) == before
    finally:
        ws.close()


def test_move_within_a_cell_reorders(file_ws: Workspace, small_journey: dict) -> None:
    ids = small_journey
    file_ws.move_touchpoints([ids["home"]], ids["discover"], ids["web"], 2)
    assert cell_titles(file_ws, ids["discover"], ids["web"]) == ["Search", "Home page"]


def test_move_to_another_journey_is_refused(file_ws: Workspace, small_journey: dict) -> None:
    other = file_ws.add_journey("Other")
    s = file_ws.add_stage(other.id, "S")
    ln = file_ws.add_lane(other.id, "L")
    with pytest.raises(ValidationError):
        file_ws.move_touchpoints([small_journey["home"]], s.id, ln.id)


def test_readings_keep_history(file_ws: Workspace, small_journey: dict) -> None:
    ids = small_journey
    file_ws.add_reading(ids["home"], ids["csat"], 4.4, measured_at="2026-03-01T00:00:00+00:00")
    file_ws.add_reading(ids["home"], ids["csat"], 4.1, measured_at="2026-02-01T00:00:00+00:00")
    values = [r.value for r in file_ws.readings(ids["home"], ids["csat"])]
    assert values == [3.9, 4.1, 4.4]  # ordered by date; nothing overwritten


def test_duplicate_journey_copies_everything_with_new_ids(
    file_ws: Workspace, small_journey: dict
) -> None:
    ws, ids = file_ws, small_journey
    copy = ws.duplicate_journey(ids["journey"])
    assert [j.name for j in ws.journeys()] == ["Online purchase", "Online purchase (copy)"]
    src_tps, dup_tps = ws.touchpoints(ids["journey"]), ws.touchpoints(copy.id)
    assert [t.title for t in dup_tps] == [t.title for t in src_tps]
    assert not {t.id for t in dup_tps} & {t.id for t in src_tps}
    [conn] = ws.connectors(copy.id)
    titles = {t.id: t.title for t in dup_tps}
    assert (titles[conn.source_id], titles[conn.target_id]) == ("Home page", "Cart")
    dup_home = next(t for t in dup_tps if t.title == "Home page")
    assert [r.value for r in ws.readings(dup_home.id)] == [3.9]
    assert [r.role for r in ws.raci(dup_home.id)] == ["A"]
    removal = ws.remove("journey", copy.id)
    assert removal.count("touchpoint") == 4


def test_changes_are_announced_after_commit(file_ws: Workspace, small_journey: dict) -> None:
    seen: list[Change] = []
    unsubscribe = file_ws.subscribe(seen.append)
    tp = file_ws.add_touchpoint(small_journey["use"], small_journey["web"], "Review")
    file_ws.update("touchpoint", tp.id, title="Rate us")
    file_ws.remove("touchpoint", small_journey["home"])
    unsubscribe()
    file_ws.update("touchpoint", tp.id, title="ignored")
    actions = [(c.action, c.kind) for c in seen]
    assert actions[:2] == [("added", "touchpoint"), ("changed", "touchpoint")]
    assert seen[1].fields == ("title",) and seen[1].journey_id == small_journey["journey"]
    removed = {c.kind for c in seen[2:] if c.action == "removed"}
    assert removed == {"touchpoint", "connector", "reading", "raci"}
    assert len(seen) == 6
    assert file_ws.listener_count == 0


def test_a_failed_batch_leaves_the_file_unchanged(file_ws: Workspace, small_journey: dict) -> None:
    before = everything(file_ws)
    with pytest.raises(ValidationError), file_ws.batch():
        file_ws.update("touchpoint", small_journey["home"], title="half")
        file_ws.add_stage(small_journey["journey"], "New")
        file_ws.update("touchpoint", small_journey["home"], emotion=9)
    assert everything(file_ws) == before


def test_save_as_writes_a_consistent_copy(
    file_ws: Workspace, small_journey: dict, tmp_path: Path
) -> None:
    target = tmp_path / "copy.cxmap"
    file_ws.save_as(target)
    with Workspace.open(target) as copy:
        assert everything(copy) == everything(file_ws)
    with pytest.raises(WorkspaceError, match="itself"):
        file_ws.save_as(file_ws.path)


def test_find_journey_by_name_prefix_and_errors(file_ws: Workspace, small_journey: dict) -> None:
    assert file_ws.find_journey("online").id == small_journey["journey"]
    with pytest.raises(WorkspaceError, match="Online purchase"):
        file_ws.find_journey("nothing")


def test_datasets_are_stored_in_chunks_and_restored(
    file_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxmapper.model.persistence import store

    monkeypatch.setattr(store, "CHUNK_BYTES", 1000)
    payload = bytes(range(256)) * 20
    ds = file_ws.add_dataset(
        "log", payload, n_events=10, n_cases=2, columns=["a"], options={"x": 1}
    )
    assert file_ws.dataset_payload(ds.id) == payload
    removal = file_ws.remove("dataset", ds.id)
    assert file_ws.dataset_payload(ds.id) == b""
    file_ws.restore(removal)
    ws = reopen(file_ws)
    try:
        assert ws.dataset_payload(ds.id) == payload
        assert ws.datasets()[0].options == {"x": 1}
    finally:
        ws.close()


def test_inserting_at_an_index_announces_the_siblings_it_moves(
    file_ws: Workspace, small_journey: dict
) -> None:
    seen: list[Change] = []
    file_ws.subscribe(seen.append)
    stage = file_ws.add_stage(small_journey["journey"], "Aware", index=1)
    moved = {c.id for c in seen if c.action == "changed" and c.fields == ("position",)}
    assert moved == {small_journey["buy"], small_journey["use"]}
    assert [c.action for c in seen if c.id == stage.id] == ["added"]
