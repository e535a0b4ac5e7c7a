"""`cxmapper export --pdf --lang it` draws Italian: the offscreen app the renderer makes loads
the Qt catalogue of the CLI's language (the Italian PDF read "5 touchpoints" under each stage
and "Exported 2026-12-06 · page 1 of 1" in its header)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def pdf_text(tmp_path: Path, *lang: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    workspace, pdf = tmp_path / "d.cxmap", tmp_path / f"j{'-'.join(lang)}.pdf"
    cli = [sys.executable, "-m", "cxmapper"]
    if not workspace.exists():
        subprocess.run([*cli, "demo", str(workspace), "--lang", "it"], check=True, env=env,
                       capture_output=True)  # fmt: skip
    subprocess.run([*cli, "export", str(workspace), "--journey", "Acquisto online", "--pdf",
                    str(pdf), *lang], check=True, env=env, capture_output=True)  # fmt: skip
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def test_the_italian_pdf_reads_italian(tmp_path: Path) -> None:
    text = pdf_text(tmp_path, "--lang", "it")
    assert "pagina 1 di 1" in text and "Esportato il " in text
    assert "punti di contatto" in text
    assert "touchpoints" not in text and "Exported" not in text and "page 1" not in text
    english = pdf_text(tmp_path, "--lang", "en")
    assert "page 1 of 1" in english and "touchpoints" in english


def test_a_tiled_page_names_its_part_whole_beside_the_legend(tmp_path: Path) -> None:
    """The part a tiled page shows ran after the date and page number and was cut beside
    the legend ("· corsie Pensieri…"); it has a line of its own."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    cli = [sys.executable, "-m", "cxmapper"]
    workspace, pdf = tmp_path / "d.cxmap", tmp_path / "t.pdf"
    subprocess.run([*cli, "demo", str(workspace), "--lang", "it"], check=True, env=env,
                   capture_output=True)  # fmt: skip
    subprocess.run([*cli, "import", str(workspace), str(tmp_path / "d-events.csv"), "--name",
                    "eventi"], check=True, env=env, capture_output=True)  # fmt: skip
    subprocess.run([*cli, "export", str(workspace), "--journey", "Acquisto online", "--dataset",
                    "eventi", "--pdf", str(pdf), "--pages", "tile", "--lang", "it"], check=True,
                   env=env, capture_output=True)  # fmt: skip
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")  # fmt: skip
    # the page's part, the journey's name and the date are whole: on a portrait page the legend
    # took their room ("Acquisto onl…", "Esportato il 06/12/202…", "Fasi Scoperta – Scelta …")
    head = [line for line in out.splitlines() if line.strip()][:6]
    assert head[0] == "Acquisto online", head
    assert any(line.startswith("Fasi Scoperta – Scelta · corsie Pensieri – ") for line in head)
    assert not [line for line in head if "…" in line and not line.startswith("Attrito")], head
