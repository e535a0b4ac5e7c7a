"""The application window: one open workspace, its journeys, the map, and the inspector.

The window owns the workspace, its ModelBridge and the undo stack. Panels get an
InspectorContext (workspace + stack) and follow the bridge's `changed` signal; they never
write to the file except through undo commands. The canvas is another package and is used
only through its published API (see `_create_canvas`).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QStandardPaths, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from cxmapper.errors import CxError
from cxmapper.model.changes import Change
from cxmapper.model.kpi_kinds import add_standard_kpis
from cxmapper.model.workspace import Workspace
from cxmapper.ui import dock_layout, file_dialogs
from cxmapper.ui.dialogs import messages
from cxmapper.ui.find_bar import FindBar
from cxmapper.ui.icons import icon
from cxmapper.ui.inspector import InspectorContext, InspectorPanel
from cxmapper.ui.inspector.journey_comments import JourneyComments
from cxmapper.ui.journey_panel import JourneyPanel
from cxmapper.ui.menus import build_menus
from cxmapper.ui.model_bridge import ModelBridge
from cxmapper.ui.overlay.dock import AnalysisDock
from cxmapper.ui.recent_menu import fill_recent_menu
from cxmapper.ui.settings import AppSettings
from cxmapper.ui.toolbar import build_toolbar
from cxmapper.ui.transfer import TransferController
from cxmapper.ui.undo_stack import GuardedUndoStack
from cxmapper.ui.voice.dock import VoiceDock

if TYPE_CHECKING:
    from cxmapper.ui.canvas.scene import JourneyScene
    from cxmapper.ui.canvas.view import JourneyView
    from cxmapper.ui.dialogs.people_kpis import PeopleKpisDialog
    from cxmapper.ui.overlay.jobs import BackgroundJob

log = logging.getLogger(__name__)
APP_TITLE = "cxmapper"
OPEN_ERRORS = (CxError, sqlite3.Error, OSError)
Shortcut = QKeySequence | QKeySequence.StandardKey | str  # what QKeySequence() is made from


def _create_canvas(parent: QWidget) -> tuple[JourneyScene, JourneyView] | tuple[None, QLabel]:
    """(scene, view) of the journey canvas, or (None, a placeholder) if it cannot load."""
    try:
        from cxmapper.ui.canvas.scene import JourneyScene
        from cxmapper.ui.canvas.view import JourneyView
    except ImportError as exc:
        log.warning("journey canvas unavailable: %s", exc)
        label = QLabel(
            QCoreApplication.translate(
                "MainWindow", "The journey map canvas is not available in this build."
            ),
            parent,
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return None, label
    scene = JourneyScene(parent)
    return scene, JourneyView(scene, parent)


class MainWindow(QMainWindow):
    # menus and actions, built by menus.build_menus
    recent_menu: QMenu
    import_menu: QMenu
    export_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    journey_menu: QMenu
    analysis_menu: QMenu
    feedback_badges_action: QAction
    governance_action: QAction
    about_action: QAction

    def __init__(self, settings: AppSettings | None = None, poll_ms: int = 1000) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self._poll_ms = poll_ms
        self.workspace: Workspace | None = None
        self.bridge: ModelBridge | None = None
        self.ctx: InspectorContext | None = None
        self.journey_id: str | None = None
        self.people_dialog: PeopleKpisDialog | None = None
        self.demo_job: BackgroundJob | None = None  # the demo's import while it runs (demo_data)
        self._docks_before_presentation: dict[QDockWidget, bool] = {}
        self._was_maximized = False
        self.undo_stack = GuardedUndoStack(self)
        self.undo_stack.refused.connect(self._model_refused)
        self.setWindowTitle(APP_TITLE)
        self._fit_to_screen(1440, 900)

        self.scene: JourneyScene | None
        self.view: JourneyView | QLabel  # a label in place of the canvas if it cannot load
        self.scene, self.view = _create_canvas(self)
        self.find_bar = FindBar(lambda: self.scene, self)
        self.find_bar.hide()
        self.addActions([self.find_bar.next_action, self.find_bar.previous_action])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.journey_panel = JourneyPanel()
        self.inspector = InspectorPanel()
        self.history = QUndoView(self.undo_stack)
        self.history.setEmptyLabel(self.tr("Opened workspace"))
        self.comments = JourneyComments()
        self.journeys_dock = self._dock(self.tr("Journeys"), "journeysDock", self.journey_panel)
        self.inspector_dock = self._dock(self.tr("Inspector"), "inspectorDock", self.inspector)
        self.history_dock = self._dock(self.tr("History"), "historyDock", self.history)
        self.comments_dock = self._dock(self.tr("Comments"), "commentsDock", self.comments)
        self.analysis_dock = AnalysisDock(self, self.scene, self.select_touchpoint)
        self.voice_dock = VoiceDock(self, self.select_touchpoint)
        self.transfer = TransferController(
            self,
            lambda: (self.workspace, self.journey_id),
            self.undo_stack,
            self.analysis_dock.current_analysis,
            self.show_error,
        )
        tabbed = [
            self.journeys_dock,
            self.inspector_dock,
            self.analysis_dock,
            self.voice_dock,
            self.comments_dock,
            self.history_dock,
        ]
        dock_layout.arrange(self, tabbed, front=self.inspector_dock)
        self.analysis_dock.hide()
        self.voice_dock.hide()  # Analysis ▸ Voice of the Customer
        self.history_dock.hide()  # View ▸ History; four tabs read in full beside the map

        self.save_label = QLabel()
        self.last_action_label = QLabel()
        self.statusBar().addWidget(self.last_action_label, 1)
        self.statusBar().addPermanentWidget(self.save_label)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect()
        self._restore_layout()
        self._update_enabled()

    # -- construction ------------------------------------------------------------------------

    def _fit_to_screen(self, width: int, height: int) -> None:
        """First start: a roomy window, but never larger than a workshop laptop's screen."""
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height())
        self.resize(width, height)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _action(self, text: str, shortcut: Shortcut | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        # fmt: off
        self.new_action = self._action(self.tr("&New Workspace…"), K.New, self.tr("Create an empty workspace file"))
        self.open_action = self._action(self.tr("&Open…"), K.Open, self.tr("Open a .cxmap workspace"))
        self.demo_action = self._action(self.tr("Open &Demo"), None, self.tr("Open a sample workspace"))
        self.save_as_action = self._action(self.tr("Save &As…"), "Ctrl+Shift+S", self.tr("Save a copy of the workspace; you keep working in this one"))
        self.close_action = self._action(self.tr("&Close"), "Ctrl+W", self.tr("Close the workspace"))
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find_action = self._action(self.tr("&Find…"), "Ctrl+F", self.tr("Find touchpoints by title, owner, channel or tag"))
        self.presentation_action = self._action(self.tr("&Presentation Mode"), "F11", self.tr("Full screen with larger text; Esc leaves"))
        self.presentation_action.setCheckable(True)
        self.people_action = self._action(self.tr("People && &KPIs…"), "Ctrl+Shift+K", self.tr("People, teams and KPI definitions"))
        # fmt: on
        self.new_action.triggered.connect(self.new_workspace)
        self.open_action.triggered.connect(self.open_dialog)
        self.demo_action.triggered.connect(self.open_demo)
        self.save_as_action.triggered.connect(self.save_as_dialog)
        self.close_action.triggered.connect(self.close_workspace_by_user)
        self.quit_action.triggered.connect(self.close)
        self.find_action.triggered.connect(self.find_bar.open)
        self.presentation_action.toggled.connect(self.set_presentation)
        self.people_action.triggered.connect(self.show_people_dialog)
        names = {  # tests and scripts find actions by these, never by their (translatable) text
            "file.new": self.new_action, "file.open": self.open_action,
            "file.demo": self.demo_action, "file.save-as": self.save_as_action,
            "file.close": self.close_action, "file.quit": self.quit_action,
            "edit.undo": self.undo_action, "edit.redo": self.redo_action,
            "view.find": self.find_action, "view.presentation": self.presentation_action,
            "journey.people": self.people_action,
            "view.find-next": self.find_bar.next_action,
            "view.find-previous": self.find_bar.previous_action,
        }  # fmt: skip
        for name, action in names.items():
            action.setObjectName(name)
        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape_shortcut.setEnabled(False)
        self.escape_shortcut.activated.connect(lambda: self.presentation_action.setChecked(False))

    def _canvas_actions(self) -> dict[str, list[QAction]]:
        if not isinstance(self.view, QLabel):  # the canvas, not its placeholder
            try:
                return dict(self.view.canvas_actions())
            except Exception:  # a canvas bug must not stop the window from opening
                log.exception("canvas_actions() failed")
        return {}

    def _build_menus(self) -> None:
        build_menus(self)

    def _build_toolbar(self) -> None:
        by_name = {a.objectName(): a for group in self._canvas_actions().values() for a in group}
        self.toolbar = build_toolbar(
            self, by_name, [[self.find_action, self.presentation_action], [self.people_action]]
        )
        self.undo_action.setIcon(icon("undo"))
        self.redo_action.setIcon(icon("redo"))

    def _connect(self) -> None:
        self.journey_panel.journey_selected.connect(self.show_journey)
        self.comments.touchpoint_activated.connect(self.select_touchpoint)
        self.undo_stack.indexChanged.connect(lambda _: self._show_last_action())
        if self.scene is not None:
            self.scene.selectionChanged.connect(self._scene_selection_changed)

    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is None or not self.restoreState(state, dock_layout.LAYOUT_VERSION):
            # the default column width once the window has its real size
            QTimer.singleShot(0, lambda: dock_layout.size_side(self, self.inspector_dock))

    def save_layout(self) -> None:
        geometry: QByteArray = self.saveGeometry()
        if self.presentation_action.isChecked():
            self.set_presentation(False)
            geometry = self.saveGeometry()
        self.settings.save_window(geometry, self.saveState(dock_layout.LAYOUT_VERSION))
        self.settings.sync()

    # -- opening and closing -----------------------------------------------------------------

    def open_path(self, path: str | Path) -> bool:
        """Open a workspace; a file the model refuses is explained and nothing else changes."""
        path = str(path)
        try:
            workspace = Workspace.open(path)
        except OPEN_ERRORS as exc:
            self.show_error(self.tr("Cannot open workspace"), str(exc))
            if not Path(path).exists():
                self.settings.remove_recent(str(Path(path).resolve()))
            return False
        self.attach(workspace)
        return True

    def create_path(self, path: str | Path) -> bool:
        try:
            workspace = Workspace.create(path)
        except OPEN_ERRORS as exc:
            self.show_error(self.tr("Cannot create workspace"), str(exc))
            return False
        add_standard_kpis(workspace)  # NPS, CSAT... ready for readings; a new file: no undo step
        self.attach(workspace)
        return True

    def attach(self, workspace: Workspace) -> None:
        """Make `workspace` the window's workspace (closing any previous one)."""
        self.close_workspace()
        self.workspace = workspace
        if self.settings.author:  # the change log names who edits (else the login name)
            workspace.author = self.settings.author
        self.bridge = ModelBridge(workspace, self, poll_ms=self._poll_ms)
        self.bridge.changed.connect(self._on_change)
        self.ctx = InspectorContext(
            workspace, self.undo_stack, self._model_refused, self.ask_author
        )
        self.inspector.set_context(self.ctx)
        self.journey_panel.set_context(self.ctx)
        if self.journey_id is None:
            self.show_journey(self.journey_panel.current_journey_id())
        self.settings.add_recent(workspace.path)
        self.settings.last_workspace = str(Path(workspace.path).resolve())
        self.save_label.setText(self.tr("All changes saved"))
        self._update_title()
        self._update_enabled()
        self._show_last_action()

    def close_workspace(self) -> None:
        if self.workspace is None:
            return
        if self.presentation_action.isChecked():
            self.presentation_action.setChecked(False)
        self.find_bar.dismiss()
        if self.people_dialog is not None:
            self.people_dialog.close()
            self.people_dialog = None
        self.show_journey(None)
        if self.bridge is not None:
            self.bridge.detach()
            self.bridge.deleteLater()
            self.bridge = None
        self.undo_stack.clear()
        self.ctx = None
        self.journey_panel.set_context(None)
        self.inspector.set_context(None)
        self.workspace.close()
        self.workspace = None
        self.save_label.setText("")
        self._update_title()
        self._update_enabled()

    def close_workspace_by_user(self) -> None:
        """Close from the menu: next start shows the start dialog instead of reopening it."""
        self.close_workspace()
        self.settings.last_workspace = None

    def new_workspace(self) -> bool:
        suggested = file_dialogs.unused_name(
            Path(self._default_folder()), "New workspace", ".cxmap"
        )
        path = messages.ask_save_path(self, self.tr("New workspace"), str(suggested))
        return self.create_path(path) if path else False

    def open_dialog(self) -> bool:
        path = messages.ask_open_path(self, self._default_folder())
        return self.open_path(path) if path else False

    def save_as_dialog(self) -> bool:
        if self.workspace is None:
            return False
        current = Path(self.workspace.path)
        folder = Path(self._default_folder())
        suggested = file_dialogs.unused_name(folder, f"{current.stem} copy", ".cxmap")
        path = messages.ask_save_path(self, self.tr("Save a copy as"), str(suggested))
        return self.save_as(path) if path else False

    def save_as(self, path: str | Path) -> bool:
        if self.workspace is None:
            return False
        try:
            self.workspace.save_as(path)
        except OPEN_ERRORS as exc:
            self.show_error(self.tr("Cannot save a copy"), str(exc))
            return False
        self.settings.add_recent(str(path))
        self.statusBar().showMessage(self.tr("Saved a copy as {path}").format(path=path), 8000)
        return True

    def open_demo(self) -> bool:
        """Open the sample workspace (written the first time) with its data (demo_data.py)."""
        from cxmapper.ui import demo_data

        return demo_data.open_demo(self)

    def _default_folder(self) -> str:
        """An existing folder to start file dialogs in (never a name the dialog would
        mistake for a file to select)."""
        candidates = []
        if self.workspace is not None and self.workspace.path != ":memory:":
            candidates.append(Path(self.workspace.path).parent)
        candidates += [Path(p).parent for p in self.settings.recent_files()[:1]]
        for location in (
            QStandardPaths.StandardLocation.DocumentsLocation,
            QStandardPaths.StandardLocation.HomeLocation,
        ):
            candidates.append(Path(QStandardPaths.writableLocation(location)))
        return str(next((c for c in candidates if c.is_dir()), Path.cwd()))

    def _fill_recent_menu(self) -> None:
        fill_recent_menu(self)

    # -- journeys, selection -----------------------------------------------------------------

    def show_journey(self, journey_id: str | None) -> None:
        self.journey_id = journey_id
        ws = self.workspace
        if self.scene is not None:
            try:
                if ws is not None and self.bridge is not None and journey_id is not None:
                    self.scene.set_journey(ws, journey_id, self.undo_stack, self.bridge)
                else:
                    self.scene.clear_scene()
            except Exception:  # keep the shell usable if the canvas fails on odd data
                log.exception("canvas could not show journey %s", journey_id)
        self.inspector.set_journey(journey_id)
        self.analysis_dock.set_context(ws if journey_id else None, journey_id, self.undo_stack)
        self.voice_dock.set_context(self.ctx if ws else None, journey_id)
        self.comments.set_journey(ws, journey_id)
        self.find_bar.set_journey(ws, journey_id)
        self._update_enabled()
        self._update_title()

    def _scene_selection_changed(self) -> None:
        if self.scene is None or self.workspace is None:
            return
        try:
            selection = list(self.scene.selected_entities())
        except RuntimeError:  # scene being torn down
            return
        self.inspector.show_selection(selection)

    def select_touchpoint(self, touchpoint_id: str) -> None:
        """Show a card in the inspector and select it on the map (comments dock, find),
        switching to its journey first if it lives in another one."""
        if self.workspace is not None:
            journey_id = self.workspace.journey_of("touchpoint", touchpoint_id)
            if journey_id is not None and journey_id != self.journey_id:
                self.journey_panel.select_journey(journey_id)
        if self.scene is not None:
            self.scene.select_entity("touchpoint", touchpoint_id)
        if self.inspector.current != ("touchpoint", touchpoint_id):
            self.inspector.show_entity("touchpoint", touchpoint_id)
        self.inspector_dock.show()

    # -- model notifications -----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        self.journey_panel.on_change(change)
        self.inspector.on_change(change)
        self.comments.on_change(change)
        self.analysis_dock.on_change(change)
        self.voice_dock.on_change(change)
        if self.people_dialog is not None:
            self.people_dialog.on_change(change)
        if change.action == "reloaded":
            self.statusBar().showMessage(
                self.tr("Updated with changes made in another window"), 5000
            )
        else:
            self.save_label.setText(self.tr("All changes saved"))

    def _show_last_action(self) -> None:
        text = self.undo_stack.undoText()
        self.last_action_label.setText(
            self.tr("Last action: {text}").format(text=text) if text else ""
        )

    def _model_refused(self, message: str) -> None:
        self.show_error(self.tr("That change was not made"), message)

    def show_error(self, title: str, message: str) -> None:
        messages.show_error(self, title, message)

    def ask_author(self) -> str | None:
        """The name comments are signed with: asked once, then remembered."""
        author = self.settings.author
        if not author:
            author = (
                messages.ask_text(self, self.tr("Your name"), self.tr("Sign your comments as:"))
                or ""
            )
            if author:
                self.settings.author = author
                if self.workspace is not None:
                    self.workspace.author = author
        return author or None

    def show_people_dialog(self) -> PeopleKpisDialog | None:
        if self.ctx is None:
            return None
        if self.people_dialog is None:
            from cxmapper.ui.dialogs.people_kpis import PeopleKpisDialog

            self.people_dialog = PeopleKpisDialog(self.ctx, self)
        self.people_dialog.show()
        if QGuiApplication.platformName() != "offscreen":  # offscreen warns it cannot raise
            self.people_dialog.raise_()
        return self.people_dialog

    # -- presentation mode -------------------------------------------------------------------

    def set_presentation(self, on: bool) -> None:
        """Full screen, docks and menus hidden, larger text on the map; Esc or F11 leaves."""
        if self.presentation_action.isChecked() != on:
            self.presentation_action.setChecked(on)  # re-enters through toggled
            return
        docks = self.findChildren(QDockWidget)  # every dock, the analysis dock included
        if on:
            self._docks_before_presentation = {d: d.isVisible() for d in docks}
            self._was_maximized = self.isMaximized()
            for dock in docks:
                dock.hide()
            self.menuBar().hide()
            self.statusBar().hide()
            self.toolbar.hide()
            self.find_bar.dismiss()
            self.showFullScreen()
        else:
            for dock, visible in self._docks_before_presentation.items():
                dock.setVisible(visible)
            self.menuBar().show()
            self.statusBar().show()
            self.toolbar.show()
            if self._was_maximized:
                self.showMaximized()
            else:
                self.showNormal()
        self.escape_shortcut.setEnabled(on)
        if not isinstance(self.view, QLabel):  # the canvas, not its placeholder
            self.view.set_presentation(on)
            if on:  # the window manager resizes us later; fit the map again once it has
                QTimer.singleShot(250, self._refit_presentation)
        else:
            font = QFont(self.view.font())
            font.setPointSizeF(font.pointSizeF() * (1.5 if on else 1 / 1.5))
            self.view.setFont(font)

    def _refit_presentation(self) -> None:
        if self.in_presentation and not isinstance(self.view, QLabel):
            self.view.set_presentation(True)

    @property
    def in_presentation(self) -> bool:
        return self.presentation_action.isChecked()

    # -- state of the chrome -----------------------------------------------------------------

    def _update_title(self) -> None:
        if self.workspace is None:
            self.setWindowTitle(APP_TITLE)
            return
        title = f"{self.workspace.name} — {APP_TITLE}"
        self.setWindowTitle(title)

    def _update_enabled(self) -> None:
        has_ws = self.workspace is not None
        for action in (
            self.save_as_action,
            self.close_action,
            self.find_action,
            self.people_action,
        ):
            action.setEnabled(has_ws)
        self.journeys_dock.widget().setEnabled(has_ws)
        # canvas actions act on a shown journey: greyed out rather than doing nothing
        on_canvas = has_ws and getattr(self, "journey_id", None) is not None
        for group in self._canvas_actions().values():
            for action in group:
                action.setEnabled(on_canvas)
        self.presentation_action.setEnabled(on_canvas)
        self.transfer.update_enabled()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.close_workspace()
        super().closeEvent(event)
