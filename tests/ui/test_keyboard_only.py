"""The canvas with the keyboard alone: Tab walks the cards (with a visible focus ring), Ctrl+arrows
move them, F2 renames, Insert adds, Ctrl+L then Enter connects, Enter opens the inspector.
Only key presses drive these tests; what was saved is read back from the reopened file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QHeaderView, QScrollBar, QTabWidget, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace
from cxmapper.ui import accessibility
from cxmapper.ui.dialogs.start import StartDialog
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.overlay.import_dialog import ImportDialog
from tests.ui.rigs import CTRL, Canvas, settle

SHIFT = Qt.KeyboardModifier.ShiftModifier


def selected(c: Canvas) -> list[str]:
    names = {v: k for k, v in c.ids.items()}
    return [names[t] for t in c.scene.selected_card_ids()]


def ring_pixels(c: Canvas, key: str) -> int:
    """Dark pixels in the thin band just outside a card's border: where the focus ring is."""
    QApplication.processEvents()
    img = c.view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    r = c.view.mapFromScene(c.scene.card_rect(c.ids[key])).boundingRect()
    band = QRectF(r).adjusted(-4, -4, 4, 4)
    dark = 0
    for x in range(int(band.left()), int(band.right())):
        for y in (int(band.top()), int(band.top()) + 1):
            if img.pixelColor(x, y).lightness() < 110:
                dark += 1
    return dark


def test_tab_walks_the_cards_in_map_order_with_a_visible_focus_ring(canvas: Canvas) -> None:
    assert ring_pixels(canvas, "home") == 0
    canvas.key(Qt.Key.Key_Tab)
    assert selected(canvas) == ["home"]
    assert canvas.scene.cards[canvas.ids["home"]].hasFocus()
    assert ring_pixels(canvas, "home") > 10
    canvas.key(Qt.Key.Key_Tab)
    canvas.key(Qt.Key.Key_Tab)
    assert selected(canvas) == ["cart"]
    assert ring_pixels(canvas, "home") == 0
    canvas.key(Qt.Key.Key_Backtab, SHIFT)
    assert selected(canvas) == ["search"]


def test_ctrl_arrows_move_a_card_between_places_lanes_and_stages(canvas: Canvas) -> None:
    ids = canvas.ids
    canvas.key(Qt.Key.Key_Tab)  # Home page, first in Discover / Web
    canvas.key(Qt.Key.Key_Down, CTRL)  # below Search in its cell
    assert canvas.scene.mirror is not None
    assert canvas.scene.mirror.cells[(ids["discover"], ids["web"])] == [ids["search"], ids["home"]]
    canvas.key(Qt.Key.Key_Down, CTRL)  # on into the lane below
    canvas.key(Qt.Key.Key_Right, CTRL)  # and the next stage
    assert selected(canvas) == ["home"]
    assert canvas.scene.cards[ids["home"]].hasFocus()
    canvas.key(Qt.Key.Key_Right, CTRL)
    canvas.stack.undo()
    ws = canvas.reopen()
    home = ws.find("touchpoint", ids["home"])
    assert home is not None and (home.stage_id, home.lane_id) == (ids["buy"], ids["pains"])


def test_rename_add_and_connect_with_keys(canvas: Canvas) -> None:
    ids = canvas.ids
    canvas.key(Qt.Key.Key_Tab)
    canvas.key(Qt.Key.Key_Tab)  # Search
    canvas.key(Qt.Key.Key_F2)
    canvas.key(Qt.Key.Key_A, CTRL)
    canvas.type("Find a product")
    canvas.key(Qt.Key.Key_L, CTRL)  # the connect tool, from Search
    assert canvas.view.action("canvas.connect").isChecked()
    canvas.key(Qt.Key.Key_Right)  # to Cart
    assert selected(canvas) == ["cart"]
    canvas.key(Qt.Key.Key_Return)
    assert not canvas.view.action("canvas.connect").isChecked()
    canvas.key(Qt.Key.Key_Escape)
    canvas.key(Qt.Key.Key_Right)  # from no card: the first cell, then right: Buy / Web
    canvas.key(Qt.Key.Key_Down)
    canvas.key(Qt.Key.Key_Right)
    canvas.key(Qt.Key.Key_Right)  # Use / Pain points: an empty cell
    assert canvas.scene.current_cell() == (ids["use"], ids["pains"])
    canvas.key(Qt.Key.Key_Insert)
    canvas.type("Review")
    ws = canvas.reopen()
    search = ws.find("touchpoint", ids["search"])
    assert search is not None and search.title == "Find a product"
    pairs = {(c.source_id, c.target_id) for c in ws.connectors(ids["journey"])}
    assert (ids["search"], ids["cart"]) in pairs
    new = [t for t in ws.touchpoints(ids["journey"]) if t.title == "Review"]
    assert [(t.stage_id, t.lane_id) for t in new] == [(ids["use"], ids["pains"])]


def test_enter_opens_the_inspector_and_tab_leaves_the_canvas(
    window: MainWindow, qtbot: QtBot, file_ws: Workspace, small_journey: dict[str, str],
    ws_path: Path,
) -> None:  # fmt: skip
    file_ws.close()
    assert window.open_path(ws_path)
    window.show_journey(small_journey["journey"])
    settle(window)
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    settle(window)
    focus = QApplication.focusWidget()
    assert focus is not None and window.inspector.isAncestorOf(focus)
    assert window.inspector.current == ("touchpoint", small_journey["home"])
    view.setFocus()
    for _ in range(3):  # from Home page: Search, Cart, Slow checkout, then out
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus()


def untabbable(root: QWidget) -> list[str]:
    """Visible, enabled controls that Tab cannot reach (tool bars are mirrored by menus)."""
    return [
        f"{type(w).__name__} {w.objectName()!r} {w.accessibleName()!r}"
        for w in root.findChildren(QWidget)
        if accessibility.is_interactive(w)
        and w.isVisible()
        and w.isEnabled()
        and not isinstance(w, QScrollBar | QHeaderView)  # the table itself takes the keys
        and not isinstance(w.parentWidget(), QToolBar)
        # Qt's own helpers have keys: docks via the View menu, a table's corner via Ctrl+A
        and not w.objectName().startswith(("qt_dockwidget_", "qt_tableview_cornerbutton"))
        and not w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def test_inspector_and_dialogs_are_reachable_with_tab(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    events = write_demo(tmp_path / "demo.cxmap")
    assert window.open_path(tmp_path / "demo.cxmap")
    settle(window)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    settle(window)
    inspector = window.inspector
    tabs = inspector.findChildren(QTabWidget)
    for tab_widget in tabs:
        for i in range(tab_widget.count()):
            tab_widget.setCurrentIndex(i)
            QApplication.processEvents()
            assert untabbable(inspector) == [], tab_widget.tabText(i)
    window.analysis_dock.ensure_panel()
    QApplication.processEvents()
    assert untabbable(window) == []
    for dialog in (
        StartDialog([str(tmp_path / "demo.cxmap")], window),
        window.show_people_dialog(),
        ImportDialog(window, str(events)),
    ):
        dialog.show()
        QApplication.processEvents()
        assert untabbable(dialog) == []
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
