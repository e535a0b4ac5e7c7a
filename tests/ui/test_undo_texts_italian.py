"""In an Italian app the canvas speaks Italian: the undo texts (Edit ▸ Undo, the history) and
the words drawn on the map (stage counts, lane kinds, new stage and lane names) come from the
catalogues, not from English f-strings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from cxmapper.present import choice_labels as cl
from cxmapper.ui import translations
from cxmapper.ui.commands.undo_text import set_text
from tests.ui.rigs import Canvas


@pytest.fixture
def italian(qapp: QCoreApplication) -> Iterator[None]:
    assert translations.install_language(qapp, "it") == "it"
    yield
    translations.install_language(qapp, "en")


def test_canvas_undo_texts_are_italian(italian: None, canvas: Canvas) -> None:
    c, ids = canvas, canvas.ids
    ed = c.scene.editor
    ed.move_cards([ids["home"], ids["search"]], ids["use"], ids["web"], None)
    assert c.stack.undoText() == "Sposta 2 schede"
    ed.rename("touchpoint", ids["cart"], "Carrello")
    assert c.stack.undoText() == "Rinomina scheda"
    ed.set_emotion(ids["cart"], 1)
    assert c.stack.undoText() == "Cambia emozione"
    new_stage = ed.add_stage()
    assert c.stack.undoText() == "Aggiungi fase"
    assert new_stage is not None and c.ws.get("stage", new_stage).name == "Nuova fase"
    ed.reorder("stage", ids["use"], 0)
    assert c.stack.undoText() == "Sposta fase"


def test_canvas_words_are_italian(italian: None, canvas: Canvas) -> None:
    c, ids = canvas, canvas.ids
    assert c.scene.stage_headers[ids["discover"]].subtitle == "2 punti di contatto"
    assert c.scene.stage_headers[ids["use"]].subtitle == "0 punti di contatto"
    assert c.scene.lane_headers[ids["web"]].subtitle == "Canale"
    # "Pain points" is the kind's English default name: the name is shown once
    assert c.scene.lane_headers[ids["pains"]].subtitle == ""


def test_field_changes_name_the_field_in_italian(italian: None) -> None:
    assert set_text("owner_id", "Carrello") == "Imposta responsabile di Carrello"
    assert set_text("target", "CSAT") == "Imposta obiettivo di CSAT"
    assert cl.choices(cl.ACTION_STATUSES)[1] == ("In corso", "in progress")


def test_english_stays_english(canvas: Canvas) -> None:
    c, ids = canvas, canvas.ids
    c.scene.editor.move_cards([ids["home"]], ids["use"], ids["web"], None)
    assert c.stack.undoText() == "Move card"
    assert c.scene.lane_headers[ids["web"]].subtitle == "Channel"
    assert c.scene.lane_headers[ids["pains"]].subtitle == ""  # named as its kind: shown once
