"""The overlay legend at 1366×768 is in view without scrolling and over no card: a one-line
strip under the map, outside the scrolled viewport, saying what the scene's legend says; the
map with its key keeps at least 60 % of the window; no overlay, no strip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from tests.ui.rigs import settle
from tests.ui.test_overlay_legibility import demo_file, open_with_friction

__all__ = ["demo_file"]  # the module fixture, shared


def test_the_legend_is_in_view_at_100_percent_and_covers_no_card(
    qtbot: QtBot, demo_file: dict[str, Any], tmp_path: Path
) -> None:
    window = open_with_friction(qtbot, demo_file, tmp_path)
    view = window.view
    view.zoom_100()  # readable: the map is taller than the window
    view.show_start()  # scrolled to the top, as a workshop starts
    settle(window)
    scene_legend = window.scene.overlay.legend
    assert scene_legend is not None
    assert not view.visible_scene_rect().contains(scene_legend.sceneBoundingRect())  # below
    strip = view.legend_strip
    assert strip.isVisible()
    box = strip.geometry()
    assert view.rect().contains(box)  # inside the view: seen without scrolling
    assert not box.intersects(view.viewport().geometry())  # outside the map's area: no card
    assert strip.height() <= 24  # one line: the map keeps its room
    vp = view.viewport()  # the map and its key (the strip under it): 60 % of the window
    area = vp.width() * vp.height() + box.width() * box.height()
    assert area / (window.width() * window.height()) >= 0.60
    caption, low, high, paths = strip.parts()
    assert (low, high) == scene_legend.scale_ends and low and high  # the journey's range, whole
    assert caption and paths
    assert scene_legend.text in strip.toolTip() and scene_legend.paths in strip.toolTip()
    assert not scene_legend.isVisible()  # one legend on screen, not two


def test_no_overlay_no_strip(qtbot: QtBot, demo_file: dict[str, Any], tmp_path: Path) -> None:
    window = open_with_friction(qtbot, demo_file, tmp_path)
    window.analysis_dock.overlay_actions["none"].trigger()
    settle(window)
    view = window.view
    assert not view.legend_strip.isVisible()
    assert view.viewport().geometry().bottom() >= view.height() - 20  # the room is back


def test_a_narrow_map_elides_the_legend_instead_of_cutting_it(
    qtbot: QtBot, demo_file: dict[str, Any], tmp_path: Path
) -> None:
    """Beside a wide analysis dock the map is ~600 px: every part still ends inside it."""
    from cxmapper.ui.canvas.legend_strip import BAR_W, DASH_W, PAD

    window = open_with_friction(qtbot, demo_file, tmp_path)
    strip = window.view.legend_strip
    for width in (600, 420):
        strip.resize(width, strip.height())
        caption, low, high, paths = strip.parts()
        fm = strip.font_metrics()
        used = BAR_W + 6 * PAD + sum(fm.horizontalAdvance(t) for t in (caption, low, high, paths))
        used += DASH_W + PAD if paths else 0
        assert used <= width, width
        assert low and high  # the scale's ends say something at any width
