"""Who is Responsible, Accountable, Consulted and Informed for a touchpoint.

The rule "exactly one Accountable" comes from `model.governance`, so the warning shown here is
the same one reports and exports use.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model import entities as e
from cxmapper.model.governance import accountable_problem, is_governed
from cxmapper.ui.commands import AddCommand, RemoveCommand
from cxmapper.ui.inspector.page import EntityPage
from cxmapper.ui.inspector.widgets import ChoiceCombo, PartyCombo

ROLE_NAMES = {
    "R": str(QT_TRANSLATE_NOOP("InspectorTouchpointRaci", "Responsible")),
    "A": str(QT_TRANSLATE_NOOP("InspectorTouchpointRaci", "Accountable")),
    "C": str(QT_TRANSLATE_NOOP("InspectorTouchpointRaci", "Consulted")),
    "I": str(QT_TRANSLATE_NOOP("InspectorTouchpointRaci", "Informed")),
}


def role_name(key: str) -> str:
    """'Responsible' for "R", in the user's language (the letter is what is stored)."""
    return QCoreApplication.translate("InspectorTouchpointRaci", ROLE_NAMES[key])


WARNING_STYLE = (
    "background:#fff4e5; color:#8a4b00; border:1px solid #f5c07a; border-radius:4px; padding:6px;"
)
OK_STYLE = (
    "background:#edf7ee; color:#1e5c22; border:1px solid #a5d6a7; border-radius:4px; padding:6px;"
)


class TouchpointRaci(EntityPage[e.Touchpoint]):
    kind = "touchpoint"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        outer.addWidget(self.warning)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("InspectorTouchpointRaci", "Person / team"),
                QCoreApplication.translate("InspectorTouchpointRaci", "Role"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        outer.addWidget(self.table, 1)

        add_row = QHBoxLayout()
        self.party = PartyCombo()
        self.role = ChoiceCombo()
        self.party.setAccessibleName(
            QCoreApplication.translate("InspectorTouchpointRaci", "Person / team")
        )
        self.role.setAccessibleName(QCoreApplication.translate("InspectorTouchpointRaci", "Role"))
        self.role.set_choices([(f"{k} – {role_name(k)}", k) for k in ROLE_NAMES])
        self.add_button = QPushButton(
            QCoreApplication.translate("InspectorTouchpointRaci", "Assign")
        )
        add_row.addWidget(self.party, 3)
        add_row.addWidget(self.role, 1)
        add_row.addWidget(self.add_button)
        outer.addLayout(add_row)
        self.remove_button = QPushButton(
            QCoreApplication.translate("InspectorTouchpointRaci", "Remove assignment")
        )
        self.remove_button.setEnabled(False)
        outer.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

        self.add_button.clicked.connect(self.assign)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.table.selectedItems()))
        )

    def show_entity(self, tp: e.Touchpoint) -> None:
        assert self.ctx is not None
        ws = self.ctx.workspace
        parties = ws.parties()
        self.party.set_parties(parties, allow_none=False, create=self.ctx.create_party)
        names = {p.id: p.name for p in parties}
        rows = sorted(
            ws.raci(tp.id), key=lambda r: ("RACI".index(r.role), names.get(r.party_id, ""))
        )
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for col, text in enumerate((names.get(r.party_id, "?"), role_name(r.role))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, col, item)
        lane = ws.find("lane", tp.lane_id)
        problem = accountable_problem(sum(r.role == "A" for r in rows))
        if lane is not None and not is_governed(lane.kind):
            problem = None  # the customer's own view: nobody in the company is accountable
        # Always shown (a warning, or what is right), so the table and buttons below never
        # move when the first assignment fixes the problem.
        if problem:
            self.warning.setText(
                QCoreApplication.translate(
                    "InspectorTouchpointRaci", "⚠ {value}{value2} for this touchpoint."
                ).format(value=problem[0].upper(), value2=problem[1:])
            )
            self.warning.setStyleSheet(WARNING_STYLE)
        else:
            governed = lane is None or is_governed(lane.kind)
            self.warning.setText(
                QCoreApplication.translate("InspectorTouchpointRaci", "✓ Exactly one Accountable.") if governed
                else QCoreApplication.translate("InspectorTouchpointRaci", "The customer's own view: no RACI needed.")
            )  # fmt: skip
            self.warning.setStyleSheet(OK_STYLE)
        self.add_button.setEnabled(bool(parties))
        if not parties:
            self.party.setToolTip(
                QCoreApplication.translate(
                    "InspectorTouchpointRaci", "Add people and teams under Journey ▸ People & KPIs"
                )
            )

    def assign(self) -> None:
        party_id, role = self.party.value(), self.role.value()
        if self.ctx is None or self.entity_id is None or not party_id:
            return
        ws, tp_id = self.ctx.workspace, self.entity_id
        name = ws.get("party", party_id).name
        self.ctx.push(
            AddCommand(
                ws,
                "raci",
                lambda: ws.assign(tp_id, party_id, role),
                QCoreApplication.translate("UndoText", "Make {name} {role}").format(
                    name=name, role=role_name(role)
                ),
            )
        )

    def remove_selected(self) -> None:
        if self.ctx is None:
            return
        ids = list(
            dict.fromkeys(i.data(Qt.ItemDataRole.UserRole) for i in self.table.selectedItems())
        )
        if ids:
            self.ctx.push(
                RemoveCommand(
                    self.ctx.workspace,
                    "raci",
                    ids,
                    QCoreApplication.translate("UndoText", "Remove RACI assignment"),
                )
            )
