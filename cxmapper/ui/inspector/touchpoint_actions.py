"""Improvement actions for a touchpoint, ranked by impact per effort (quick wins first)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model import entities as e
from cxmapper.present import choice_labels as cl
from cxmapper.ui.commands import AddCommand, RemoveCommand
from cxmapper.ui.commands.undo_text import set_text
from cxmapper.ui.inspector.action_verdict import (
    VerdictLabel,
    verdict_detail,
    verdict_word,
    verdicts_of,
)
from cxmapper.ui.inspector.page import EntityPage
from cxmapper.ui.inspector.widgets import ChoiceCombo, CommitLineEdit, PartyCombo, form

if TYPE_CHECKING:  # the feedback package loads pandas (see action_verdict)
    from cxmapper.feedback.report import ActionVerdict

SCALE = [(f"{n}", n) for n in range(1, 6)]
COLUMNS = [
    str(QT_TRANSLATE_NOOP("InspectorTouchpointActions", "Action")),
    str(QT_TRANSLATE_NOOP("InspectorTouchpointActions", "Impact / effort")),
    str(QT_TRANSLATE_NOOP("InspectorTouchpointActions", "Status")),
    str(QT_TRANSLATE_NOOP("InspectorTouchpointActions", "Due")),
    str(QT_TRANSLATE_NOOP("InspectorTouchpointActions", "Verdict")),
]
VERDICT = 4  # the column: only done actions with a date have one
VERDICT_W = 96  # its widest (px); longer words are elided (whole in the tooltip)


def valid_due_date(text: str) -> str | None:
    """'' (no date) or an ISO date; None when the text is not a date."""
    text = text.strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


class TouchpointActions(EntityPage[e.Touchpoint]):
    kind = "touchpoint"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.table = QTableWidget(0, len(COLUMNS))
        # "Impact / effort" on two lines: on one it took a third of the inspector's width and
        # left the action's title a few letters once the verdict joined the table
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("InspectorTouchpointActions", c).replace(" / ", " /\n")
                for c in COLUMNS
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # the verdict may be long ("nessun cambiamento rilevabile"): capped, never widening the
        # inspector; the whole of it is in the tooltip and under the table
        header.setSectionResizeMode(VERDICT, QHeaderView.ResizeMode.Interactive)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        outer.addWidget(self.table, 1)
        self.verdict = VerdictLabel()
        outer.addWidget(self.verdict)
        self._verdicts: dict[str, ActionVerdict] = {}

        buttons = QHBoxLayout()
        self.add_button = QPushButton(
            QCoreApplication.translate("InspectorTouchpointActions", "New action")
        )
        self.remove_button = QPushButton(
            QCoreApplication.translate("InspectorTouchpointActions", "Remove")
        )
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        outer.addLayout(buttons)

        self.editor = QGroupBox(
            QCoreApplication.translate("InspectorTouchpointActions", "Selected action")
        )
        f = form()
        self.title = CommitLineEdit()
        self.impact = ChoiceCombo()
        self.impact.set_choices(SCALE)
        self.effort = ChoiceCombo()
        self.effort.set_choices(SCALE)
        self.owner = PartyCombo()
        self.status = ChoiceCombo()
        self.status.set_choices(cl.choices(cl.ACTION_STATUSES, e.ACTION_STATUSES))
        self.due = CommitLineEdit()
        self.due.setPlaceholderText(
            QCoreApplication.translate("InspectorTouchpointActions", "YYYY-MM-DD")
        )
        scores = QHBoxLayout()
        scores.addWidget(self.impact)
        scores.addWidget(self.effort)
        f.addRow(QCoreApplication.translate("InspectorTouchpointActions", "Title"), self.title)
        f.addRow(
            QCoreApplication.translate("InspectorTouchpointActions", "Impact / effort"), scores
        )
        f.addRow(QCoreApplication.translate("InspectorTouchpointActions", "Owner"), self.owner)
        f.addRow(QCoreApplication.translate("InspectorTouchpointActions", "Status"), self.status)
        f.addRow(QCoreApplication.translate("InspectorTouchpointActions", "Due date"), self.due)
        self.editor.setLayout(f)
        outer.addWidget(self.editor)

        self.table.itemSelectionChanged.connect(self._show_selected)
        self.add_button.clicked.connect(self.add_action)
        self.remove_button.clicked.connect(self.remove_selected)
        self.title.committed.connect(lambda t: self._edit("title", t.strip()))
        self.impact.activated.connect(lambda _: self._edit("impact", self.impact.value()))
        self.effort.activated.connect(lambda _: self._edit("effort", self.effort.value()))
        self.owner.activated.connect(lambda _: self._edit("owner_id", self.owner.value()))
        self.status.activated.connect(lambda _: self._edit("status", self.status.value()))
        self.due.committed.connect(self._commit_due)
        self._show_selected()

    # -- reading -----------------------------------------------------------------------------

    def show_entity(self, tp: e.Touchpoint) -> None:
        assert self.ctx is not None
        ws = self.ctx.workspace
        parties = ws.parties()
        names = {p.id: p.name for p in parties}
        self.owner.set_parties(parties, create=self.ctx.create_party)
        selected = self.selected_id()
        self._verdicts = verdicts_of(ws, tp.journey_id)
        actions = sorted(
            ws.actions(tp.id), key=lambda a: (a.status in ("done", "dropped"), -a.priority)
        )
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(actions))
        for row, a in enumerate(actions):
            status = cl.choice_label(cl.ACTION_STATUSES, a.status)
            found = self._verdicts.get(a.id) if a.status == "done" else None
            word = "" if found is None else verdict_word(found)
            cells = [a.title, f"{a.impact} / {a.effort}", status, a.due_date, word]
            owner = names.get(a.owner_id or "", "nobody")
            tip = f"{a.title}\nPriority {a.priority:g} (impact ÷ effort) · owner {owner}"
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                item.setToolTip(verdict_detail(found) if col == VERDICT and found else tip)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
            if a.id == selected:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        # the header's own width too: a card without actions cut it to "Esit"
        wide = max(
            self.table.sizeHintForColumn(VERDICT),
            self.table.horizontalHeader().sectionSizeHint(VERDICT),
        )
        self.table.setColumnWidth(VERDICT, min(wide, VERDICT_W))
        self._show_selected()

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select_action(self, action_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == action_id:
                self.table.selectRow(row)
                return

    def _show_selected(self) -> None:
        action_id = self.selected_id()
        action = None
        if action_id and self.ctx is not None:
            action = self.ctx.workspace.find("action", action_id)
        self.editor.setEnabled(action is not None)
        self.remove_button.setEnabled(action is not None)
        done = action if action is not None and action.status == "done" else None
        self.verdict.show_verdict(None if done is None else self._verdicts.get(done.id))
        if action is None:  # blank every field: never show another action's (or workspace's) values
            self.title.load("")
            self.due.load("")
            for combo in (self.impact, self.effort, self.status, self.owner):
                combo.setCurrentIndex(-1)
            return
        self.title.load(action.title)
        self.impact.set_value(action.impact)
        self.effort.set_value(action.effort)
        self.owner.set_value(action.owner_id)
        self.status.set_value(action.status)
        self.due.load(action.due_date)

    # -- writing -----------------------------------------------------------------------------

    def _edit(self, field: str, value: object) -> None:
        action_id = self.selected_id()
        if action_id is None or self.ctx is None:
            return
        action = self.ctx.workspace.find("action", action_id)
        if action is None:
            return
        if not self.ctx.update(
            "action", action_id, set_text(field, action.title), **{field: value}
        ):
            self._show_selected()

    def _commit_due(self, text: str) -> None:
        due = valid_due_date(text)
        if due is None:
            if self.ctx is not None:
                self.ctx.on_error(
                    QCoreApplication.translate(
                        "InspectorTouchpointActions",
                        "{text!r} is not a date; write it as YYYY-MM-DD.",
                    ).format(text=text)
                )
            self._show_selected()
            return
        self._edit("due_date", due)

    def add_action(self) -> None:
        if self.ctx is None or self.entity_id is None:
            return
        ws, tp_id = self.ctx.workspace, self.entity_id
        new_title = QCoreApplication.translate("InspectorTouchpointActions", "New action")
        command = AddCommand(
            ws,
            "action",
            lambda: ws.add_action(tp_id, new_title),
            QCoreApplication.translate("UndoText", "Add action"),
        )
        if self.ctx.push(command):
            self.refresh()
            self.select_action(command.entity.id)
            self.title.setFocus()
            self.title.selectAll()

    def remove_selected(self) -> None:
        action_id = self.selected_id()
        if action_id is None or self.ctx is None:
            return
        self.ctx.push(
            RemoveCommand(
                self.ctx.workspace,
                "action",
                [action_id],
                QCoreApplication.translate("UndoText", "Remove action"),
            )
        )
