"""'Done when': a version restored and compared with the version it replaced shows the
expected inverse differences, for links, roles, owners and KPI targets as well as cards (the
card edits are in test_versions.py). An owner given after the version was saved is taken away
again by the restore (it used to stay: None was treated as a party that had left)."""

from __future__ import annotations

from cxmapper.model.versions import find_version, restore_version, save_version
from cxmapper.model.versions_diff import FieldChange, JourneyDiff, compare
from cxmapper.model.workspace import Workspace


def _signature(diff: JourneyDiff) -> list[tuple[str, str, str, tuple[FieldChange, ...]]]:
    return sorted((d.kind, d.change, d.key, d.fields) for d in diff.differences)


def test_restore_shows_the_inverse_of_link_role_owner_and_kpi_edits(
    file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    ws, ids = file_ws, small_journey
    jid = ids["journey"]
    save_version(ws, jid, "As-is")
    buys = ws.connectors(jid)[0]
    ws.remove("connector", buys.id)
    ws.add_connector(ids["search"], ids["slow"], label="gives up")
    ws.assign(ids["cart"], ids["ann"], "R")
    ws.update("touchpoint", ids["cart"], owner_id=ids["ann"])
    ws.update("kpi", ids["csat"], target=4.5)  # read on Home page: part of the journey
    edits = compare(ws, jid, "As-is", "current")
    assert sorted((d.kind, d.change) for d in edits.differences) == [
        ("connector", "added"), ("connector", "removed"), ("kpi", "changed"),
        ("raci", "added"), ("touchpoint", "changed"),
    ]  # fmt: skip
    kept = restore_version(ws, find_version(ws, jid, "As-is").id)
    assert kept is not None
    assert compare(ws, jid, "As-is", "current").differences == []
    inverse = compare(ws, jid, kept.name, "current")
    flip = {"added": "removed", "removed": "added", "changed": "changed"}
    assert _signature(inverse) == sorted(
        (d.kind, flip[d.change], d.key, tuple(FieldChange(f.field, f.new, f.old) for f in d.fields))
        for d in edits.differences
    )
    [kpi] = inverse.select("kpi")
    assert kpi.fields == (FieldChange("target", 4.5, 4.2),)
    [owner] = inverse.select("touchpoint")
    assert owner.fields == (FieldChange("owner", "Ann Owner", None),)
    # the edits compared with the version restored are the same five, forwards
    assert _signature(compare(ws, jid, "As-is", kept.name)) == _signature(edits)
