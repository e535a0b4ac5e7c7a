"""JourneyView: zoom, pan, pinned headers, presentation mode and the canvas actions.

The view owns no journey state; it asks the scene (`scene.editor`) to act and keeps the
headers pinned by telling the scene what part of it is visible after every scroll or zoom.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPixmapCache,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QMenu, QWidget

from cxmapper.ui.canvas import keyboard, layout
from cxmapper.ui.canvas.legend_strip import LegendStrip
from cxmapper.ui.canvas.scene import JourneyScene

if TYPE_CHECKING:
    from cxmapper.ui.canvas.editing import SceneEditor
    from cxmapper.ui.canvas.gestures import Gestures

MIN_ZOOM = 0.05
MAX_ZOOM = 4.0
STEP = 1.25
OVERVIEW_ZOOM = 0.3  # below this, big maps are drawn as one overview item
OVERVIEW_MIN_CARDS = 300
PIXMAP_CACHE_KB = 192 * 1024  # cached cards of a full screen at 100 % fit comfortably
Std = QKeySequence.StandardKey


class JourneyView(QGraphicsView):
    zoomChanged = Signal(float)

    def __init__(self, scene: JourneyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)  # item caches live in QPixmapCache
        self._pan_from: QPoint | None = None
        self._space = False
        self.presentation = False
        self.horizontalScrollBar().valueChanged.connect(self.update_pins)
        self.verticalScrollBar().valueChanged.connect(self.update_pins)
        self._connect_action: QAction | None = None
        self._actions = self._build_actions()
        self.context_menu: QMenu | None = None
        if self._connect_action is not None:
            scene.gestures.connect_mode_changed = self._connect_action.setChecked
        self.legend_strip = LegendStrip(self)  # the overlay legend, in view, over no card
        scene.overlay.on_legend = self.legend_strip.show_legend

    def journey_scene(self) -> JourneyScene:
        s = self.scene()
        assert isinstance(s, JourneyScene)
        return s

    # -- zoom --------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if abs(factor - current) < 1e-6:
            return
        self.scale(factor / current, factor / current)
        self._update_overview()
        self.update_pins()
        self.zoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / STEP)

    def zoom_100(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Show the whole journey (headers included)."""
        rect = self.journey_scene().content_rect()
        if rect.isEmpty():
            return
        vp = self.viewport().rect()
        factor = min(vp.width() / (rect.width() + 20), vp.height() / (rect.height() + 20))
        self.set_zoom(factor)
        self.centerOn(rect.center())
        self.update_pins()

    def _update_overview(self) -> None:
        s = self.journey_scene()
        s.set_overview(self.zoom() < OVERVIEW_ZOOM and len(s.cards) >= OVERVIEW_MIN_CARDS)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """In the overview (far zoom on a big map) a double-click dives in at 100 %."""
        if self.journey_scene().overview:
            target = self.mapToScene(event.position().toPoint())
            self.set_zoom(1.0)
            self.centerOn(target)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom() * STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # -- pan and pins ------------------------------------------------------------------------

    def update_pins(self, *_args: object) -> None:
        s = self.scene()
        if isinstance(s, JourneyScene):
            s.pin_headers(self.mapToScene(self.viewport().rect()).boundingRect())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.presentation and event.size().width() != event.oldSize().width():
            self.set_presentation(True)  # full screen arrives after the switch: fit it again
        self.update_pins()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            d = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - d.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - d.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        event.accept()  # the canvas consumed it (end of a rubber band or a gesture)

    def event(self, event: QEvent) -> bool:
        """Tab walks the cards before it leaves the canvas (see `canvas.keyboard`)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            k, mods = event.key(), event.modifiers()
            ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            tab = k in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods & ctrl_alt
            if tab and self.journey_scene().inline_editor is None:
                forward = k == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
                if not keyboard.tab(self, forward):
                    self.focusNextPrevChild(forward)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.journey_scene().inline_editor is not None
        if not editing and keyboard.key(self, event):
            return
        if event.key() == Qt.Key.Key_Space and not editing:
            if not event.isAutoRepeat():
                self._space = True
                self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self._space and not event.isAutoRepeat():
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click: the canvas actions for what is under the pointer."""
        s = self.journey_scene()
        pos = self.mapToScene(event.pos())
        card = s.card_at(pos)
        if card is not None and not card.isSelected():
            s.clear_all_selection()
            card.setSelected(True)
        if card is None:
            s.set_current_cell(s.cell_at(pos))
        menu = QMenu(self)
        menu.addActions(self._actions["edit"])
        menu.addSeparator()
        menu.addActions(self._actions["structure"])
        self.context_menu = menu
        menu.popup(event.globalPos())
        event.accept()

    # -- presentation ------------------------------------------------------------------------

    def set_presentation(self, on: bool) -> None:
        """Workshop projection: larger titles, no handles or drop hints, fit the width."""
        self.presentation = on
        self.journey_scene().set_presentation(on)
        if on:
            rect = self.journey_scene().content_rect()
            if rect.width() > 0:
                self.set_zoom(min(1.6, max(0.6, self.viewport().width() / (rect.width() + 20))))
            self.show_start()

    def reveal(self, rect: QRectF) -> None:
        """Scroll so that `rect` (scene) is fully visible and not under the pinned headers."""
        zoom = self.zoom() or 1.0
        margin = 16 / zoom  # a little air around the card, in screen pixels
        left, top = layout.LANE_HEADER_W + margin, layout.STAGE_HEADER_H + margin
        target = rect.adjusted(-left, -top, margin, margin)
        self.ensureVisible(target, 0, 0)

    def show_start(self) -> None:
        """Scroll to the first stage and the top lane: where a presentation begins."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    # -- actions -----------------------------------------------------------------------------

    def canvas_actions(self) -> dict[str, list[QAction]]:
        """The canvas actions for menus and toolbars, grouped "edit", "view", "structure"."""
        return {k: list(v) for k, v in self._actions.items()}

    def action(self, name: str) -> QAction:
        """One action by its object name (e.g. "canvas.delete"); handy for tests and menus."""
        for group in self._actions.values():
            for a in group:
                if a.objectName() == name:
                    return a
        raise KeyError(name)

    def _build_actions(self) -> dict[str, list[QAction]]:
        def ed() -> SceneEditor:
            return self.journey_scene().editor

        def g() -> Gestures:
            return self.journey_scene().gestures

        def toggle_connect(on: bool) -> None:
            g().connect_mode = on

        K = QKeySequence
        # (name, text, keys, slot); the text is QT_TRANSLATE_NOOP's, typed object by PySide6
        spec: dict[str, list[tuple[str, object, list[QKeySequence], Callable[..., object]]]] = {
            "edit": [
                ("new-card", QT_TRANSLATE_NOOP("CanvasView", "&New Card"), [K(Qt.Key.Key_Insert), K("Ctrl+Return")], lambda: ed().begin_new_card()),
                ("rename", QT_TRANSLATE_NOOP("CanvasView", "&Rename"), [K(Qt.Key.Key_F2)], self._rename),
                ("delete", QT_TRANSLATE_NOOP("CanvasView", "&Delete"), [K(Std.Delete)], lambda: ed().delete_selected()),
                ("copy", QT_TRANSLATE_NOOP("CanvasView", "&Copy"), [K(Std.Copy)], lambda: ed().copy()),
                ("paste", QT_TRANSLATE_NOOP("CanvasView", "&Paste"), [K(Std.Paste)], lambda: ed().paste()),
                ("duplicate", QT_TRANSLATE_NOOP("CanvasView", "D&uplicate"), [K("Ctrl+D")], lambda: ed().duplicate()),
                ("connect", QT_TRANSLATE_NOOP("CanvasView", "&Connect Tool"), [K("Ctrl+L")], toggle_connect),
                ("select-all", QT_TRANSLATE_NOOP("CanvasView", "Select &All"), [K(Std.SelectAll)], lambda: ed().select_all()),
            ],
            "view": [
                ("zoom-in", QT_TRANSLATE_NOOP("CanvasView", "Zoom &In"), [K(Std.ZoomIn), K("Ctrl+=")], self.zoom_in),
                ("zoom-out", QT_TRANSLATE_NOOP("CanvasView", "Zoom &Out"), [K(Std.ZoomOut)], self.zoom_out),
                ("fit", QT_TRANSLATE_NOOP("CanvasView", "&Fit to Window"), [K("Ctrl+9")], self.fit),
                ("zoom-100", QT_TRANSLATE_NOOP("CanvasView", "&Actual Size (100%)"), [K("Ctrl+0")], self.zoom_100),
            ],
            "structure": [
                ("add-stage", QT_TRANSLATE_NOOP("CanvasView", "Add &Stage"), [K("Ctrl+Alt+N")], lambda: ed().add_stage()),
                ("rename-stage", QT_TRANSLATE_NOOP("CanvasView", "Rename Stage"), [K("Ctrl+Alt+R")], lambda: ed().rename_current("stage")),
                ("delete-stage", QT_TRANSLATE_NOOP("CanvasView", "Delete Stage"), [K("Ctrl+Alt+X")], lambda: ed().delete_current("stage")),
                ("add-lane", QT_TRANSLATE_NOOP("CanvasView", "Add &Lane"), [K("Ctrl+Alt+Shift+N")], lambda: ed().add_lane()),
                ("rename-lane", QT_TRANSLATE_NOOP("CanvasView", "Rename Lane"), [K("Ctrl+Alt+Shift+R")], lambda: ed().rename_current("lane")),
                ("delete-lane", QT_TRANSLATE_NOOP("CanvasView", "Delete Lane"), [K("Ctrl+Alt+Shift+X")], lambda: ed().delete_current("lane")),
                ("move-left", QT_TRANSLATE_NOOP("CanvasView", "Move Stage Left"), [K("Alt+Shift+Left")], lambda: ed().move_current("stage", -1)),
                ("move-right", QT_TRANSLATE_NOOP("CanvasView", "Move Stage Right"), [K("Alt+Shift+Right")], lambda: ed().move_current("stage", 1)),
                ("move-up", QT_TRANSLATE_NOOP("CanvasView", "Move Lane Up"), [K("Alt+Shift+Up")], lambda: ed().move_current("lane", -1)),
                ("move-down", QT_TRANSLATE_NOOP("CanvasView", "Move Lane Down"), [K("Alt+Shift+Down")], lambda: ed().move_current("lane", 1)),
            ],
        }  # fmt: skip
        groups: dict[str, list[QAction]] = {}
        for group, rows in spec.items():
            groups[group] = []
            for name, text, keys, slot in rows:
                action = QAction(QCoreApplication.translate("CanvasView", str(text)), self)
                action.setObjectName(f"canvas.{name}")
                action.setShortcuts(keys)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                if name == "connect":
                    action.setCheckable(True)
                    action.toggled.connect(slot)
                    self._connect_action = action
                else:
                    action.triggered.connect(lambda _checked=False, f=slot: f())
                self.addAction(action)
                groups[group].append(action)
        return groups

    def _rename(self) -> None:
        s = self.journey_scene()
        selected = s.selected_entities()
        if len(selected) == 1:
            s.editor.begin_rename(*selected[0])

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
