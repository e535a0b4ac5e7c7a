"""Run by test_scale_150.py in a child process (QT_SCALE_FACTOR is read once, at start):
opens the demo in the main window sized as a 1366x768 screen at that scale, walks the main
window, every inspector tab, every analysis tab and the main dialogs, and prints (JSON) every
control whose text does not fit: a button, check box or label narrower than its text needs,
a tab whose text Qt elided without a tooltip that says it in full, a scroll area narrower
than its content's minimum (cut on the right), or a window larger than the screen.

Usage: clip_probe.py WORKDIR LANG   (prints {"scale": .., "size": [w, h], "clipped": [...]})
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cxmapper.model.demo import write_demo  # noqa: E402
from cxmapper.ui.app import make_application  # noqa: E402
from cxmapper.ui.main_window import MainWindow  # noqa: E402
from cxmapper.ui.settings import AppSettings, use_settings_dir  # noqa: E402
from cxmapper.ui.translations import install_language  # noqa: E402

SCREEN = (1366, 768)  # device pixels: a common laptop screen
SHOWN = (99999, 99999)  # that screen in logical pixels, set in main()


def settle() -> None:
    for _ in range(6):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def _text_width(w: QWidget, text: str) -> int:
    return w.fontMetrics().horizontalAdvance(text.replace("&&", "\0").replace("&", ""))


def _needed(w: QWidget) -> int | None:
    """The width `w` needs to show its text in full; None when its text cannot clip."""
    if isinstance(w, QLabel):
        if w.wordWrap() or not w.text().strip():
            return None
        if w.textFormat() == Qt.TextFormat.RichText or "<" in w.text():  # its own layout
            return None
        return w.minimumSizeHint().width()
    if isinstance(w, QPushButton | QCheckBox | QRadioButton):
        if not w.text().strip():
            return None
        if isinstance(w, QPushButton):
            opt = QStyleOptionButton()
            w.initStyleOption(opt)
            margin = w.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, opt, w)
            icon = w.iconSize().width() + 4 if not w.icon().isNull() else 0
            return _text_width(w, w.text()) + margin + icon
        return _text_width(w, w.text()) + 20
    if isinstance(w, QToolButton) and not isinstance(w.parentWidget(), QToolBar):
        if w.toolButtonStyle().name == "ToolButtonIconOnly" or not w.text().strip():
            return None
        return _text_width(w, w.text()) + 6
    return None


def in_scroll_area(w: QWidget) -> bool:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QAbstractScrollArea):
            return True
        p = p.parentWidget()
    return False


def clipped(root: QWidget, where: str) -> list[str]:
    found = []
    top, (sw, sh) = root.window(), SHOWN
    if top.width() > sw or top.height() > sh:  # its minimum size pushed past the screen
        found.append(f"{where}: {type(top).__name__} {top.width()}x{top.height()} > {sw}x{sh}")
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.objectName().startswith("qt_"):
            continue
        if isinstance(w, QScrollArea) and w.widget() is not None and w.widgetResizable():
            inner, vp = w.widget(), w.viewport()
            if inner.isVisible() and vp.width() + 1 < inner.minimumSizeHint().width():
                found.append(f"{where}: {type(inner).__name__} needs "
                             f"{inner.minimumSizeHint().width()}, shown {vp.width()}")  # fmt: skip
        need = _needed(w)
        if need is not None and not w.toolTip():
            text = w.text() if isinstance(w, QLabel | QAbstractButton) else ""
            # cut by its own size, or by a parent that is too small (outside a scroll area)
            shown = w.visibleRegion().boundingRect().width()
            top = w.window()
            placed = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
            if not placed.intersects(top.rect()):
                continue  # parked off the window (a dock tabbed behind another): not shown
            if in_scroll_area(w):
                shown = w.width()
            if min(w.width(), shown) + 1 < need:
                found.append(f"{where}: {type(w).__name__} {text!r} {w.width()}/{shown} < {need}")
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                full = w.tabSizeHint(i).width()
                if w.tabRect(i).width() + 1 < full and not w.tabToolTip(i):
                    found.append(f"{where}: tab {w.tabText(i)!r} {w.tabRect(i).width()} < {full}")
    return found


def main() -> int:
    work, lang = Path(sys.argv[1]), sys.argv[2]
    use_settings_dir(work / "settings")
    QStandardPaths.setTestModeEnabled(True)
    app = make_application([sys.argv[0]])
    install_language(app, lang)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    size = (round(SCREEN[0] / scale), round(SCREEN[1] / scale))
    global SHOWN
    SHOWN = size
    write_demo(work / "demo.cxmap", lang=lang)
    window = MainWindow(AppSettings(), poll_ms=0)
    window.resize(*size)
    window.show()
    assert window.open_path(work / "demo.cxmap")
    settle()
    out = clipped(window, "window")
    ws = window.workspace
    assert ws is not None and window.journey_id is not None
    cards = ws.touchpoints(window.journey_id)
    card = next((t for t in cards if ws.readings(t.id)), cards[0])
    window.select_touchpoint(card.id)
    settle()
    for root, name in ((window.inspector, "inspector"),):
        for tabs in root.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                settle()
                out += clipped(root, f"{name}/{tabs.tabText(i)}")
    panel = window.analysis_dock.ensure_panel()
    window.analysis_dock.present()
    settle()
    scroll = window.analysis_dock.widget()
    if isinstance(scroll, QAbstractScrollArea) and scroll.viewport().width() + 1 < panel.width():
        out.append(f"analysis: panel {panel.width()} wide in {scroll.viewport().width()}")
    for tabs in panel.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle()
            out += clipped(panel, f"analysis/{tabs.tabText(i)}")
    from cxmapper.ui.dialogs.start import StartDialog
    from cxmapper.ui.overlay.import_dialog import ImportDialog

    events = work / "demo-events.csv"
    dialogs: list[tuple[str, QWidget]] = [
        ("start", StartDialog([str(work / "demo.cxmap")], window)),
        ("people", window.show_people_dialog()),
    ]
    if events.exists():
        dialogs.append(("import", ImportDialog(window, str(events))))
    for name, dialog in dialogs:
        dialog.show()
        settle()
        out += clipped(dialog, name)
        dialog.close()
    window.close_workspace()
    print(json.dumps({"scale": scale, "size": size, "clipped": sorted(set(out))}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
