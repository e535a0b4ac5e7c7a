"""The Voice tab computes the journey's feedback report once, when it is first shown, and again
only when what the figures read changes (a survey, a matching rule, another workspace); picking
cards or editing what the figures do not read (a description, an emotion, an action) reuses it."""

from __future__ import annotations

from pathlib import Path

from cxmapper.feedback.survey_import import read_survey
from cxmapper.ui import voice_cache
from tests.ui import test_inspector_voice as tv
from tests.ui.test_inspector_voice import voice_of

ids, panel = tv.ids, tv.panel  # the Voice tab's fixtures: a tiny journey, log and survey

MORE = "case_id,date,nps,touchpoint\nc9,2026-03-06T10:00:00Z,0,Cart\n"


def computed() -> int:
    return voice_cache.computations


def test_once_when_the_tab_is_first_shown(panel, ids) -> None:  # type: ignore[no-untyped-def]
    p, _ = panel
    start = computed()
    for key in ("pay", "cart", "pay"):  # the Details tab is in front: no report yet
        p.show_entity("touchpoint", ids[key])
        p.flush()
    assert computed() == start
    voice_of(p, ids["pay"])
    assert computed() == start + 1
    for key in ("cart", "pay", "cart", "pay"):
        page = voice_of(p, ids[key])
    assert computed() == start + 1
    assert page.figure_labels["nps"].text().startswith("<b>NPS</b> +25")


def test_edits_the_figures_do_not_read_keep_the_report(panel, ids) -> None:  # type: ignore[no-untyped-def]
    p, ws = panel
    voice_of(p, ids["pay"])
    start = computed()
    ws.update("touchpoint", ids["pay"], description="where the card is charged")
    ws.update("touchpoint", ids["pay"], emotion=-1)
    ws.add_action(ids["pay"], "Retry the card once")
    p.flush()
    voice_of(p, ids["cart"])
    voice_of(p, ids["pay"])
    assert computed() == start


def test_new_feedback_or_rules_recompute(panel, ids, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p, ws = panel
    voice_of(p, ids["cart"])
    start = computed()
    (tmp_path / "more.csv").write_text(MORE)
    read_survey(tmp_path / "more.csv").add_to(ws)
    page = voice_of(p, ids["cart"])
    assert computed() == start + 1
    assert page.figure_labels["nps"].text().startswith("<b>NPS</b> -100")
    ws.update("touchpoint", ids["cart"], match_events=["cart", "basket"])
    voice_of(p, ids["cart"])
    voice_of(p, ids["pay"])
    assert computed() == start + 2
