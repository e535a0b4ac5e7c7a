"""Another process's commits reach subscribers as the specific changes read from the change
log, not as a blanket `reloaded`; `reloaded` remains when the log cannot say."""

from __future__ import annotations

import shutil
from pathlib import Path

from cxmapper.model.changes import Change
from cxmapper.model.workspace import Workspace


def watch(ws: Workspace) -> list[Change]:
    seen: list[Change] = []
    ws.subscribe(seen.append)
    return seen


def test_edits_elsewhere_arrive_as_specific_changes(
    file_ws: Workspace, small_journey: dict
) -> None:
    ids = small_journey
    seen = watch(file_ws)
    with Workspace.open(file_ws.path) as other:
        other.update("touchpoint", ids["home"], title="Renamed elsewhere")
        card = other.add_touchpoint(ids["use"], ids["web"], "Added elsewhere", index=0)
        other.remove("connector", other.connectors()[0].id)
    assert file_ws.poll_external_changes() is True
    j = ids["journey"]
    connector_changes = [c for c in seen if c.kind == "connector"]
    assert [c for c in seen if c.kind == "touchpoint"] == [
        Change("changed", "touchpoint", ids["home"], j, ("title",)),
        Change("added", "touchpoint", card.id, j),
    ]
    assert [c.action for c in connector_changes] == ["removed"]
    assert file_ws.poll_external_changes() is False  # reported once
    # our own edits are not reported back to us as external ones
    file_ws.update("touchpoint", ids["home"], emotion=1)
    seen.clear()
    with Workspace.open(file_ws.path) as other:
        other.update("touchpoint", ids["search"], emotion=2)
    assert file_ws.poll_external_changes() is True
    assert seen == [Change("changed", "touchpoint", ids["search"], j, ("emotion",))]


def test_something_added_and_removed_again_elsewhere_is_not_announced(
    file_ws: Workspace, small_journey: dict
) -> None:
    seen = watch(file_ws)
    with Workspace.open(file_ws.path) as other:
        card = other.add_touchpoint(small_journey["use"], small_journey["web"], "Brief")
        other.update("touchpoint", card.id, title="Briefer")
        other.remove("touchpoint", card.id)
        other.update("touchpoint", small_journey["cart"], title="Basket")
    assert file_ws.poll_external_changes() is True
    assert [(c.action, c.id) for c in seen] == [("changed", small_journey["cart"])]


def test_a_summarised_import_or_a_replaced_file_means_reload(
    file_ws: Workspace, small_journey: dict, tmp_path: Path
) -> None:
    seen = watch(file_ws)
    with Workspace.open(file_ws.path) as other:
        other.add_dataset("log", b"x", n_events=1, n_cases=1)  # one summary entry
    assert file_ws.poll_external_changes() is True
    assert seen == [Change("reloaded")]
    # a different file moved into place while released: its log means nothing to us
    copy = tmp_path / "copy.cxmap"
    file_ws.save_as(copy)
    with Workspace.open(copy) as other:
        other.update("touchpoint", small_journey["home"], title="In the copy")
    seen.clear()
    assert file_ws._store.suspend()
    shutil.move(copy, file_ws.path)
    for side in ("-wal", "-shm"):
        Path(f"{file_ws.path}{side}").unlink(missing_ok=True)
    file_ws._store.resume()
    assert file_ws.poll_external_changes() is True
    assert seen == [Change("reloaded")]
    assert file_ws.get("touchpoint", small_journey["home"]).title == "In the copy"
