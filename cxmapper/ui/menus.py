"""The main window's menu bar: File, Edit, View, Journey, Analysis, Help.

Built from the actions the window, the canvas, the journey panel, the transfer controller
and the analysis dock own; the menus keep no state of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from cxmapper.ui.canvas.items.feedback_badge import feedback_badges_action
from cxmapper.ui.dialogs.about import show_about
from cxmapper.ui.dialogs.compare_versions import diff_view_actions
from cxmapper.ui.dialogs.value_model import value_model_action
from cxmapper.ui.language_menu import build_language_menu

if TYPE_CHECKING:
    from cxmapper.ui.main_window import MainWindow


def build_menus(w: MainWindow) -> None:
    canvas = w._canvas_actions()
    bar = w.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    file_menu.setObjectName("menu.file")
    file_menu.addActions([w.new_action, w.open_action])
    w.recent_menu = file_menu.addMenu(QCoreApplication.translate("Menus", "Open &Recent"))
    w.recent_menu.setObjectName("menu.recent")
    file_menu.addAction(w.demo_action)
    file_menu.addSeparator()
    file_menu.addActions([w.save_as_action, w.close_action])
    file_menu.addSeparator()
    w.import_menu = file_menu.addMenu(QCoreApplication.translate("Menus", "&Import"))
    w.export_menu = file_menu.addMenu(QCoreApplication.translate("Menus", "&Export"))
    w.import_menu.setObjectName("menu.import")
    w.export_menu.setObjectName("menu.export")
    file_menu.addSeparator()
    file_menu.addAction(w.quit_action)
    w.recent_menu.aboutToShow.connect(w._fill_recent_menu)
    w._fill_recent_menu()

    edit_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
    edit_menu.setObjectName("menu.edit")
    edit_menu.addActions([w.undo_action, w.redo_action])
    if canvas.get("edit"):
        edit_menu.addSeparator()
        edit_menu.addActions(canvas["edit"])
    w.edit_menu = edit_menu

    view_menu = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    view_menu.setObjectName("menu.view")
    if canvas.get("view"):
        view_menu.addActions(canvas["view"])
        view_menu.addSeparator()
    w.feedback_badges_action = feedback_badges_action(w)
    view_menu.addAction(w.feedback_badges_action)
    view_menu.addActions(
        [w.find_action, w.find_bar.next_action, w.find_bar.previous_action, w.presentation_action]
    )
    view_menu.addSeparator()
    panels = view_menu.addMenu(QCoreApplication.translate("Menus", "&Panels"))
    panels.setObjectName("menu.panels")
    for dock in (
        w.journeys_dock,
        w.inspector_dock,
        w.comments_dock,
        w.history_dock,
    ):
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"panel.{dock.objectName()}")
        panels.addAction(toggle)
    build_language_menu(w, view_menu)
    w.view_menu = view_menu

    w.import_menu.addAction(w.analysis_dock.import_action)
    w.transfer.fill_menus(w.export_menu, w.import_menu)

    journey_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Journey"))
    journey_menu.setObjectName("menu.journey")
    jp = w.journey_panel
    jp.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
    journey_menu.addAction(jp.new_action)
    journey_menu.addMenu(jp.template_menu)
    journey_menu.addActions(
        [jp.duplicate_action, jp.rename_action, jp.up_action, jp.down_action, jp.delete_action]
    )
    if canvas.get("structure"):
        journey_menu.addSeparator()
        journey_menu.addActions(canvas["structure"])
    journey_menu.addSeparator()
    journey_menu.addAction(w.people_action)
    w.governance_action = journey_menu.addAction(
        QCoreApplication.translate("Menus", "&Governance: History, Versions, Changes…")
    )
    w.governance_action.setObjectName("journey.governance")
    w.governance_action.triggered.connect(lambda: _show_governance(w))
    journey_menu.addActions(diff_view_actions(w))
    journey_menu.addAction(value_model_action(w))
    w.journey_menu = journey_menu
    w.analysis_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Analysis"))
    w.analysis_menu.setObjectName("menu.analysis")
    w.analysis_dock.build_menu(w.analysis_menu)
    w.analysis_menu.addAction(w.voice_dock.show_action)
    imports = w.analysis_menu.actions()  # the survey import beside the event import
    after = imports.index(w.analysis_dock.import_action) + 1
    w.analysis_menu.insertAction(imports[after], w.voice_dock.import_action)
    help_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    help_menu.setObjectName("menu.help")
    w.about_action = help_menu.addAction(QCoreApplication.translate("Menus", "&About cxmapper"))
    w.about_action.setObjectName("help.about")
    w.about_action.triggered.connect(lambda: show_about(w))
    # Actions living only in menus still need the window to own their shortcuts when a
    # menu bar is hidden (presentation mode).
    w.addActions(
        [
            w.undo_action,
            w.redo_action,
            w.find_action,
            w.presentation_action,
            w.quit_action,
        ]
    )


def _show_governance(w: MainWindow) -> None:
    """The governance dialog, imported when first opened: its tabs (history, versions, owners,
    lineage) cost ~10 % of start-up and are not needed for the first paint (issue 18)."""
    from cxmapper.ui.governance.dialog import show_governance

    show_governance(w)
