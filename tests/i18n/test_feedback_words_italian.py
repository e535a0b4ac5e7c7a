"""`--lang it`: the feedback package's own words are Italian too, not only the command's frame.

Topic names of the starter lists, the report's notes, the measure of a before/after verdict and
what the survey import masked used to print as English keys or sentences in an Italian run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxmapper.cli import main
from cxmapper.present import language
from cxmapper.present.topic_labels import TOPICS, topic_label

JOURNEY = "Acquisto online"
KEYS = re.compile(
    r"\b(delivery|payment|price|returns|waiting|staff|usability|communication|"
    r"dropoff|assisted_contacts|time_to_next|conversion|detractors|phone|iban|"
    r"responses are about|no event dataset|no survey responses)\b"
)


pytestmark = pytest.mark.usefixtures("no_locale_env")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--lang", "it", *args]) == 0
    return capsys.readouterr().out


def test_feedback_words_are_italian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.cxmap"
    assert main(["--lang", "it", "demo", str(path)]) == 0
    log, survey = path.with_name("demo-events.csv"), path.with_name("demo-survey.csv")
    capsys.readouterr()
    _run(capsys, "import", str(path), str(log), "--journey", JOURNEY)
    imported = _run(capsys, "import-survey", str(path), str(survey), "--journey", JOURNEY)
    assert re.search(r"\d+ e-mail", imported) and re.search(r"\d+ n\. telefono", imported)
    out = _run(capsys, "feedback", str(path), "--journey", JOURNEY)
    assert "consegna" in out and "pagamento" in out  # the demo's most said topics
    assert "risposte riguardano casi di altri percorsi" in out  # a note of the report
    assert sorted({m.group(0) for m in KEYS.finditer(imported + out)}) == []


def test_every_starter_topic_has_its_own_italian_word() -> None:
    with language.in_language("it"):
        words = {key: topic_label(key) for key in TOPICS}
    assert all(word != key for key, word in words.items()), words
    assert len(set(words.values())) == len(words)
    assert topic_label("my own topic") == "my own topic"  # a user's topic, as they named it
