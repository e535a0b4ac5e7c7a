"""Impact × effort view: the journey's open improvement actions on a 2-D matrix, to be dragged.

Across: effort (1..5, as rated). Up: the estimated yearly impact in money
(`analysis.action_impact`: the money at stake at the action's card over a year × the share its
impact rating addresses); without money figures (no value model) the impact rating itself.
Dragging an action re-rates it: where it is dropped gives its effort and the impact rating
nearest that height, set by one `RateActionCommand` per drag (undoable, never merged with the
next drag). The quick wins are top left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QMouseEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cxmapper.analysis.action_impact import (
    TOP_RATING,
    ActionImpact,
    action_impacts,
    impact_rating,
)
from cxmapper.present.language import current_language
from cxmapper.present.money import format_money

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from cxmapper.analysis.money import MoneyFigures
    from cxmapper.model.workspace import Workspace

RADIUS = 7.0
TOP, RIGHT, BOTTOM = 10.0, 8.0, 40.0  # px around the plot: a little air, the effort axis below
MIN_PLOT = (160.0, 140.0)  # a smaller view scrolls rather than squeeze the plot further
LABEL_CHARS = 24  # an action's title beside its dot; the whole title is in the tooltip
DOT = QColor("#2563eb")


class ActionDot(QGraphicsEllipseItem):
    """One action; remembers which, for the drag."""

    def __init__(self, impact: ActionImpact, centre: QPointF, tip: str) -> None:
        super().__init__(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
        self.impact = impact
        self.setPos(centre)
        self.setBrush(QBrush(DOT))
        self.setPen(QPen(QColor("#ffffff"), 1.5))
        self.setZValue(10)
        self.setToolTip(tip)
        self.setCursor(Qt.CursorShape.OpenHandCursor)


class MatrixCanvas(QGraphicsView):
    """The drawing; a press on a dot starts a drag, the release re-rates its action."""

    def __init__(self, owner: ImpactMatrixView) -> None:
        super().__init__()
        self.owner = owner
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setMinimumHeight(220)
        self.dragged: ActionDot | None = None
        self._laid_out_for = (-1, -1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The plot takes the view's size (a fixed plot ran past the narrow dock's edge and
        cut the labels of the actions on the right)."""
        super().resizeEvent(event)
        size = (self.viewport().width(), self.viewport().height())
        if size != self._laid_out_for:
            self._laid_out_for = size
            self.owner.refresh()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and isinstance(item, ActionDot):
            self.dragged = item
            item.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def _follow(self, event: QMouseEvent) -> None:
        assert self.dragged is not None
        p, plot = self.mapToScene(event.position().toPoint()), self.owner.plot
        x = min(max(p.x(), plot.left()), plot.right())
        y = min(max(p.y(), plot.top()), plot.bottom())
        self.dragged.setPos(QPointF(x, y))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.dragged is not None:
            self._follow(event)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        dot = self.dragged
        if dot is None:
            super().mouseReleaseEvent(event)
            return
        self._follow(event)
        self.dragged = None
        event.accept()
        self.owner.dropped(dot.impact, dot.pos())


class ImpactMatrixView(QWidget):
    """Fed by the analysis panel with the workspace, the journey, its undo stack and the
    money figures of the analysis shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("impactMatrixNote")
        self.canvas = MatrixCanvas(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.canvas, 1)
        self.ws: Workspace | None = None
        self.journey_id: str | None = None
        self.stack: QUndoStack | None = None
        self.money: MoneyFigures | None = None
        self.period_days = 0.0
        self.dots: dict[str, ActionDot] = {}
        self.top = 1.0  # the money at the top of the vertical axis
        self.plot = QRectF(92, TOP, 380, 260)  # the matrix in scene units, sized by `_place`
        self.clear()

    # -- feeding -------------------------------------------------------------------------------

    def set_source(self, ws: Workspace | None, journey_id: str | None, stack: QUndoStack | None,
                   money: MoneyFigures | None, period_days: float) -> None:  # fmt: skip
        """What to show; the view redraws itself whenever the undo stack moves."""
        if self.stack is not None and self.stack is not stack:
            self.stack.indexChanged.disconnect(self._stack_moved)
        if stack is not None and stack is not self.stack:
            stack.indexChanged.connect(self._stack_moved)
        self.ws, self.journey_id, self.stack = ws, journey_id, stack
        self.money, self.period_days = money, period_days
        self.refresh()

    def clear(self) -> None:
        self.money = None
        self.canvas.scene().clear()
        self.dots = {}
        self.note.setText(
            QCoreApplication.translate(
                "ImpactMatrix", "Analyse a dataset to place this journey's actions by impact."
            )
        )

    def _stack_moved(self, _index: int) -> None:
        self.refresh()

    @property
    def has_money(self) -> bool:
        return self.money is not None and self.period_days > 0

    def impacts(self) -> list[ActionImpact]:
        if self.ws is None or self.ws.closed or self.journey_id is None:
            return []
        tps = {t.id for t in self.ws.touchpoints(self.journey_id)}
        actions = [a for a in self.ws.actions() if a.touchpoint_id in tps]
        return action_impacts(actions, self.money, self.period_days)

    # -- geometry --------------------------------------------------------------------------------

    def _place(self, ticks: list[str]) -> None:
        """Size the plot to the view: the vertical axis's widest tick on the left, the effort
        axis below, the rest of the visible width and height for the matrix."""
        metrics = QFontMetricsF(self.canvas.font())
        left = max((metrics.horizontalAdvance(t) for t in ticks), default=0.0) + 10
        view = self.canvas.viewport()
        width = max(view.width() - left - RIGHT, MIN_PLOT[0])
        height = max(view.height() - TOP - BOTTOM, MIN_PLOT[1])
        self.plot = QRectF(left, TOP, width, height)
        self.canvas.setSceneRect(0, 0, left + width + RIGHT, TOP + height + BOTTOM)

    def x_of(self, effort: float) -> float:
        return self.plot.left() + (effort - 0.5) / TOP_RATING * self.plot.width()

    def effort_at(self, x: float) -> int:
        raw = (x - self.plot.left()) / self.plot.width() * TOP_RATING + 0.5
        return min(max(round(raw), 1), TOP_RATING)

    def y_of(self, a: ActionImpact) -> float:
        plot = self.plot
        if self.has_money:
            return plot.bottom() - a.yearly_impact / self.top * plot.height()
        return plot.bottom() - (a.impact - 0.5) / TOP_RATING * plot.height()

    def impact_at(self, a: ActionImpact, y: float) -> int:
        share = (self.plot.bottom() - y) / self.plot.height()
        if not self.has_money:
            return min(max(round(share * TOP_RATING + 0.5), 1), TOP_RATING)
        if a.stake <= 0:
            return a.impact  # nothing at stake: only the effort can be dragged
        return impact_rating(a.stake, share * self.top)

    def dot_centre(self, action_id: str) -> QPointF:
        """Where an action's dot is, in the canvas's viewport coordinates (for tests)."""
        return QPointF(self.canvas.mapFromScene(self.dots[action_id].pos()))

    def point_for(self, effort: int, yearly: float) -> QPointF:
        """The viewport point of `effort` and a yearly impact (for tests)."""
        y = self.plot.bottom() - yearly / self.top * self.plot.height()
        return QPointF(self.canvas.mapFromScene(QPointF(self.x_of(effort), y)))

    # -- drawing ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        scene = self.canvas.scene()
        scene.clear()
        self.dots = {}
        impacts = self.impacts()
        if self.ws is None or self.journey_id is None:
            return
        lang = current_language()
        currency = self.money.currency if self.money is not None else "EUR"
        self.top = max((a.stake for a in impacts), default=0.0) or 1.0
        self._place(self._ticks(lang, currency))
        self._axes(lang, currency)
        for a in impacts:
            tip = QCoreApplication.translate(
                "ImpactMatrix",
                "{title}\nEstimated yearly impact {money} (impact {impact} of 5)\n"
                "Effort {effort} of 5 · priority {priority} per effort point",
            ).format(
                title=a.title,
                money=format_money(a.yearly_impact, currency, lang) if self.has_money else "–",
                impact=a.impact,
                effort=a.effort,
                priority=format_money(a.priority, currency, lang) if self.has_money else "–",
            )
            dot = ActionDot(a, QPointF(self.x_of(a.effort), self.y_of(a)), tip)
            scene.addItem(dot)
            label = self._label(a.title, dot.pos())
            label.setData(0, a.action_id)  # whose label (tests)
            scene.addItem(label)
            self.dots[a.action_id] = dot
        if not impacts:
            text = QCoreApplication.translate("ImpactMatrix", "This journey has no open action.")
        elif self.has_money:
            text = QCoreApplication.translate(
                "ImpactMatrix",
                "Up: estimated yearly impact (the money at stake at the action's card over a "
                "year × its impact rating ÷ 5). Drag an action to re-rate it.",
            )
        else:
            text = QCoreApplication.translate(
                "ImpactMatrix",
                "Up: impact rating (no money figures: set the journey's value model and analyse). "
                "Drag an action to re-rate it.",
            )
        self.note.setText(text)

    def _label(self, title: str, at: QPointF) -> QGraphicsSimpleTextItem:
        """The action's title beside its dot, inside the plot: right of the dot, or left of it
        when it would pass the right edge (elided to the room on the wider side)."""
        label = QGraphicsSimpleTextItem()
        label.setBrush(QColor("#1f2933"))
        plot, gap = self.plot, RADIUS + 3
        text = title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1] + "…"
        metrics = QFontMetricsF(label.font())
        right_room, left_room = plot.right() - at.x() - gap - 2, at.x() - plot.left() - gap - 2
        fits_right = metrics.horizontalAdvance(text) <= right_room
        on_right = fits_right or right_room >= left_room
        room = right_room if on_right else left_room
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0.0))
        label.setText(text)
        w, h = label.boundingRect().width(), label.boundingRect().height()
        x = at.x() + gap if on_right else at.x() - gap - w
        y = min(max(at.y() - h / 2, plot.top() + 1), plot.bottom() - h - 1)
        label.setPos(x, y)
        return label

    def _ticks(self, lang: str, currency: str) -> list[str]:
        """The vertical axis's tick labels, bottom to top."""
        if self.has_money:
            return [format_money(self.top * share, currency, lang) for share in (0.0, 0.5, 1.0)]
        return [str(rating) for rating in range(1, TOP_RATING + 1)]

    def _axes(self, lang: str, currency: str) -> None:
        scene, plot = self.canvas.scene(), self.plot
        grid = QPen(QColor("#c5ccd5"))
        scene.addRect(plot, grid)
        mid = QPen(QColor("#c5ccd5"), 1, Qt.PenStyle.DashLine)
        scene.addLine(plot.center().x(), plot.top(), plot.center().x(), plot.bottom(), mid)
        scene.addLine(plot.left(), plot.center().y(), plot.right(), plot.center().y(), mid)
        for effort in range(1, TOP_RATING + 1):
            tick = scene.addSimpleText(str(effort))
            tick.setPos(self.x_of(effort) - 3, plot.bottom() + 4)
        across = scene.addSimpleText(QCoreApplication.translate("ImpactMatrix", "Effort →"))
        across.setPos(plot.right() - 60, plot.bottom() + 20)
        quick = scene.addSimpleText(QCoreApplication.translate("ImpactMatrix", "Quick wins"))
        quick.setBrush(QColor("#616e7c"))
        quick.setPos(plot.left() + 6, plot.top() + 4)
        ticks = self._ticks(lang, currency)
        if self.has_money:
            for share, text in zip((0.0, 0.5, 1.0), ticks, strict=True):
                tick = scene.addSimpleText(text)
                tick.setPos(2, plot.bottom() - share * plot.height() - 8)
        else:
            for rating, text in enumerate(ticks, start=1):
                tick = scene.addSimpleText(text)
                y = plot.bottom() - (rating - 0.5) / TOP_RATING * plot.height()
                tick.setPos(plot.left() - 16, y - 8)

    # -- dragging --------------------------------------------------------------------------------

    def dropped(self, a: ActionImpact, at: QPointF) -> None:
        """A drag ended at `at` (scene): one undo step when the rating changes."""
        from cxmapper.ui.commands import push
        from cxmapper.ui.commands.action_rating import RateActionCommand

        effort, impact = self.effort_at(at.x()), self.impact_at(a, at.y())
        ws, stack = self.ws, self.stack  # without a workspace no dot is drawn (`refresh`)
        if (impact, effort) != (a.impact, a.effort) and ws is not None and stack is not None:
            push(stack, RateActionCommand(ws, a.action_id, impact, effort))
        self.refresh()  # a refused or unchanged drag snaps back
