"""The funnel's step names are readable: at 1366×768 with the analysis beside the map, no two
labels under the bars overlap, none runs off the axis, and hovering one names its step in full."""

from __future__ import annotations

from itertools import combinations, pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay.charts import FunnelChart
from cxmapper.ui.overlay.step_axis import place_labels


def drawn_rects(chart: FunnelChart) -> list[tuple[QRectF, str]]:
    """Where the bottom axis puts its tick labels, as the ink of each text (every line's real
    width, centred in its rect as pyqtgraph's AlignHCenter draws it)."""
    axis = chart.plot.getAxis("bottom")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font = axis.style["tickFont"] or QApplication.font()
    painter.setFont(font)
    try:
        _, _, specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    fm = QFontMetricsF(font)
    out = []
    for rect, _flags, text in specs:
        lines = text.split("\n")
        width = max(fm.horizontalAdvance(s) for s in lines)
        ink = QRectF(rect.center().x() - width / 2, rect.top(), width, fm.height() * len(lines))
        out.append((ink, text))
    return out


def funnel_at_1366(qtbot: QtBot, window: MainWindow, path: Path) -> FunnelChart:
    window.resize(1366, 768)
    assert window.open_path(path)
    window.analysis_dock.show_action.trigger()
    qtbot.waitUntil(lambda: not window.analysis_dock.visibleRegion().isEmpty())
    panel = window.analysis_dock.ensure_panel()
    panel.tabs.setCurrentWidget(panel.funnel)
    ws = window.workspace
    assert ws is not None and window.journey_id is not None
    stages = [s.name for s in ws.stages(window.journey_id)]
    cases = [7000, 5693, 3120, 2230, 993, 662][: len(stages)]
    convs = [float("nan")] + [b / a for a, b in pairwise(cases)]
    panel.funnel.chart.set_steps(stages, cases, convs)
    for _ in range(3):
        QApplication.processEvents()
    panel.funnel.chart.grab()  # paints: the axis lays out at its real width
    return panel.funnel.chart


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cxmap"
    write_demo(path)
    return path


def test_demo_funnel_labels_do_not_overlap_at_1366x768(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    chart = funnel_at_1366(qtbot, window, demo)
    axis = chart.plot.getAxis("bottom")
    drawn = drawn_rects(chart)
    assert len(drawn) == 6  # the demo's six stages, every one labelled
    for (a, ta), (b, tb) in combinations(drawn, 2):
        assert not a.intersects(b), f"{ta!r} {a} overlaps {tb!r} {b}"
    width = axis.mapRectFromParent(axis.geometry()).width()
    for rect, text in drawn:
        assert rect.left() >= -0.5 and rect.right() <= width + 0.5, f"{text!r} runs off the axis"
        assert rect.bottom() <= axis.height() + 0.5, f"{text!r} is cut at the bottom"
    # at this width the demo's stage names fit whole: nothing is elided
    assert sorted(" ".join(t.split()) for _, t in drawn) == sorted(chart.labels)


def test_hovering_a_label_names_its_step_in_full(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    chart = funnel_at_1366(qtbot, window, demo)
    axis = chart.plot.getAxis("bottom")
    for placed in axis.placed:
        assert axis.label_at(placed.rect.center().x()) == placed.full


def test_long_card_titles_are_elided_not_overlapping(qapp) -> None:
    """A funnel of selected cards has long titles: they alternate rows and are elided within
    their room; the tooltip keeps the full name."""
    titles = ["Checkout: payment page with saved cards", "Order confirmation e-mail",
              "Delivery tracking notification", "Customer satisfaction survey"]  # fmt: skip
    xs = [30.0, 90.0, 150.0, 210.0]
    placed = place_labels(titles, xs, 5.0, 0.0, 240.0, QFont(QApplication.font()))
    for a, b in combinations(placed, 2):
        assert not a.rect.intersects(b.rect)
    assert any(p.text.endswith("…") for p in placed)
    assert [p.full for p in placed] == titles
    assert all(p.rect.left() >= 0.0 and p.rect.right() <= 240.0 for p in placed)


def test_short_names_wrap_in_place_on_one_row(qapp) -> None:
    fm = QFontMetricsF(QApplication.font())
    slot = fm.horizontalAdvance("Research") + 20
    names = ["Use & return", "Buy", "Research"]
    xs = [slot / 2 + i * slot for i in range(3)]
    placed = place_labels(names, xs, 0.0, 0.0, 3 * slot, QApplication.font())
    assert all(p.rect.top() == 0.0 for p in placed)  # no staggering needed
    assert [p.text.replace("\n", " ") for p in placed] == names
    assert all(abs(p.rect.center().x() - x) < 0.5 for p, x in zip(placed, xs, strict=True))
