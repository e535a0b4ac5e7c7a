"""What owners must act on: governance health and overdue readings of the journey, and the
open follow-ups (improvement actions) filtered by person, each markable done as an undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cxmapper.io.snapshot import take_snapshot
from cxmapper.model.entities import Action
from cxmapper.model.follow_up import open_follow_ups
from cxmapper.model.freshness import governance_health, overdue_readings
from cxmapper.model.workspace import Workspace
from cxmapper.ui.commands import UpdateCommand
from cxmapper.ui.governance.tables import fill, table
from cxmapper.ui.undo_stack import GuardedUndoStack


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


class OwnersTab(QWidget):
    def __init__(self, ws: Workspace, journey_id: str, stack: GuardedUndoStack) -> None:
        super().__init__()
        self.ws, self.journey_id, self.stack = ws, journey_id, stack
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.overdue = table([QCoreApplication.translate("GovernanceDialog", "Touchpoint"), QCoreApplication.translate("GovernanceDialog", "KPI"), QCoreApplication.translate("GovernanceDialog", "Owner"), QCoreApplication.translate("GovernanceDialog", "Due on"),
                              QCoreApplication.translate("GovernanceDialog", "Days overdue")])  # fmt: skip
        self.person = QComboBox()
        self.person.currentIndexChanged.connect(self.refresh_follow_ups)
        self.follow_ups = table([QCoreApplication.translate("GovernanceDialog", "Action"), QCoreApplication.translate("GovernanceDialog", "Touchpoint"), QCoreApplication.translate("GovernanceDialog", "Owner"), QCoreApplication.translate("GovernanceDialog", "Due"),
                                 QCoreApplication.translate("GovernanceDialog", "Status")])  # fmt: skip
        self.done_button = QPushButton(
            QCoreApplication.translate("GovernanceDialog", "Mark Selected Done")
        )
        self.done_button.clicked.connect(self.mark_done)
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("GovernanceDialog", "Owner")))
        row.addWidget(self.person, 1)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.health)
        layout.addWidget(QLabel(QCoreApplication.translate("GovernanceDialog", "Overdue readings")))
        layout.addWidget(self.overdue)
        layout.addWidget(QLabel(QCoreApplication.translate("GovernanceDialog", "Open follow-ups")))
        layout.addLayout(row)
        layout.addWidget(self.follow_ups)
        self._actions: list[Action] = []

    def refresh(self) -> None:
        snap = take_snapshot(self.ws, self.journey_id)
        self._snap = snap
        h = governance_health(snap.touchpoints, snap.lanes, snap.raci, snap.kpis, snap.readings)
        self.health.setText(
            QCoreApplication.translate("GovernanceDialog", "Exactly one Accountable: {a} · KPIs with an owner: {k} · readings up to date: {r}")
            .format(a=_share(h.accountable_share), k=_share(h.kpi_owner_share),
                    r=_share(h.readings_up_to_date_share))
        )  # fmt: skip
        rows = []
        for o in overdue_readings(snap.kpis, snap.readings):
            tp, kpi = snap.tp_by_id.get(o.touchpoint_id), snap.kpi_by_id.get(o.kpi_id)
            rows.append([tp.title if tp else "", kpi.name if kpi else "",
                         snap.party_name(tp.owner_id) if tp else "", o.due_on,
                         str(o.days_overdue)])  # fmt: skip
        fill(self.overdue, rows)
        keep = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(QCoreApplication.translate("GovernanceDialog", "Everyone"), "")
        for p in snap.parties:
            self.person.addItem(p.name, p.id)
        self.person.setCurrentIndex(max(0, self.person.findData(keep)))
        self.person.blockSignals(False)
        self.refresh_follow_ups()

    def refresh_follow_ups(self) -> None:
        snap = self._snap
        party = self.person.currentData() or None
        self._actions = [
            a for a in open_follow_ups(self.ws, party) if a.touchpoint_id in snap.tp_by_id
        ]
        fill(self.follow_ups, [[a.title, snap.tp_by_id[a.touchpoint_id].title,
                                snap.party_name(a.owner_id), a.due_date, a.status]
                               for a in self._actions])  # fmt: skip

    def mark_done(self) -> str | None:
        rows = self.follow_ups.selectionModel().selectedRows()
        if not rows:
            return QCoreApplication.translate("GovernanceDialog", "Select a follow-up")
        a = self._actions[rows[0].row()]
        error = self.stack.push_checked(
            UpdateCommand(
                self.ws,
                "action",
                a.id,
                QCoreApplication.translate("UndoText", "Mark {title} done").format(title=a.title),
                status="done",
            )
        )
        self.refresh()
        return error
