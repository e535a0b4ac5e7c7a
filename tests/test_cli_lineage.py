"""`cxmapper versions --cards`: how many cards each version holds and how many are new in it,
and for each card now its lineage id, the version it was first saved in, and the journey it
was copied from (the same card recognised across versions and a duplicated journey)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxmapper.cli import main
from cxmapper.model.lineage import journey_lineage
from cxmapper.model.versions import restore_version, save_version
from cxmapper.model.workspace import Workspace


def out_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_versions_and_cards_show_lineage(
    file_ws: Workspace, small_journey: dict[str, str], ws_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    ws, ids = file_ws, small_journey
    save_version(ws, ids["journey"], "As-is")  # the fixture's 4 cards
    late = ws.add_touchpoint(ids["use"], ids["web"], "Reorder")
    save_version(ws, ids["journey"], "To-be")
    drawn_now = ws.add_touchpoint(ids["use"], ids["pains"], "Late parcel")
    copy = ws.duplicate_journey(ids["journey"], "Copy")
    ws.close()
    doc = json.loads(out_of(capsys, "versions", str(ws_path), "--journey", "Online", "--cards",
                            "--json", "-"))  # fmt: skip
    assert [(v["name"], v["cards"], v["new_cards"]) for v in doc["versions"]] == [
        ("As-is", 4, 4), ("To-be", 5, 1)]  # fmt: skip
    cards = {c["title"]: c for c in doc["cards"]}
    assert cards["Home page"]["lineage_id"] == ids["home"]
    assert cards["Home page"]["first_version"] == "As-is"
    assert cards["Reorder"]["first_version"] == "To-be" and cards["Reorder"]["id"] == late.id
    assert cards["Late parcel"]["first_version"] is None
    assert all(c["copied_from"] is None for c in doc["cards"])
    copied = json.loads(out_of(capsys, "versions", str(ws_path), "--journey", copy.id,
                               "--cards", "--json", "-"))  # fmt: skip
    assert copied["versions"] == []
    home = next(c for c in copied["cards"] if c["title"] == "Home page")
    assert home["id"] != ids["home"] and home["lineage_id"] == ids["home"]
    assert home["copied_from"] == "Online purchase"
    parcel = next(c for c in copied["cards"] if c["title"] == "Late parcel")
    assert parcel["lineage_id"] == drawn_now.id
    text = out_of(capsys, "versions", str(ws_path), "--journey", "Online", "--cards")
    assert "As-is  (saved " in text and "; 4 cards, 4 new)" in text
    assert f"  Reorder  {late.id}  To-be" in text
    assert f"  Late parcel  {drawn_now.id}  not in a version yet" in text


def test_a_restored_card_keeps_its_lineage(
    file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    ws, ids = file_ws, small_journey
    v = save_version(ws, ids["journey"], "As-is")
    ws.remove("touchpoint", ids["cart"])
    restore_version(ws, v.id)
    found = {c.title: c for c in journey_lineage(ws, ids["journey"]).cards}
    assert found["Cart"].lineage_id == ids["cart"] and found["Cart"].first_version == "As-is"
