"""The analysis dock and its menu, built lazily.

The panel needs pandas and pyqtgraph (~0.6 s to import); a workshop that only draws a map
never pays for them. The dock shows a placeholder until it is first opened or an analysis
action is used, then builds the real panel and hands it the current context.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QWidget,
)

from cxmapper.model.changes import Change
from cxmapper.model.workspace import Workspace
from cxmapper.present.labels import OVERLAY_MENU, overlay_menu_label
from cxmapper.ui.overlay.memory import AnalysisMemory
from cxmapper.ui.overlay.money_overlay import MONEY, money_menu_label
from cxmapper.ui.settings import AppSettings

if TYPE_CHECKING:
    from cxmapper.io.friction_data import FrictionData
    from cxmapper.present.overlay import Overlay
    from cxmapper.ui.canvas.scene import JourneyScene
    from cxmapper.ui.overlay.panel import AnalysisPanel

OVERLAY_CHOICES = (*OVERLAY_MENU, MONEY)  # keys; the menu texts are labels


class VerticalScroll(QScrollArea):
    """Scrolls up and down only, and only below the panel's minimum height: as wide as the
    panel needs (its fields never cut on the right), the panel filling the height it is given
    as it did straight in the dock (QScrollArea's own resizing would give a panel with wrapped
    text its preferred height and scroll the chart away on an ordinary screen)."""

    def __init__(self, inner: QWidget) -> None:
        super().__init__()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(inner)
        inner.installEventFilter(self)

    def _fit(self) -> None:
        inner = self.widget()
        if inner is not None:
            vp = self.viewport().size()
            inner.resize(vp.width(), max(vp.height(), inner.minimumSizeHint().height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a wider view (another tab) widens the dock
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.minimumSizeHint().width() + bar, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.sizeHint().width() + bar, super().sizeHint().height())


class AnalysisDock(QDockWidget):
    """Hosts the `AnalysisPanel`; forwards its overlay to `scene` and its picks to `select`."""

    def __init__(
        self,
        window: QMainWindow,
        scene: JourneyScene | None,
        select: Callable[[str], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("OverlayDock", "Analysis"), window)
        self.setObjectName("analysisDock")
        self._scene = scene
        self._select = select
        self._context: tuple[Workspace | None, str | None, QUndoStack | None] = (None, None, None)
        settings = getattr(window, "settings", None)
        self.memory = AnalysisMemory(settings) if isinstance(settings, AppSettings) else None
        self.panel: AnalysisPanel | None = None
        placeholder = QLabel(
            QCoreApplication.translate(
                "OverlayDock",
                "Import an event log (Analysis ▸ Import events…) to overlay behaviour.",
            )
        )
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setWordWrap(True)
        self.setWidget(placeholder)
        self.visibilityChanged.connect(lambda visible: visible and self.ensure_panel())
        self.overlay_group = QActionGroup(self)
        self.overlay_actions: dict[str, QAction] = {}
        for i, key in enumerate(OVERLAY_CHOICES):
            text = money_menu_label() if key == MONEY else overlay_menu_label(key)
            action = QAction(text, self)
            action.setObjectName(f"overlay.{key}")
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{i}"))
            action.setChecked(key == "none")
            action.triggered.connect(lambda _=False, k=key: self.choose_overlay(k))
            self.overlay_group.addAction(action)
            self.overlay_actions[key] = action
        settings = getattr(window, "settings", None)
        self._settings = settings if isinstance(settings, AppSettings) else AppSettings()
        self.all_paths_action = QAction(
            QCoreApplication.translate("OverlayDock", "&All unexpected paths"), self
        )
        self.all_paths_action.setObjectName("overlay.all-paths")
        self.all_paths_action.setCheckable(True)
        self.all_paths_action.setStatusTip(
            QCoreApplication.translate(
                "OverlayDock",
                "Draw every path seen in the data but not on the map, not only the most walked few",
            )
        )
        self.all_paths_action.setChecked(self._settings.all_unexpected_paths)
        self.all_paths_action.toggled.connect(self.show_all_paths)
        if self._scene is not None:
            self._scene.overlay.show_all_unexpected(self._settings.all_unexpected_paths)
        self.import_action = QAction(
            QCoreApplication.translate("OverlayDock", "Import &events…"), self
        )
        self.import_action.setObjectName("analysis.import-events")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip(
            QCoreApplication.translate(
                "OverlayDock", "Import an event log (CSV, Excel, Parquet, JSON Lines, XES)"
            )
        )
        self.import_action.triggered.connect(self.import_events)
        self.show_action = QAction(
            QCoreApplication.translate("OverlayDock", "Analysis &panel"), self
        )
        self.show_action.setObjectName("analysis.panel")
        self.show_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.show_action.setStatusTip(
            QCoreApplication.translate(
                "OverlayDock", "Show the analysis panel (funnel, trends, top friction)"
            )
        )
        self.show_action.triggered.connect(self.present)
        self.run_action = QAction(QCoreApplication.translate("OverlayDock", "&Analyse"), self)
        self.run_action.setObjectName("analysis.run")
        self.run_action.setShortcut(QKeySequence("Ctrl+R"))
        self.run_action.triggered.connect(lambda: self.ensure_panel().run())
        window.addActions([self.import_action, self.run_action, self.show_action,
                           *self.overlay_actions.values(), self.all_paths_action])  # fmt: skip
        self._enable_actions(False)

    def build_menu(self, menu: QMenu) -> None:
        menu.addAction(self.import_action)
        menu.addAction(self.run_action)
        overlays = menu.addMenu(QCoreApplication.translate("OverlayDock", "&Overlay"))
        overlays.setObjectName("menu.overlay")
        overlays.addActions(list(self.overlay_actions.values()))
        overlays.addSeparator()
        overlays.addAction(self.all_paths_action)
        menu.addSeparator()
        menu.addAction(self.show_action)

    def ensure_panel(self) -> AnalysisPanel:
        if self.panel is None:
            from cxmapper.ui.overlay import jobs
            from cxmapper.ui.overlay.panel import AnalysisPanel

            jobs.prewarm()  # the libraries load in a worker while the user sets up the analysis
            panel = AnalysisPanel()
            panel.overlay_changed.connect(self._show_overlay)
            panel.touchpoint_activated.connect(self._select)
            panel.overlay.currentIndexChanged.connect(self._sync_menu)
            panel.overlay_labels_changed.connect(self._label_overlay_actions)
            panel.selected_touchpoints = self._selected_touchpoints
            panel.memory = self.memory
            self.panel = panel
            # scrolls rather than pushing the window past a small screen (150 % scale on a
            # 1366x768 laptop leaves 512 logical pixels; the result views need more)
            scroll = VerticalScroll(panel)
            scroll.setObjectName("analysisScroll")
            self.setWidget(scroll)
            panel.set_context(*self._context)
        return self.panel

    def set_context(
        self, ws: Workspace | None, journey_id: str | None, stack: QUndoStack | None
    ) -> None:
        self._context = (ws, journey_id, stack)
        if self.panel is None and self._remembered(ws, journey_id):
            self.ensure_panel()  # the last analysis comes back, overlay included
        elif self.panel is not None:
            self.panel.set_context(ws, journey_id, stack)
        elif self._scene is not None:
            self._scene.set_overlay(None)
        self._enable_actions(ws is not None and journey_id is not None)

    def _remembered(self, ws: Workspace | None, journey_id: str | None) -> bool:
        """Whether this journey was analysed in an earlier session (then the panel is built)."""
        if self.memory is None or ws is None or journey_id is None:
            return False
        return self.memory.load(ws.path, journey_id) is not None

    def _label_overlay_actions(self, goal: bool) -> None:
        self.overlay_actions["dropoff"].setText(
            QCoreApplication.translate("OverlayDock", "&Drop-off")
            if goal
            else QCoreApplication.translate("OverlayDock", "E&xits (no goal card)")
        )

    def _enable_actions(self, enabled: bool) -> None:
        actions = (self.import_action, self.run_action, self.all_paths_action)
        for action in (*actions, *self.overlay_actions.values()):
            action.setEnabled(enabled)

    def on_change(self, change: Change) -> None:
        if self.panel is not None:
            self.panel.on_change(change)

    def import_events(self, path: str | None = None) -> bool:
        """Run the import wizard; a successful import becomes one undoable step."""
        ws, journey_id, _ = self._context
        if ws is None or journey_id is None:
            return False
        from cxmapper.ui.overlay.import_dialog import ImportDialog

        folder = "" if ws.path == ":memory:" else str(Path(ws.path).parent)
        dialog = ImportDialog(self.window(), path, folder)
        imported = dialog.imported if dialog.exec() == ImportDialog.DialogCode.Accepted else None
        accepted = imported is not None
        if imported is not None:
            self.present()
            self.ensure_panel().store_dataset(imported)
        dialog.deleteLater()
        return accepted

    def present(self) -> None:
        """Show the panel in front, even when it shares a tab group with other panels."""
        self.show()
        self.raise_()
        self.ensure_panel()

    def choose_overlay(self, key: str) -> None:
        panel = self.ensure_panel()
        panel.overlay.setCurrentIndex(panel.overlay.findData(key))
        if key != "none" and panel.result is None and panel.dataset.count():
            panel.run()

    def show_all_paths(self, on: bool) -> None:
        """Every unexpected path on the map, or the most walked few; remembered per user."""
        self._settings.all_unexpected_paths = on
        if self._scene is not None:
            self._scene.overlay.show_all_unexpected(on)

    def _sync_menu(self) -> None:
        if self.panel is not None:
            key = self.panel.overlay.currentData()
            if key in self.overlay_actions:
                self.overlay_actions[key].setChecked(True)

    def _show_overlay(self, overlay: Overlay) -> None:
        if self._scene is None:
            return
        if not overlay.cards and not overlay.connector_widths:
            self._scene.set_overlay(None)
            return
        self._scene.set_overlay(
            overlay.cards,
            overlay.connector_widths,
            overlay.unexpected,
            overlay.legend,
            overlay.connector_tooltips,
            overlay.scale,
            overlay.channel_hops,
            overlay.channel_cards,
        )

    def current_analysis(self) -> tuple[FrictionData | None, Overlay | None]:
        """The analysis shown now (its friction data, named after its dataset) and its overlay
        drawn as on screen, for exports that include them."""
        panel = self.panel
        if panel is None or panel.result is None:
            return None, None
        from cxmapper.io.friction_data import coerce_friction

        overlay = panel.current_overlay()
        overlay.all_unexpected = self.all_paths_action.isChecked()  # as on screen
        data = coerce_friction(panel.result)  # the result does not know its dataset's name
        ws, ds_id = self._context[0], panel.dataset.currentData()
        ds = ws.find("dataset", ds_id) if ws is not None and ds_id else None
        if data is not None and ds is not None:
            data.dataset_name = ds.name  # as the CLI's --dataset does
        return data, overlay if overlay.cards else None

    def _selected_touchpoints(self) -> list[str]:
        if self._scene is None:
            return []
        return [i for kind, i in self._scene.selected_entities() if kind == "touchpoint"]


__all__ = ["AnalysisDock"]
