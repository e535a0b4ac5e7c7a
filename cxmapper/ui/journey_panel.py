"""Left dock: the workspace's journeys and personas.

Every change goes through an undo command. Drag-and-drop in the journey list does not move
the item itself: the drop is turned into a ReorderCommand and the list is rebuilt from the
model, so the list can never disagree with the file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model.changes import Change
from cxmapper.model.templates import TEMPLATES, new_blank_journey, template_in
from cxmapper.ui.commands import (
    AddCommand,
    RemoveCommand,
    ReorderCommand,
    duplicate_journey_command,
    template_command,
)
from cxmapper.ui.inspector.context import InspectorContext

ID_ROLE = Qt.ItemDataRole.UserRole


class JourneyList(QListWidget):
    """A list whose drops are requests (`move_requested`), not changes of its own."""

    move_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )

    def drop_row(self, pos: QPoint) -> int:
        """The gap a drop at `pos` means: before the item under it (upper half) or after it."""
        target = self.itemAt(pos)
        if target is None:
            return self.count()
        row = self.row(target)
        return row + 1 if pos.y() > self.visualItemRect(target).center().y() else row

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.currentItem()
        if item is None:
            event.ignore()
            return
        row = self.drop_row(event.position().toPoint())
        source = self.row(item)
        index = row - 1 if row > source else row
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if index != source:
            self.move_requested.emit(item.data(ID_ROLE), index)


def _tool_button(action: QAction | None, text: str, menu: QMenu | None = None) -> QToolButton:
    button = QToolButton()
    if action is not None:
        button.setDefaultAction(action)  # the button then shows the action's own text
    else:
        button.setText(text)
    button.setAutoRaise(True)
    if menu is not None:
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    return button


def _button_row(*buttons: QToolButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(4, 0, 4, 0)
    layout.setSpacing(2)
    for b in buttons:
        layout.addWidget(b)
    layout.addStretch(1)
    return row


def _section(title: str) -> QLabel:
    label = QLabel(title.upper())
    label.setStyleSheet(
        "color: palette(mid); font-size: 8pt; font-weight: 600; padding: 8px 6px 2px 6px;"
    )
    return label


class JourneyPanel(QWidget):
    journey_selected = Signal(object)  # journey id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: InspectorContext | None = None
        self._last_row = 0  # where the selection goes back to after the current row is deleted
        self.journeys = JourneyList()
        self.personas = QListWidget()
        self.personas.setEditTriggers(self.journeys.editTriggers())
        self.personas.setMaximumHeight(140)
        for listing in (self.journeys, self.personas):
            listing.setStyleSheet("QListWidget::item { padding: 4px 6px; }")

        self.new_action = QAction(QCoreApplication.translate("JourneyPanel", "New journey"), self)
        self.new_action.setToolTip(QCoreApplication.translate("JourneyPanel", "New blank journey"))
        self.rename_action = QAction(QCoreApplication.translate("JourneyPanel", "Rename"), self)
        self.rename_action.setShortcut(QKeySequence("F2"))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.duplicate_action = QAction(
            QCoreApplication.translate("JourneyPanel", "Duplicate"), self
        )
        self.delete_action = QAction(QCoreApplication.translate("JourneyPanel", "Delete"), self)
        self.up_action = QAction(QCoreApplication.translate("JourneyPanel", "Move up"), self)
        self.down_action = QAction(QCoreApplication.translate("JourneyPanel", "Move down"), self)
        for name, action in (
            ("journey.new", self.new_action), ("journey.rename", self.rename_action),
            ("journey.duplicate", self.duplicate_action), ("journey.delete", self.delete_action),
            ("journey.up", self.up_action), ("journey.down", self.down_action),
        ):  # fmt: skip
            action.setObjectName(name)
        self.template_menu = QMenu(
            QCoreApplication.translate("JourneyPanel", "New journey from template"), self
        )
        self.template_menu.setObjectName("menu.templates")
        self.template_actions: dict[str, QAction] = {}
        for key in TEMPLATES:
            template = template_in(key)  # in the language chosen at start-up
            action = self.template_menu.addAction(template.name)
            action.setObjectName(f"template.{key}")
            action.setToolTip(template.description)
            action.triggered.connect(lambda _=False, k=key: self.new_from_template(k))
            self.template_actions[key] = action

        more_menu = QMenu(self)
        for action in (self.rename_action, self.duplicate_action, self.up_action, self.down_action):
            more_menu.addAction(action)
        more_menu.addSeparator()
        more_menu.addAction(self.delete_action)
        bar = _button_row(
            _tool_button(self.new_action, ""),
            _tool_button(
                None, QCoreApplication.translate("JourneyPanel", "Template"), self.template_menu
            ),
            _tool_button(None, QCoreApplication.translate("JourneyPanel", "More"), more_menu),
        )
        self.addAction(self.rename_action)

        self.add_persona_action = QAction(QCoreApplication.translate("JourneyPanel", "Add"), self)
        self.add_persona_action.setToolTip(
            QCoreApplication.translate("JourneyPanel", "Add a persona")
        )
        self.delete_persona_action = QAction(
            QCoreApplication.translate("JourneyPanel", "Delete"), self
        )
        self.delete_persona_action.setToolTip(
            QCoreApplication.translate("JourneyPanel", "Delete the selected persona")
        )
        persona_bar = _button_row(
            _tool_button(self.add_persona_action, ""),
            _tool_button(self.delete_persona_action, ""),
        )

        self.journeys.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.rename_action, self.duplicate_action, self.up_action,
                       self.down_action, self.delete_action):  # fmt: skip
            self.journeys.addAction(action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(_section(QCoreApplication.translate("JourneyPanel", "Journeys")))
        layout.addWidget(bar)
        layout.addWidget(self.journeys, 1)
        layout.addWidget(_section(QCoreApplication.translate("JourneyPanel", "Personas")))
        layout.addWidget(persona_bar)
        layout.addWidget(self.personas)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

        self.journeys.currentItemChanged.connect(lambda *_: self._emit_selected())
        self.journeys.itemChanged.connect(self._journey_renamed)
        self.journeys.move_requested.connect(self.move_journey)
        self.personas.itemChanged.connect(self._persona_renamed)
        self.new_action.triggered.connect(lambda: self.new_journey())
        self.rename_action.triggered.connect(self._start_rename)
        self.duplicate_action.triggered.connect(self.duplicate_current)
        self.delete_action.triggered.connect(self.delete_current)
        self.up_action.triggered.connect(lambda: self._step(-1))
        self.down_action.triggered.connect(lambda: self._step(+1))
        self.add_persona_action.triggered.connect(self.add_persona)
        self.delete_persona_action.triggered.connect(self.delete_persona)
        self._update_enabled()

    # -- model -> widget ---------------------------------------------------------------------

    def set_context(self, ctx: InspectorContext | None) -> None:
        self.ctx = ctx
        self.refresh()
        if ctx is not None and self.journeys.count() and self.current_journey_id() is None:
            self.journeys.setCurrentRow(0)

    def on_change(self, change: Change) -> None:
        if change.kind in ("journey", "persona") or change.action == "reloaded":
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        current = self.current_journey_id()
        ws = None if self.ctx is None or self.ctx.workspace.closed else self.ctx.workspace
        self.journeys.blockSignals(True)
        self.journeys.clear()
        self.personas.blockSignals(True)
        self.personas.clear()
        if ws is not None:
            for j in ws.journeys():
                item = QListWidgetItem(j.name)
                item.setData(ID_ROLE, j.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                tip = "Future state" if j.state == "future" else "Current state"
                item.setToolTip(
                    QCoreApplication.translate(
                        "JourneyPanel", "{tip}. Double-click to rename, drag to reorder."
                    ).format(tip=tip)
                )
                self.journeys.addItem(item)
                if j.id == current:
                    self.journeys.setCurrentItem(item)
            for p in ws.personas():
                item = QListWidgetItem(p.name)
                item.setData(ID_ROLE, p.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.personas.addItem(item)
        if self.journeys.currentItem() is None and self.journeys.count() and current is not None:
            # the shown journey is gone (deleted, undone): show its neighbour instead
            self.journeys.setCurrentRow(min(self._last_row, self.journeys.count() - 1))
        self.journeys.blockSignals(False)
        self.personas.blockSignals(False)
        if self.current_journey_id() != current:
            self._emit_selected()
        self._update_enabled()

    def current_journey_id(self) -> str | None:
        item = self.journeys.currentItem()
        if item is None:
            return None
        journey_id: str = item.data(ID_ROLE)  # set on every item by `refresh`
        return journey_id

    def select_journey(self, journey_id: str) -> None:
        for row in range(self.journeys.count()):
            if self.journeys.item(row).data(ID_ROLE) == journey_id:
                self.journeys.setCurrentRow(row)
                return

    def _emit_selected(self) -> None:
        row = self.journeys.currentRow()
        if row >= 0:
            self._last_row = row
        self._update_enabled()
        self.journey_selected.emit(self.current_journey_id())

    def _update_enabled(self) -> None:
        has_ws = self.ctx is not None
        row, count = self.journeys.currentRow(), self.journeys.count()
        for action in (self.new_action, self.add_persona_action):
            action.setEnabled(has_ws)
        self.template_menu.setEnabled(has_ws)
        for action in (self.rename_action, self.duplicate_action, self.delete_action):
            action.setEnabled(has_ws and row >= 0)
        self.up_action.setEnabled(has_ws and row > 0)
        self.down_action.setEnabled(has_ws and 0 <= row < count - 1)
        self.delete_persona_action.setEnabled(has_ws and self.personas.count() > 0)

    # -- widget -> commands ------------------------------------------------------------------

    def _insert_index(self) -> int | None:
        row = self.journeys.currentRow()
        return None if row < 0 else row + 1

    def _unique_name(self, base: str) -> str:
        assert self.ctx is not None
        names = {j.name for j in self.ctx.workspace.journeys()}
        if base not in names:
            return base
        n = 2
        while f"{base} {n}" in names:
            n += 1
        return f"{base} {n}"

    def _push_and_select(self, command: AddCommand) -> str | None:
        assert self.ctx is not None
        if not self.ctx.push(command):
            return None
        self.refresh()
        journey_id: str = command.entity.id
        self.select_journey(journey_id)
        return journey_id

    def new_journey(self, name: str | None = None) -> str | None:
        if self.ctx is None:
            return None
        ws, index = self.ctx.workspace, self._insert_index()
        name = name or self._unique_name(QCoreApplication.translate("JourneyPanel", "New journey"))
        command = AddCommand(
            ws,
            "journey",
            lambda: new_blank_journey(ws, name, index),
            QCoreApplication.translate("UndoText", "Add journey {name}").format(name=name),
        )
        return self._push_and_select(command)

    def new_from_template(self, key: str) -> str | None:
        if self.ctx is None:
            return None
        name = self._unique_name(template_in(key).name)
        return self._push_and_select(
            template_command(self.ctx.workspace, key, name, self._insert_index())
        )

    def duplicate_current(self) -> str | None:
        journey_id = self.current_journey_id()
        if self.ctx is None or journey_id is None:
            return None
        source = self.ctx.workspace.get("journey", journey_id)
        name = self._unique_name(
            QCoreApplication.translate("JourneyPanel", "{name} (copy)").format(name=source.name)
        )
        return self._push_and_select(
            duplicate_journey_command(self.ctx.workspace, journey_id, name)
        )

    def delete_current(self) -> None:
        journey_id = self.current_journey_id()
        if self.ctx is None or journey_id is None:
            return
        name = self.ctx.workspace.get("journey", journey_id).name
        self.ctx.push(
            RemoveCommand(
                self.ctx.workspace,
                "journey",
                [journey_id],
                QCoreApplication.translate("UndoText", "Delete journey {name}").format(name=name),
            )
        )
        self.refresh()

    def rename_current(self, name: str) -> None:
        journey_id = self.current_journey_id()
        if self.ctx is not None and journey_id is not None:
            self.ctx.update(
                "journey",
                journey_id,
                QCoreApplication.translate("UndoText", "Rename journey to {name}").format(
                    name=name.strip()
                ),
                name=name.strip(),
            )
            self.refresh()

    def move_journey(self, journey_id: str, index: int) -> None:
        if self.ctx is None:
            return
        name = self.ctx.workspace.get("journey", journey_id).name
        self.ctx.push(
            ReorderCommand(
                self.ctx.workspace,
                "journey",
                journey_id,
                index,
                QCoreApplication.translate("UndoText", "Move journey {name}").format(name=name),
            )
        )
        self.refresh()

    def _step(self, delta: int) -> None:
        journey_id, row = self.current_journey_id(), self.journeys.currentRow()
        if journey_id is not None:
            self.move_journey(journey_id, max(0, row + delta))

    def _start_rename(self) -> None:
        item = self.journeys.currentItem()
        if item is not None:
            self.journeys.editItem(item)

    def _journey_renamed(self, item: QListWidgetItem) -> None:
        if self.ctx is None:
            return
        name = item.text().strip()
        journey_id = item.data(ID_ROLE)
        self.ctx.update(
            "journey",
            journey_id,
            QCoreApplication.translate("UndoText", "Rename journey to {name}").format(name=name),
            name=name,
        )
        self._timer.start()  # show the model's name (e.g. the old one if refused)

    # -- personas ----------------------------------------------------------------------------

    def add_persona(self, name: str | None = None) -> str | None:
        if self.ctx is None:
            return None
        ws = self.ctx.workspace
        existing = {p.name for p in ws.personas()}
        name = name or next(f"Persona {n}" for n in range(1, 999) if f"Persona {n}" not in existing)
        command = AddCommand(
            ws,
            "persona",
            lambda: ws.add_persona(name),
            QCoreApplication.translate("UndoText", "Add persona {name}").format(name=name),
        )
        if not self.ctx.push(command):
            return None
        self.refresh()
        item = self.personas.item(self.personas.count() - 1)
        self.personas.setCurrentItem(item)
        persona_id: str = command.entity.id
        return persona_id

    def delete_persona(self) -> None:
        item = self.personas.currentItem()
        if self.ctx is None or item is None:
            return
        self.ctx.push(
            RemoveCommand(
                self.ctx.workspace,
                "persona",
                [item.data(ID_ROLE)],
                QCoreApplication.translate("UndoText", "Delete persona {name}").format(
                    name=item.text()
                ),
            )
        )
        self.refresh()

    def _persona_renamed(self, item: QListWidgetItem) -> None:
        if self.ctx is None:
            return
        name = item.text().strip()
        self.ctx.update(
            "persona",
            item.data(ID_ROLE),
            QCoreApplication.translate("UndoText", "Rename persona to {name}").format(name=name),
            name=name,
        )
        self._timer.start()
