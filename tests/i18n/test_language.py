"""The shared language choice: system locale, gettext catalogue installed into the labels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cxmapper.present import labels, language


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    language.use_language("en")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "it_IT.UTF-8"}, "it"),
        ({"LC_ALL": "it_CH"}, "it"),
        ({"LANGUAGE": "fr:it", "LANG": "fr_FR.UTF-8"}, "it"),
        ({"LC_ALL": "C", "LANG": "it_IT.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_system_language_follows_the_locale_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert language.system_language() == expected


def test_use_language_translates_every_label_and_back() -> None:
    language.use_language("it")
    assert language.current_language() == "it"
    assert labels.sheet_label("touchpoints") == "Punti di contatto"
    assert labels.status_label("red") == "fuori obiettivo"
    assert labels.kind_label("journey") == "percorso cliente"
    language.use_language("en")
    assert labels.sheet_label("touchpoints") == "Touchpoints"
    assert language.current_language() == "en"


def test_unknown_language_is_refused_and_nothing_changes() -> None:
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        language.use_language("fr")
    assert language.current_language() == "en"
    assert labels.sheet_label("touchpoints") == "Touchpoints"


def test_compiled_mo_and_in_memory_po_agree(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cxmapper.present.po_files import po_header, translations, write_mo

    po = language.po_path("it")
    mo = tmp_path / "it" / "LC_MESSAGES" / "cxmapper.mo"
    write_mo({**po_header("it"), **translations(po)}, mo)
    (tmp_path / "it" / "LC_MESSAGES" / "cxmapper.po").write_bytes(po.read_bytes())
    import os

    os.utime(mo, (po.stat().st_mtime + 10, po.stat().st_mtime + 10))
    monkeypatch.setattr(language, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(language, "_cache", {})
    from_mo = language.translator("it")
    assert from_mo("Overview") == "Panoramica"
    assert all(from_mo(k) == v for k, v in translations(po).items())
