"""The History tab of a card: what the change log holds about it, newest first.

When, who, and what: the card's own entries (added, each field changed old -> new, moved to
another stage or lane, removed) and the entries of the records that hang off it (a RACI
assignment, a KPI reading, a comment or an action added or removed for this card), read from
the workspace's change log (`model.audit`). Ids in old -> new values (a move's stage and
lane, an owner) are shown by name where the record still exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from cxmapper.model import entities as e
from cxmapper.model.audit import LogEntry
from cxmapper.model.workspace import Workspace
from cxmapper.present.labels import field_label, kind_label
from cxmapper.present.locale_format import format_date
from cxmapper.ui.inspector.page import EntityPage
from cxmapper.ui.locale_format import number

NAMED_BY_ID = {"stage_id": "stage", "lane_id": "lane", "owner_id": "party", "party_id": "party",
               "kpi_id": "kpi"}  # fmt: skip
HIDDEN_FIELDS = {"position"}  # its place in a stack: the move's stage / lane says it


@dataclass(frozen=True)
class HistoryRow:
    when: str
    who: str
    what: str


def _label(lookup: Any, key: str) -> str:
    try:
        return str(lookup(key))
    except KeyError:
        return key.replace("_", " ")


def _value(ws: Workspace, name: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if name in NAMED_BY_ID and isinstance(value, str):
        found = ws.find(NAMED_BY_ID[name], value)
        label = getattr(found, "name", None) or getattr(found, "title", None)
        return str(label) if label else value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def describe(ws: Workspace, entry: LogEntry, card_id: str) -> str:
    """One line: 'title: Home page → Welcome', 'added', 'KPI reading added: 4.1'."""
    action = {
        "added": QCoreApplication.translate("TouchpointHistory", "added"),
        "removed": QCoreApplication.translate("TouchpointHistory", "removed"),
        "changed": QCoreApplication.translate("TouchpointHistory", "changed"),
    }.get(entry.action, entry.action)
    if entry.entity_id == card_id and entry.action == "changed":
        parts = []
        for name, change in entry.fields.items():
            if name in HIDDEN_FIELDS:
                continue
            field = _label(field_label, name.removesuffix("_id"))
            if isinstance(change, list) and len(change) == 2:
                old, new = (_value(ws, name, v) for v in change)
                parts.append(f"{field}: {old} → {new}")
            else:
                parts.append(field)
        return "; ".join(parts) or action
    if entry.entity_id == card_id:
        return action
    details = entry.details
    what = next((_shown(details[k]) for k in ("title", "name", "role", "value") if details.get(k)),
                "")  # fmt: skip
    kind = _label(kind_label, entry.kind)
    # one sentence per action, so a language can agree it with the kind's gender
    # (Italian "commento aggiunta" was wrong: "aggiunta di commento")
    text = {
        "added": QCoreApplication.translate("TouchpointHistory", "{kind} added"),
        "removed": QCoreApplication.translate("TouchpointHistory", "{kind} removed"),
        "changed": QCoreApplication.translate("TouchpointHistory", "{kind} changed"),
    }.get(entry.action, f"{{kind}} {action}").format(kind=kind)
    return f"{text}: {what}" if what else text


def _shown(value: Any) -> str:
    """A record's identifying value as people read it: a reading 35.75 is '35,75' in Italian."""
    if isinstance(value, float) and not isinstance(value, bool):
        digits = len(repr(value).partition(".")[2].rstrip("0")) if "e" not in repr(value) else 2
        return number(value, min(digits, 6))
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
    return str(value)


def card_history(ws: Workspace, tp: e.Touchpoint) -> list[HistoryRow]:
    """The card's change-log entries as rows, newest first (see the module's docstring)."""
    entries = ws.change_log(journey_id=tp.journey_id, card_id=tp.id)  # the card's, in SQL
    # a card whose place in its stack merely shifted is in one shared entry (no entity id):
    # not news about the card, so not listed
    return [
        HistoryRow(f"{format_date(x.at)} {x.at[11:19]}", x.author, describe(ws, x, tp.id))
        for x in reversed(entries)
    ]


class TouchpointHistory(EntityPage[e.Touchpoint]):
    kind = "touchpoint"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.empty = QLabel(
            QCoreApplication.translate("TouchpointHistory", "No changes logged for this card yet.")
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("inspector.history")
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("TouchpointHistory", "When"),
            QCoreApplication.translate("TouchpointHistory", "Who"),
            QCoreApplication.translate("TouchpointHistory", "What"),
        ])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(200)
        layout.addWidget(self.table, 1)
        self.rows: list[HistoryRow] = []

    def show_entity(self, tp: e.Touchpoint) -> None:
        assert self.ctx is not None
        self.rows = card_history(self.ctx.workspace, tp)
        self.empty.setVisible(not self.rows)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate((row.when, row.who, row.what)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
