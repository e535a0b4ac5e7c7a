"""`--lang` on the CLI: messages and errors in the chosen language, before or after the
sub-command; the default follows the system locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmapper.cli import main

pytestmark = pytest.mark.usefixtures("no_locale_env")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    from cxmapper.model.demo import write_demo

    path = tmp_path / "demo.cxmap"
    write_demo(path, 7)
    return path


@pytest.mark.parametrize("where", ["before", "after", "equals"])
def test_error_in_italian_with_lang_it(
    workspace: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    args = ["export", str(workspace)]
    argv = {"before": ["--lang", "it", *args], "after": [*args, "--lang", "it"],
            "equals": ["--lang=it", *args]}[where]  # fmt: skip
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        "cxmapper: errore: niente da esportare: indicate --xlsx, --json, --png, --svg o --pdf"
    )


def test_english_by_default_and_italian_from_the_locale(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["export", str(workspace)]) == 2
    assert capsys.readouterr().err.startswith("cxmapper: error: nothing to export")
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    assert main(["export", str(workspace)]) == 2
    assert capsys.readouterr().err.startswith("cxmapper: errore: niente da esportare")
    assert main(["--lang", "en", "export", str(workspace)]) == 2  # --lang wins over the locale
    assert capsys.readouterr().err.startswith("cxmapper: error: nothing to export")


def test_unsupported_language_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "info", "x.cxmap"]) == 2
    assert "--lang 'fr': not a supported language" in capsys.readouterr().err


def test_xlsx_export_in_italian_from_the_cli(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    out = tmp_path / "it.xlsx"
    journey = "Online purchase"
    argv = ["--lang", "it", "export", str(workspace), "--xlsx", str(out), "--journey", journey]
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == f"scritto {out}"
    assert "Punti di contatto" in openpyxl.load_workbook(out, read_only=True).sheetnames
