"""`--lang it` on the CLI: `info`, `import`, `import-survey` and `feedback` print Italian.

The words checked are the commands' own; names the user gave, survey topics (keys of the topic
lists) and the feedback package's notes are data, printed as they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxmapper.cli import main
from cxmapper.present import language

ENGLISH = re.compile(
    r"\b(Workspace|Journey|stages|lanes|touchpoints?|connectors|readings|comments|"
    r"open actions|owners|warning|governance health|People|Datasets|events|cases|imported|"
    r"responses|linked|interval|top topics|fewer|drivers|went through|repeated|waited|"
    r"done actions|improved|detectable|not linked|masked|goals|persona \w+ \w+ of)\b"
)
JOURNEY = "Acquisto online"


# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = [
    pytest.mark.usefixtures("no_locale_env"),
    pytest.mark.xdist_group("i18n/test_cli_italian_output"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.cxmap"
    assert main(["--lang", "it", "demo", str(path)]) == 0
    language.use_language("en")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["--lang", "it", *args]) == 0
    return capsys.readouterr().out


def _english_words(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if not line.startswith("nota: ")]
    return sorted({m.group(0) for line in lines for m in ENGLISH.finditer(line)})


def test_import_info_and_feedback_print_italian(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    log, survey = demo.with_name("demo-events.csv"), demo.with_name("demo-survey.csv")
    out = _run(capsys, "import", str(demo), str(log), "--name", "eventi", "--journey", JOURNEY)
    assert out.startswith("importati 57.")  # Italian thousands separator
    out += _run(capsys, "import-survey", str(demo), str(survey), "--journey", JOURNEY)
    info = _run(capsys, "info", str(demo))
    assert "punti di contatto" in info and "Dataset: eventi" in info
    feedback = _run(capsys, "feedback", str(demo), "--journey", JOURNEY)
    assert "intervallo 95%" in feedback and "fattori" in feedback
    assert _english_words(out + info + feedback) == []


def test_the_same_commands_in_english_are_caught(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The word list is not vacuous: English output trips it."""
    capsys.readouterr()
    assert main(["--lang", "en", "info", str(demo)]) == 0
    assert "touchpoints" in _english_words(capsys.readouterr().out)
