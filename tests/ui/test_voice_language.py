"""The Voice tab speaks the app's language: the demo's survey holds English and Italian answers,
and the English demo's Voice tab showed its newest answers, half of them Italian. With a
language column, the verbatims (and each topic's examples) in the app's language come first;
the Italian demo, every comment in Italian, shows Italian ones."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cxmapper.cli import main
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.present.language import in_language
from cxmapper.ui import voice_cache
from cxmapper.ui.inspector import InspectorContext, InspectorPanel
from cxmapper.ui.inspector.touchpoint_voice import TouchpointVoice
from cxmapper.ui.undo_stack import GuardedUndoStack

Said = tuple[set[str], set[str]]


@pytest.fixture(params=["en", "it"])
def demo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Path, Said]]:
    """(language, workspace, the survey's comments in that language and in the others)."""
    lang = str(request.param)
    path = tmp_path / "demo.cxmap"
    events = write_demo(path, lang=lang)
    survey = events.parent / "demo-survey.csv"
    with survey.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    mine = {r["comment"].strip() for r in rows if r["comment"].strip() and r["lang"] == lang}
    others = {r["comment"].strip() for r in rows if r["comment"].strip() and r["lang"] != lang}
    with Workspace.open(path) as ws:
        journey = ws.journeys()[0].name
    assert main(["import-survey", str(path), str(survey), "--journey", journey]) == 0
    voice_cache.forget()
    with in_language(lang):
        yield lang, path, (mine, others)
    voice_cache.forget()


def test_the_voice_tab_shows_verbatims_in_the_apps_language(
    qtbot: QtBot, demo: tuple[str, Path, Said]
) -> None:
    lang, path, (mine, others) = demo
    assert mine  # the demo's survey has answers in this language
    ws = Workspace.open(path)
    panel = InspectorPanel()
    qtbot.addWidget(panel)
    panel.resize(460, 800)
    panel.show()
    panel.set_context(InspectorContext(ws, GuardedUndoStack(), lambda _: None))
    try:
        journey = ws.journeys()[0].id
        voices = voice_cache.journey_voices(ws, journey)
        card = max(voices, key=lambda i: voices[i].n_verbatims)  # the gallery's card
        panel.show_entity("touchpoint", card)
        voice = panel.touchpoint_page.show_tab("voice")
        assert isinstance(voice, TouchpointVoice)
        shown = [voice.list.item(i).text() for i in range(voice.list.count())]
        assert len(shown) == 20 < voices[card].n_verbatims
        for text in shown:
            head, said = text.split("\n", 1)
            assert head.endswith(f" · {lang}"), text
            assert said in mine, said
        days = [text.split(" · ")[0] for text in shown]
        assert days == sorted(days, reverse=True)  # newest first within the language
        topics = voice_cache.journey_voice(ws, journey)
        assert topics is not None
        examples = [x for t in topics.topics(card) for x in t.examples]
        assert examples and not [x for x in examples if x in others], examples
        assert sum(x in mine for x in examples) >= len(examples) / 2  # a few are masked
    finally:
        panel.set_context(None)
        ws.close()
