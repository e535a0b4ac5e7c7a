"""The main window: workspaces, journeys panel, menus, presentation mode, persisted settings.

No modal dialog may block: file pickers, questions and error boxes are replaced through
`cxmapper.ui.dialogs.messages`. Settings live in a temporary folder, never the user's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from cxmapper.model.workspace import Workspace
from cxmapper.ui.dialogs import messages
from cxmapper.ui.main_window import MainWindow
from cxmapper.ui.settings import AppSettings
from tests.ui.rigs import journey_names, make_window, settle

WINDOW_CONTEXTS = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def test_open_shows_name_journeys_and_status(
    window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    file_ws.close()
    assert window.windowTitle() == "cxmapper"
    assert window.open_path(ws_path)
    assert window.windowTitle() == "test — cxmapper"
    assert window.journey_panel.journeys.count() == 1
    assert window.journey_id == small_journey["journey"]
    assert window.inspector.current == ("journey", small_journey["journey"])
    assert window.save_label.text() == "All changes saved"
    assert window.settings.recent_files() == [str(ws_path.resolve())]
    assert window.settings.last_workspace == str(ws_path.resolve())
    window.close_workspace_by_user()
    assert window.workspace is None and window.windowTitle() == "cxmapper"
    assert window.journey_panel.journeys.count() == 0
    assert window.settings.last_workspace is None
    assert not window.save_as_action.isEnabled()


def test_new_workspace_and_save_as(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "workshop"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: str(target) + ".cxmap")
    assert window.new_workspace()
    assert window.windowTitle() == "workshop — cxmapper"
    window.journey_panel.new_from_template("ecommerce")
    copy = tmp_path / "copy.cxmap"
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: str(copy))
    assert window.save_as_dialog()
    assert window.workspace is not None and window.workspace.path == str(target) + ".cxmap"
    window.close_workspace()
    assert journey_names(copy) == ["E-commerce purchase"]
    assert journey_names(Path(str(target) + ".cxmap")) == ["E-commerce purchase"]
    assert str(copy) in window.settings.recent_files()


def test_new_workspace_refuses_an_existing_file(
    window: MainWindow, errors: list[str], ws_path: Path, file_ws: Workspace
) -> None:
    file_ws.close()
    assert not window.create_path(ws_path)
    assert errors and "already exists" in errors[0]


def test_bad_files_explain_why_and_keep_the_current_workspace(
    window: MainWindow, errors: list[str], tmp_path: Path, file_ws: Workspace, ws_path: Path
) -> None:
    file_ws.add_journey("Kept")
    file_ws.close()
    assert window.open_path(ws_path)
    garbage = tmp_path / "garbage.cxmap"
    garbage.write_bytes(b"this is not a workspace" * 100)
    assert not window.open_path(garbage)
    assert not window.open_path(tmp_path / "missing.cxmap")
    assert len(errors) == 2 and all(errors)
    assert "no such workspace file" in errors[1]
    assert window.workspace is not None and window.windowTitle() == "test — cxmapper"


def test_bad_file_through_run_app_shows_a_message_box_and_app_stays_up(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxmapper.ui import app as app_module

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    windows: list[MainWindow] = []
    show = MainWindow.show

    def recording_show(self: MainWindow) -> None:
        windows.append(self)
        show(self)

    monkeypatch.setattr(MainWindow, "show", recording_show)

    def fake_exec() -> int:
        return 0

    monkeypatch.setattr(app_module.QApplication, "exec", staticmethod(fake_exec))
    bad = tmp_path / "bad.cxmap"
    bad.write_text("nope")
    assert app_module.run_app(str(bad)) == 0
    assert shown and windows
    (window,) = [w for w in windows if w.isVisible()]
    assert window.workspace is None
    assert QApplication.applicationName() == "cxmapper"
    assert QApplication.organizationName() == "cxmapper"
    window.close()


def test_run_app_reopens_the_last_workspace(
    qtbot: QtBot, file_ws: Workspace, ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxmapper.ui import app as app_module

    file_ws.close()
    AppSettings().last_workspace = str(ws_path)
    opened: list[str] = []

    def fake_exec() -> int:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.workspace is not None:
                opened.append(w.workspace.path)
                w.close()
        return 0

    monkeypatch.setattr(app_module.QApplication, "exec", staticmethod(fake_exec))
    assert app_module.run_app(None) == 0
    assert opened == [str(ws_path)]


def test_open_demo_writes_it_once_into_app_data(window: MainWindow, errors: list[str]) -> None:
    assert window.open_demo(), errors
    assert window.windowTitle() == "demo — cxmapper"
    assert window.journey_panel.journeys.count() >= 1
    path = Path(window.workspace.path)  # type: ignore[union-attr]
    assert path.parent == Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    window.close_workspace()
    assert window.open_demo()  # second time: opens the existing file


def test_journey_add_rename_duplicate_delete_reorder_with_undo(
    window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "j.cxmap"
    assert window.create_path(path)
    panel = window.journey_panel
    first = panel.new_journey()
    assert first is not None and window.journey_id == first
    second = panel.new_from_template("saas_onboarding")
    assert window.journey_id == second
    assert [panel.journeys.item(i).text() for i in range(2)] == ["New journey", "SaaS onboarding"]

    panel.select_journey(first)
    panel.journeys.item(0).setText("Workshop map")  # what inline editing does
    settle(window)
    assert panel.journeys.item(0).text() == "Workshop map"
    copy = panel.duplicate_current()
    settle(window)
    assert [panel.journeys.item(i).text() for i in range(3)] == [
        "Workshop map",
        "Workshop map (copy)",
        "SaaS onboarding",
    ]
    assert window.workspace is not None
    assert len(window.workspace.stages(copy)) == 3  # type: ignore[arg-type]

    panel.select_journey(second)
    panel.up_action.trigger()
    settle(window)
    assert panel.journeys.item(1).text() == "SaaS onboarding"
    panel.journeys.move_requested.emit(second, 2)  # a drag to the end
    settle(window)
    assert panel.journeys.item(2).text() == "SaaS onboarding"
    panel.select_journey(first)
    panel.delete_action.trigger()
    settle(window)
    assert panel.journeys.count() == 2
    assert window.journey_id in (copy, second)

    stack = window.undo_stack
    assert stack.count() == 7
    assert window.last_action_label.text() == "Last action: Delete journey Workshop map"
    stack.undo()  # delete
    stack.undo()  # drag
    settle(window)
    assert [panel.journeys.item(i).text() for i in range(3)] == [
        "Workshop map",
        "SaaS onboarding",
        "Workshop map (copy)",
    ]
    stack.undo()  # move up
    stack.undo()  # duplicate
    stack.undo()  # rename
    settle(window)
    assert [panel.journeys.item(i).text() for i in range(2)] == ["New journey", "SaaS onboarding"]
    for _ in range(5):
        stack.redo()
    window.close_workspace()
    assert journey_names(path) == ["Workshop map (copy)", "SaaS onboarding"]


def test_personas_add_rename_delete(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "p.cxmap"
    window.create_path(path)
    panel = window.journey_panel
    panel.add_persona_action.trigger()
    settle(window)
    panel.personas.item(0).setText("Busy parent")
    settle(window)
    panel.add_persona()
    settle(window)
    assert [panel.personas.item(i).text() for i in range(2)] == ["Busy parent", "Persona 1"]
    panel.personas.setCurrentRow(1)
    panel.delete_persona_action.trigger()
    settle(window)
    assert panel.personas.count() == 1
    window.undo_stack.undo()
    settle(window)
    assert panel.personas.count() == 2
    window.close_workspace()
    with Workspace.open(path) as ws:
        assert [p.name for p in ws.personas()] == ["Busy parent", "Persona 1"]


def test_presentation_mode_hides_chrome_and_escape_leaves(
    qtbot: QtBot, window: MainWindow, file_ws: Workspace, ws_path: Path
) -> None:
    file_ws.add_journey("Show")
    file_ws.close()
    window.open_path(ws_path)
    assert window.journeys_dock.isVisible() and window.inspector_dock.isVisible()
    window.presentation_action.trigger()
    assert window.in_presentation
    assert window.isFullScreen()
    assert not window.journeys_dock.isVisible() and not window.inspector_dock.isVisible()
    assert not window.menuBar().isVisible()
    window.activateWindow()
    if window.isActiveWindow():  # shortcuts need an active window (Xvfb has no window manager)
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    else:
        window.escape_shortcut.activated.emit()
    assert not window.in_presentation
    assert not window.isFullScreen()
    assert window.journeys_dock.isVisible() and window.inspector_dock.isVisible()
    assert window.menuBar().isVisible()


def test_menus_shortcuts_and_import_export(window: MainWindow) -> None:
    exports = [a.objectName() for a in window.export_menu.actions() if not a.isSeparator()]
    assert exports == ["export.xlsx", "export.png", "export.svg", "export.pdf", "export.json"]
    imports = [a.objectName() for a in window.import_menu.actions() if not a.isSeparator()]
    assert imports == ["analysis.import-events", "import.xlsx", "import.json"]
    assert all(a.text() for a in window.export_menu.actions() if not a.isSeparator())
    assert not any(a.isEnabled() for a in window.export_menu.actions() if not a.isSeparator())
    shortcuts = {
        window.new_action: "Ctrl+N",
        window.open_action: "Ctrl+O",
        window.save_as_action: "Ctrl+Shift+S",
        window.close_action: "Ctrl+W",
        window.quit_action: "Ctrl+Q",
        window.undo_action: "Ctrl+Z",
        window.redo_action: "Ctrl+Shift+Z",
        window.find_action: "Ctrl+F",
        window.presentation_action: "F11",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut().toString() == keys, action.text()
    menus = [a.menu().objectName() for a in window.menuBar().actions()]
    assert menus == [
        "menu.file",
        "menu.edit",
        "menu.view",
        "menu.journey",
        "menu.analysis",
        "menu.help",
    ]


def test_settings_persist_geometry_docks_and_recent_files(
    qtbot: QtBot, errors: list[str], file_ws: Workspace, ws_path: Path
) -> None:
    file_ws.close()
    first = make_window(qtbot)
    first.open_path(ws_path)
    first.resize(first.minimumSizeHint().width() + 4, 520)  # offscreen screen is 800x600
    size = first.size()
    first.history_dock.show()
    first.inspector_dock.hide()
    first.close()
    assert first.workspace is None

    second = make_window(qtbot)
    assert second.size() == size and size.height() == 520
    assert second.history_dock.isVisible() and not second.inspector_dock.isVisible()
    assert second.settings.recent_files() == [str(ws_path.resolve())]
    second._fill_recent_menu()
    recent = [a for a in second.recent_menu.actions() if a.text().endswith("test")]
    assert len(recent) == 1
    recent[0].trigger()
    assert second.workspace is not None and second.windowTitle() == "test — cxmapper"
    second.close()


def test_comment_author_is_asked_once(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask_text", lambda *a: asked.append("x") or "Ada")
    assert window.ask_author() == "Ada"
    assert window.ask_author() == "Ada"
    assert asked == ["x"]
    assert AppSettings().author == "Ada"


def test_people_and_kpis_dialog(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "people.cxmap"
    window.create_path(path)
    dialog = window.show_people_dialog()
    people = dialog.people
    team_id = people.add_party("team", "Web team")
    person_id = people.add_party("person", "Ann")
    people.role.setText("Web lead")
    people.role.setModified(True)
    people.role.editingFinished.emit()
    index = people.team.findData(team_id)
    people.team.setCurrentIndex(index)
    people.team.activated.emit(index)
    people.email.setText("ann@example.com")
    people.email.setModified(True)
    people.email.editingFinished.emit()
    kpis = dialog.kpis
    nps_id = kpis.add_kpi("NPS")  # beside the standard KPIs a new workspace starts with
    for edit, text in ((kpis.unit, "points"), (kpis.target, "30"), (kpis.tolerance, "5")):
        edit.setText(text)
        edit.setModified(True)
        edit.editingFinished.emit()
    kpis.direction.setCurrentIndex(1)
    kpis.direction.activated.emit(1)
    index = kpis.owner.findData(person_id)
    kpis.owner.setCurrentIndex(index)
    kpis.owner.activated.emit(index)
    assert window.undo_stack.count() == 11
    window.close_workspace()
    with Workspace.open(path) as ws:
        ann = ws.get("party", person_id)
        nps = ws.get("kpi", nps_id)
    assert (ann.role, ann.team_id, ann.email) == ("Web lead", team_id, "ann@example.com")
    assert (nps.unit, nps.target, nps.tolerance, nps.direction, nps.owner_id) == (
        "points",
        30,
        5,
        "lower",
        person_id,
    )


def test_find_bar_without_canvas_matches_title_owner_channel_tag(
    window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    from cxmapper.ui.find_bar import match_touchpoints

    file_ws.update("touchpoint", small_journey["cart"], tags=["Checkout"])
    ids = small_journey
    assert match_touchpoints(file_ws, ids["journey"], "ann", ["owner"]) == [ids["home"]]
    assert match_touchpoints(file_ws, ids["journey"], "WEB", ["channel"]) == [ids["home"]]
    assert match_touchpoints(file_ws, ids["journey"], "check", ["tags"]) == [ids["cart"]]
    assert set(match_touchpoints(file_ws, ids["journey"], "s", ["title"])) == {
        ids["search"],
        ids["slow"],
    }
    file_ws.close()
    window.open_path(ws_path)
    window.find_action.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.edit.setText("cart")
    window.find_bar.run()
    assert window.find_bar.matches == [ids["cart"]]
    assert window.find_bar.count.text() == "1 match"
    window.find_bar.dismiss()
    assert not window.find_bar.isVisible()


def test_comments_dock_lists_journey_comments_and_selects_the_card(
    window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    file_ws.add_comment(small_journey["slow"], "Ann", "Too slow")
    file_ws.close()
    window.open_path(ws_path)
    window.comments_dock.show()
    items = window.comments.list
    assert items.count() == 1 and "Slow checkout" in items.item(0).text()
    window.comments.list.itemClicked.emit(items.item(0))
    assert window.inspector.current == ("touchpoint", small_journey["slow"])


def test_model_refusal_from_inspector_is_shown(
    window: MainWindow,
    errors: list[str],
    small_journey: dict[str, str],
    file_ws: Workspace,
    ws_path: Path,
) -> None:
    file_ws.close()
    window.open_path(ws_path)
    assert window.ctx is not None
    window.ctx.update("journey", small_journey["journey"], "Rename", name="")
    assert errors == ["a journey needs a name"]
    assert window.undo_stack.count() == 0


def test_canvas_selection_drives_the_inspector(
    window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    assert window.scene is not None
    file_ws.close()
    window.open_path(ws_path)
    assert window.scene.journey_id == small_journey["journey"]
    window.select_touchpoint(small_journey["cart"])
    assert window.scene.selected_entities() == [("touchpoint", small_journey["cart"])]
    assert window.inspector.current == ("touchpoint", small_journey["cart"])
    window.scene.select_entity("stage", small_journey["buy"])
    assert window.inspector.current == ("stage", small_journey["buy"])
    window.scene.clearSelection()
    assert window.inspector.current == ("journey", small_journey["journey"])
    edit_names = [a.objectName() for a in window.edit_menu.actions()]
    assert edit_names[0] == "edit.undo" and "canvas.delete" in edit_names
    window.find_bar.open()
    window.find_bar.edit.setText("cart")
    window.find_bar.filter_box.setChecked(True)
    window.find_bar.run()
    assert window.find_bar.matches == [small_journey["cart"]]
    assert window.scene.is_dimmed(small_journey["home"])
    window.find_bar.dismiss()
    assert not window.scene.is_dimmed(small_journey["home"])
    window.close_workspace()
    assert window.scene.journey_id is None


@pytest.mark.parametrize("button", ["demo", "recent"])
def test_start_dialog_choices_open_a_workspace(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    file_ws: Workspace,
    ws_path: Path,
    button: str,
) -> None:
    from cxmapper.ui import app as app_module
    from cxmapper.ui.dialogs.start import StartDialog

    file_ws.close()
    window.settings.add_recent(str(ws_path))

    def fake_exec(dialog: StartDialog) -> int:
        if button == "demo":
            dialog.demo_button.click()
        else:
            dialog.recent.itemActivated.emit(dialog.recent.item(0))
        return int(dialog.result())

    monkeypatch.setattr(StartDialog, "exec", fake_exec)
    app_module.show_start_dialog(window)
    assert window.workspace is not None
    expected = "demo" if button == "demo" else "test"
    assert window.windowTitle() == f"{expected} — cxmapper"


def test_dropping_a_journey_in_the_list_reorders_through_the_model(
    window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "drop.cxmap"
    window.create_path(path)
    panel = window.journey_panel
    for name in ("A", "B", "C"):
        panel.new_journey(name)
    settle(window)
    listing = panel.journeys
    listing.setCurrentRow(0)  # drag "A"...
    target = listing.visualItemRect(listing.item(2))  # ...onto the lower half of "C"
    pos = QPointF(target.center().x(), target.bottom() - 2)
    event = QDropEvent(
        pos,
        Qt.DropAction.MoveAction,
        QMimeData(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    listing.dropEvent(event)
    settle(window)
    assert [listing.item(i).text() for i in range(3)] == ["B", "C", "A"]
    window.undo_stack.undo()
    settle(window)
    assert [listing.item(i).text() for i in range(3)] == ["A", "B", "C"]


def test_edits_from_another_process_show_up(
    window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    file_ws.close()
    window.open_path(ws_path)
    window.select_touchpoint(small_journey["home"])
    with Workspace.open(ws_path) as other:  # e.g. a touchpoint owner's window
        other.add_journey("Added elsewhere")
        other.update("touchpoint", small_journey["home"], title="Renamed elsewhere")
    assert window.workspace is not None and window.workspace.poll_external_changes()
    settle(window)
    names = [window.journey_panel.journeys.item(i).text() for i in range(2)]
    assert names == ["Online purchase", "Added elsewhere"]
    assert window.inspector.touchpoint_page.details.title.text() == "Renamed elsewhere"


def test_selecting_a_card_of_another_journey_switches_journey(
    window: MainWindow, small_journey: dict[str, str], file_ws: Workspace, ws_path: Path
) -> None:
    file_ws.close()
    window.open_path(ws_path)
    window.journey_panel.new_from_template("customer_support")
    assert window.journey_id != small_journey["journey"]
    window.select_touchpoint(small_journey["slow"])
    assert window.journey_id == small_journey["journey"]
    assert window.journey_panel.current_journey_id() == small_journey["journey"]
    assert window.inspector.current == ("touchpoint", small_journey["slow"])


def test_no_two_window_shortcuts_collide(window: MainWindow, ws_path: Path) -> None:
    """Qt fires neither of two same-key shortcuts ("ambiguous"): each key does one thing."""
    window.open_path(ws_path)
    window.analysis_dock.present()  # its panel adds buttons and actions
    seen: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        if action.shortcutContext() in WINDOW_CONTEXTS:
            for key in action.shortcuts():
                seen.setdefault(key.toString(), []).append(action.text())
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty():  # buttons' shortcuts are window-wide
            seen.setdefault(button.shortcut().toString(), []).append(button.text())
    assert {key: names for key, names in seen.items() if len(names) > 1} == {}
    assert "Ctrl+R" in seen  # Analyse keeps its key
