"""The Italian catalogue is complete and in step with the code (re-extracted and compared)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from cxmapper.present.language import SUPPORTED, po_path
from cxmapper.present.po_files import read_po

ROOT = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("i18n_cat", ROOT / "scripts/i18n_catalogues.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogues_are_not_stale_against_the_code() -> None:
    script = _script()
    stale = [
        str(path)
        for path, text in script.outputs().items()
        if not path.exists() or path.read_text("utf-8") != text
    ]
    assert stale == [], "run: python scripts/i18n_catalogues.py"


def test_every_text_has_a_translation_and_none_is_fuzzy() -> None:
    for code in SUPPORTED:
        if code == "en":
            continue
        entries = [e for e in read_po(po_path(code)) if e.msgid]
        assert len(entries) > 100
        assert [e.msgid for e in entries if not e.msgstr] == []
        assert [e.msgid for e in entries if "fuzzy" in e.flags] == []


def test_translations_keep_their_placeholders() -> None:
    import string

    for entry in read_po(po_path("it")):
        fields = {f for _, f, _, _ in string.Formatter().parse(entry.msgid) if f}
        got = {f for _, f, _, _ in string.Formatter().parse(entry.msgstr) if f}
        assert got == fields, entry.msgid


def test_extractor_finds_a_newly_marked_text(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text('from x import N_\nA = N_("Brand new text")\n')
    assert "Brand new text" in _script().extract(tmp_path)
