"""Accessible names and descriptions for every interactive widget, filled in one place.

Screen readers announce a control by its accessible name and description. Most controls
already say what they are (a button's text, the form label beside a field, a tooltip); this
module copies that into the accessible properties wherever a module left them empty, when a
window becomes active, so new views and dialogs get it without extra code. Explicit names win.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGraphicsView,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
)


def is_interactive(widget: QWidget) -> bool:
    """A control a user operates; a scroll area's own scroll bars are announced by the area."""
    if not isinstance(widget, INTERACTIVE):
        return False
    parent = widget.parentWidget()
    return not (isinstance(widget, QScrollBar) and parent is not None
                and parent.objectName().startswith("qt_scrollarea"))  # fmt: skip


def _clean(text: str) -> str:
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def _layouts(layout: QLayout | None) -> list[QLayout]:
    if layout is None:
        return []
    found = [layout]
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is not None:
            found += _layouts(item.layout())
    return found


def _label_text(item: QLayoutItem | None) -> str:
    """The text of a label, or of a check box heading a row ("[x] Period [from] [to]")."""
    label = item.widget() if item is not None else None
    if isinstance(label, QLabel | QCheckBox):
        return _clean(label.text()).rstrip(":")
    return ""


def _form_label(widget: QWidget) -> str:
    """The label beside `widget` in its layout (form row, grid cell to the left, or the label
    before it in a row), else a QLabel buddy, else the title of its group box."""
    parent = widget.parentWidget()
    if parent is None:
        return ""
    for layout in _layouts(parent.layout()):
        index = layout.indexOf(widget)
        if index < 0:
            continue
        if isinstance(layout, QFormLayout):
            label = layout.labelForField(widget)
            if isinstance(label, QLabel):
                return _clean(label.text()).rstrip(":")
        elif isinstance(layout, QGridLayout):
            # (row, column, row span, column span); PySide6's stubs type it object
            row, col, _, _ = cast(tuple[int, int, int, int], layout.getItemPosition(index))
            for left in range(col - 1, -1, -1):  # "Segment [attribute] [value]"
                if text := _label_text(layout.itemAtPosition(row, left)):
                    return text
        else:
            for i in range(index - 1, -1, -1):
                if text := _label_text(layout.itemAt(i)):
                    return text
    for label in parent.findChildren(QLabel):
        if label.buddy() is widget:
            return _clean(label.text()).rstrip(":")
    if isinstance(parent, QGroupBox):
        return _clean(parent.title())
    return ""


def accessible_name(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        text = _clean(widget.text())
        if any(c.isalnum() for c in text):
            return text
    for text in (
        _form_label(widget),
        widget.toolTip(),
        widget.placeholderText() if isinstance(widget, QLineEdit | QPlainTextEdit) else "",
        widget.windowTitle() if widget.isWindow() else "",
    ):
        if text and text.strip():
            return _clean(text)
    if isinstance(widget, QAbstractButton) and isinstance(widget.parentWidget(), QLineEdit):
        return QCoreApplication.translate("Accessibility", "Clear")
    if isinstance(widget, QTabBar):
        return QCoreApplication.translate("Accessibility", "Tabs")
    if isinstance(widget, QGraphicsView):
        return QCoreApplication.translate("Accessibility", "Journey map")
    if isinstance(widget, QAbstractItemView):
        return QCoreApplication.translate("Accessibility", "List")
    return _clean(widget.objectName().replace("_", " ").replace(".", " "))


def accessible_description(widget: QWidget, name: str) -> str:
    for text in (widget.toolTip(), widget.statusTip(), widget.whatsThis()):
        if text and text.strip() and _clean(text) != name:
            return _clean(text)
    if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.placeholderText():
        return _clean(widget.placeholderText())
    if isinstance(widget, QGraphicsView):
        return QCoreApplication.translate(
            "Accessibility", "The journey map: cards in stages and lanes"
        )
    return name


def name_tree(root: QWidget) -> None:
    """Fill the empty accessible name and description of `root` and every control under it."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not is_interactive(widget):
            continue
        name = widget.accessibleName() or accessible_name(widget)
        if not widget.accessibleName() and name:
            widget.setAccessibleName(name)
        if not widget.accessibleDescription():
            widget.setAccessibleDescription(accessible_description(widget, name))


def _name_active_window(*_: object) -> None:
    window = QApplication.activeWindow()
    if window is not None:
        name_tree(window)


def install(app: QApplication) -> None:
    """Name the controls of each window when it becomes active (dialogs included): one
    signal, no event filter, so it costs nothing while people work."""
    app.focusWindowChanged.connect(_name_active_window)
