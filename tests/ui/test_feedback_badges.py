"""Feedback badges on the canvas: from the demo, every card with linked answers shows its NPS
with n, coloured by band (the payment e-mail's -92 red), cards without answers (backstage,
thoughts) show none, and View ▸ Feedback Badges hides them again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cxmapper.ui.canvas.items.feedback_badge import badge_of
from cxmapper.ui.main_window import MainWindow
from tests.demo_with_data import write_demo_with_data
from tests.ui.rigs import make_window

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("ui/test_feedback_badges")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_with_data(tmp_path_factory.mktemp("badges") / "demo.cxmap")


@pytest.fixture
def shown(qtbot: QtBot, demo_path: Path) -> Iterator[tuple[MainWindow, dict[str, str]]]:
    window = make_window(qtbot)
    assert window.open_path(demo_path)
    ws = window.ctx.workspace
    journey = ws.find_journey("Online purchase")
    window.show_journey(journey.id)
    titles = {t.title: t.id for t in ws.touchpoints(journey.id)}
    yield window, titles
    window.close_workspace()


def badges(window: MainWindow) -> dict[str, tuple[str, str]]:
    """Card id -> (text, band) of every visible badge."""
    out = {}
    for tp_id, card in window.scene.cards.items():
        badge = badge_of(card)
        if badge is not None and badge.isVisible():
            out[tp_id] = (badge.text, badge.status)
    return out


def test_low_scoring_cards_get_a_red_badge_with_nps_and_n(shown) -> None:  # type: ignore[no-untyped-def]
    window, titles = shown
    action = window.feedback_badges_action
    assert not action.isChecked() and badges(window) == {}
    action.trigger()
    found = badges(window)
    # the figures `cxmapper feedback` prints for the demo (n >= 30: a band; n < 30: grey)
    assert found[titles["Order confirmation e-mail"]] == ("NPS -92 (n=53)", "red")
    assert found[titles["Order confirmed"]] == ("NPS +14 (n=307)", "amber")
    assert found[titles["Where-is-my-order call"]] == ("NPS +3 (n=35)", "amber")
    assert found[titles["Checkout: payment"]][1] == "red"  # the moment survey after paying
    # every card in a channel lane (27), none in the customer's thoughts, pain points,
    # opportunities or backstage lanes, which no answer names
    assert len(found) == 27
    assert titles["Fraud check"] not in found


def test_toggling_hides_and_shows_them(shown) -> None:  # type: ignore[no-untyped-def]
    window, titles = shown
    action = window.feedback_badges_action
    action.trigger()
    assert len(badges(window)) == 27
    action.trigger()
    assert badges(window) == {}
    assert all(badge_of(card) is None for card in window.scene.cards.values())
    action.trigger()
    assert badges(window)[titles["Order confirmation e-mail"]] == ("NPS -92 (n=53)", "red")


@pytest.mark.parametrize(
    ("scale", "value", "n", "band"),
    [("nps", -0.4, 30, "red"), ("nps", 0, 30, "amber"), ("nps", 29.9, 30, "amber"),
     ("nps", 30, 30, "green"), ("nps", 80, 29, "none"), ("csat", 59.9, 40, "red"),
     ("csat", 60, 40, "amber"), ("csat", 80, 40, "green"), ("ces", 3.99, 40, "red"),
     ("ces", 4, 40, "amber"), ("ces", 5, 40, "green")],
)  # fmt: skip
def test_bands_cut_where_docs_metrics_says(scale: str, value: float, n: int, band: str) -> None:
    from cxmapper.present.voice_bands import band as band_of

    assert band_of(scale, value, n) == band
