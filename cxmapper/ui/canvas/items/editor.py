"""In-place text editor over a card title, header or connector label.

Enter or focus-out commits, Esc cancels; the owner gets the text through callbacks and pushes
the undo command itself, so the editor never touches the model.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QFocusEvent, QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem, QWidget

from cxmapper.ui.canvas import style

Z_EDITOR = 200.0


class InlineEditor(QGraphicsTextItem):
    def __init__(
        self, text: str, rect: QRectF, on_commit: Callable[[str], None],
        on_close: Callable[[], None], point_size: float = 9.5, cover: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(text)
        self._on_commit = on_commit
        self._on_close = on_close
        self._done = False
        self.setFont(style.font(point_size, bold=True))
        self.setDefaultTextColor(style.INK)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        if cover:  # exactly over the text it replaces, hiding all of it
            self.document().setDocumentMargin(0)
            self.setTextWidth(max(rect.width() - 6, 40))
            self.setPos(rect.x() + 3, rect.y() + 3)
        else:
            self.setTextWidth(max(rect.width() - 8, 40))
            self.setPos(rect.x() + 4, rect.y() + 2)
        # the box to paint opaque, in item coordinates: at least the area being replaced
        self._cover = QRectF(rect).translated(-self.pos()) if cover else QRectF()
        self.setZValue(Z_EDITOR)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        r = self.boundingRect().adjusted(-3, -2, 3, 2).united(self._cover)
        painter.setPen(QPen(style.ACCENT, 1.5))
        painter.setBrush(QBrush(style.CARD_BG))
        painter.drawRoundedRect(r, 4, 4)
        # our frame replaces Qt's dashed focus rectangle
        option.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt takes None; the stub says QWidget

    def boundingRect(self) -> QRectF:
        box = super().boundingRect()
        return box.adjusted(-4, -3, 4, 3).united(self._cover.adjusted(-1, -1, 1, 1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        text = self.toPlainText().strip()
        self._on_close()
        if text:
            self._on_commit(text)

    def cancel(self) -> None:
        if not self._done:
            self._done = True
            self._on_close()
