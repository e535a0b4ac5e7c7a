"""Impact × effort view: the journey's open improvement actions on a 2-D matrix, to be dragged.

Across: effort (1..5, as rated). Up: the estimated yearly impact in money
(`analysis.action_impact`: the money at stake at the action's card over a year × the share its
impact rating addresses); without money figures (no value model) the impact rating itself.
Dragging an action re-rates it: where it is dropped gives its effort and the impact rating
nearest that height, set by one `RateActionCommand` per drag (undoable, never merged with the
next drag). The quick wins are top left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen
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

PLOT = QRectF(92, 10, 380, 260)  # the matrix in scene units; axis labels around it
RADIUS = 7.0
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
        p = self.mapToScene(event.position().toPoint())
        x = min(max(p.x(), PLOT.left()), PLOT.right())
        y = min(max(p.y(), PLOT.top()), PLOT.bottom())
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
        self.ws: Any = None
        self.journey_id: str | None = None
        self.stack: Any = None
        self.money: Any = None
        self.period_days = 0.0
        self.dots: dict[str, ActionDot] = {}
        self.top = 1.0  # the money at the top of the vertical axis
        self.clear()

    # -- feeding -------------------------------------------------------------------------------

    def set_source(self, ws: Any, journey_id: str | None, stack: Any, money: Any,
                   period_days: float) -> None:  # fmt: skip
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

    def x_of(self, effort: float) -> float:
        return PLOT.left() + (effort - 0.5) / TOP_RATING * PLOT.width()

    def effort_at(self, x: float) -> int:
        raw = (x - PLOT.left()) / PLOT.width() * TOP_RATING + 0.5
        return min(max(round(raw), 1), TOP_RATING)

    def y_of(self, a: ActionImpact) -> float:
        if self.has_money:
            return PLOT.bottom() - a.yearly_impact / self.top * PLOT.height()
        return PLOT.bottom() - (a.impact - 0.5) / TOP_RATING * PLOT.height()

    def impact_at(self, a: ActionImpact, y: float) -> int:
        share = (PLOT.bottom() - y) / PLOT.height()
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
        y = PLOT.bottom() - yearly / self.top * PLOT.height()
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
        currency = getattr(self.money, "currency", "EUR")
        self.top = max((a.stake for a in impacts), default=0.0) or 1.0
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
            label = QGraphicsSimpleTextItem(a.title if len(a.title) <= 24 else a.title[:23] + "…")
            label.setPos(dot.pos() + QPointF(RADIUS + 3, -8))
            label.setBrush(QColor("#1f2933"))
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

    def _axes(self, lang: str, currency: str) -> None:
        scene = self.canvas.scene()
        grid = QPen(QColor("#c5ccd5"))
        scene.addRect(PLOT, grid)
        mid = QPen(QColor("#c5ccd5"), 1, Qt.PenStyle.DashLine)
        scene.addLine(PLOT.center().x(), PLOT.top(), PLOT.center().x(), PLOT.bottom(), mid)
        scene.addLine(PLOT.left(), PLOT.center().y(), PLOT.right(), PLOT.center().y(), mid)
        for effort in range(1, TOP_RATING + 1):
            tick = scene.addSimpleText(str(effort))
            tick.setPos(self.x_of(effort) - 3, PLOT.bottom() + 4)
        across = scene.addSimpleText(QCoreApplication.translate("ImpactMatrix", "Effort →"))
        across.setPos(PLOT.right() - 60, PLOT.bottom() + 20)
        quick = scene.addSimpleText(QCoreApplication.translate("ImpactMatrix", "Quick wins"))
        quick.setBrush(QColor("#616e7c"))
        quick.setPos(PLOT.left() + 6, PLOT.top() + 4)
        if self.has_money:
            for share in (0.0, 0.5, 1.0):
                tick = scene.addSimpleText(format_money(self.top * share, currency, lang))
                tick.setPos(2, PLOT.bottom() - share * PLOT.height() - 8)
        else:
            for rating in range(1, TOP_RATING + 1):
                tick = scene.addSimpleText(str(rating))
                y = PLOT.bottom() - (rating - 0.5) / TOP_RATING * PLOT.height()
                tick.setPos(PLOT.left() - 16, y - 8)

    # -- dragging --------------------------------------------------------------------------------

    def dropped(self, a: ActionImpact, at: QPointF) -> None:
        """A drag ended at `at` (scene): one undo step when the rating changes."""
        from cxmapper.ui.commands import push
        from cxmapper.ui.commands.action_rating import RateActionCommand

        effort, impact = self.effort_at(at.x()), self.impact_at(a, at.y())
        if (impact, effort) != (a.impact, a.effort) and self.stack is not None:
            push(self.stack, RateActionCommand(self.ws, a.action_id, impact, effort))
        self.refresh()  # a refused or unchanged drag snaps back
