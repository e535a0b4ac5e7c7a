"""An owner can be created where it is picked ("New person…"), as one undo step."""

from __future__ import annotations

import pytest

from cxmapper.ui.dialogs import messages
from cxmapper.ui.inspector.widgets import NEW_PERSON
from tests.ui.rigs import Rig


def pick_new_person(combo, monkeypatch: pytest.MonkeyPatch, name: str | None) -> None:
    monkeypatch.setattr(messages, "ask_text", lambda *a, **k: name)
    index = combo.findText(NEW_PERSON)
    assert index == combo.count() - 1
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_new_owner_from_the_card_details(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["search"])
    d = rig.tp.show_tab("details")
    pick_new_person(d.owner, monkeypatch, "Nora New")
    rig.flush()
    nora = next(p for p in rig.ws.parties() if p.name == "Nora New")
    assert rig.ws.get("touchpoint", rig.ids["search"]).owner_id == nora.id
    assert d.owner.currentText() == "Nora New"
    assert rig.stack.count() == 2  # the new person, then the owner change
    rig.stack.undo()
    rig.stack.undo()
    assert all(p.name != "Nora New" for p in rig.ws.parties())
    with rig.reopen() as ws:
        assert ws.get("touchpoint", rig.ids["search"]).owner_id is None


def test_cancelling_the_name_changes_nothing(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    d = rig.tp.show_tab("details")
    before = d.owner.value()
    pick_new_person(d.owner, monkeypatch, None)
    rig.flush()
    assert d.owner.value() == before == rig.ids["ann"]
    assert rig.stack.count() == 0


def test_new_person_as_raci_party(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    rig.panel.show_entity("touchpoint", rig.ids["cart"])
    r = rig.tp.show_tab("raci")
    pick_new_person(r.party, monkeypatch, "Rita Raci")
    rita = next(p for p in rig.ws.parties() if p.name == "Rita Raci")
    assert r.party.value() == rita.id
    r.add_button.click()
    rig.flush()
    assert any(x.party_id == rita.id for x in rig.ws.raci(rig.ids["cart"]))
