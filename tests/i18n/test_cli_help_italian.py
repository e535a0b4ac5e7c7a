"""`cxmapper --lang it --help` (and every sub-command's) is Italian: our help texts go through
the catalogue when the parser is built (after `--lang` is read) and argparse's own headings
and errors ("usage:", "options:", "the following arguments are required") through it too."""

from __future__ import annotations

import pytest

from cxmapper.cli import main

SUBCOMMANDS = ("demo", "info", "analyze", "import-xlsx", "import-json", "import", "export",
               "import-survey", "feedback", "version", "versions", "diff", "log")  # fmt: skip
ENGLISH = (
    "usage:",
    "options:",
    "positional arguments",
    "show this help message and exit",
    "Customer-journey mapping",
    "language of messages and exports",
    "measure touchpoints and transitions",
    "event log file",
    "case / customer id column",
    "time zone of timestamps",
    "analysis engine",
    " column",
    "workspace whose journey",
)


pytestmark = pytest.mark.usefixtures("no_locale_env")


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def test_top_level_help_in_italian(capsys: pytest.CaptureFixture[str]) -> None:
    out = help_text(capsys, "--lang", "it")
    for english in ENGLISH:
        assert english not in out, english
    assert out.startswith("uso: cxmapper")
    assert "opzioni:" in out and "argomenti posizionali:" in out
    assert "mostra questo aiuto ed esce" in out
    assert "Mappatura del percorso del cliente" in out
    assert "misura punti di contatto e passaggi in un registro eventi" in out


def test_analyze_help_in_italian(capsys: pytest.CaptureFixture[str]) -> None:
    out = help_text(capsys, "--lang", "it", "analyze")
    for english in ENGLISH:
        assert english not in out, english
    assert out.startswith("uso: cxmapper analyze")
    assert "colonna id del caso / cliente" in out
    assert "motore di analisi" in out


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_help_in_italian(capsys: pytest.CaptureFixture[str], command: str) -> None:
    out = help_text(capsys, command, "--lang", "it")
    assert out.startswith(f"uso: cxmapper {command}")
    for english in ("usage:", "options:", "show this help", " the ", " of ", " column"):
        assert english not in out, (command, english)


def test_english_help_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = help_text(capsys, "--lang", "en", "analyze")
    assert out.startswith("usage: cxmapper analyze") and "options:" in out
    assert "case / customer id column" in out


def test_argparse_errors_in_italian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "it", "analyze"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "cxmapper analyze: errore: sono richiesti i seguenti argomenti: EVENTS" in err
