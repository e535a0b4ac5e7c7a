"""Workspace-wide records owners and RACI are picked from: people, teams and KPI definitions.

Non-modal so it can stay open beside the map; every edit is an undo step on the window's stack
and the lists follow model changes like every other view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model import entities as e
from cxmapper.model import kpi_kinds
from cxmapper.model.changes import Change
from cxmapper.present import choice_labels as cl
from cxmapper.present.labels import kpi_kind_label, kpi_scale_text
from cxmapper.ui.commands import AddCommand, RemoveCommand
from cxmapper.ui.commands.undo_text import set_text
from cxmapper.ui.inspector.context import InspectorContext
from cxmapper.ui.inspector.widgets import (
    ChoiceCombo,
    CommitLineEdit,
    PartyCombo,
    form,
    hint,
    team_label,
)
from cxmapper.ui.screen_fit import resize_within_screen

ID_ROLE = Qt.ItemDataRole.UserRole
NEW_KPI = str(QT_TRANSLATE_NOOP("DialogsPeopleKpis", "New KPI"))


class RecordEditor(QWidget):
    """A list of records of one kind on the left, the selected record's fields on the right."""

    kind = ""

    def __init__(self, ctx: InspectorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = QListWidget()
        self.list.setMinimumWidth(200)
        self.fields_form: QFormLayout = form()
        self.buttons = QHBoxLayout()
        self.remove_button = QPushButton(QCoreApplication.translate("DialogsPeopleKpis", "Remove"))
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(self.buttons)
        self.fields_widget = QWidget()
        self.fields_widget.setLayout(self.fields_form)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.fields_widget, 3)
        self.list.currentItemChanged.connect(lambda *_: self.show_current())
        self.remove_button.clicked.connect(self.remove_current)

    def records(self) -> list[Any]:
        raise NotImplementedError

    def label(self, record: Any) -> str:
        return str(record.name)

    def show_record(self, record: Any) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.records():
            item = QListWidgetItem(self.label(record))
            item.setData(ID_ROLE, record.id)
            self.list.addItem(item)
            if record.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self.show_current()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        record_id: str | None = item.data(ID_ROLE) if item is not None else None
        return record_id

    def select(self, record_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == record_id:
                self.list.setCurrentRow(row)

    def show_current(self) -> None:
        record_id = self.current_id()
        record = self.ctx.workspace.find(self.kind, record_id) if record_id else None
        self.fields_widget.setEnabled(record is not None)
        self.remove_button.setEnabled(record is not None)
        if record is not None:
            self.show_record(record)

    def edit(self, field: str, value: Any) -> None:
        record_id = self.current_id()
        if record_id is None:
            return
        record = self.ctx.workspace.get(self.kind, record_id)
        text = set_text(field, record.name)
        if not self.ctx.update(self.kind, record_id, text, **{field: value}):
            self.show_current()

    def add(self, create: Any, text: str) -> str | None:
        command = AddCommand(self.ctx.workspace, self.kind, create, text)
        if not self.ctx.push(command):
            return None
        self.refresh()
        record_id: str = command.entity.id
        self.select(record_id)
        return record_id

    def remove_current(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            name = self.ctx.workspace.get(self.kind, record_id).name
            self.ctx.push(
                RemoveCommand(
                    self.ctx.workspace,
                    self.kind,
                    [record_id],
                    QCoreApplication.translate("UndoText", "Remove {name}").format(name=name),
                )
            )
            self.refresh()


class PeopleEditor(RecordEditor):
    kind = "party"

    def __init__(self, ctx: InspectorContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_person_button = QPushButton(
            QCoreApplication.translate("DialogsPeopleKpis", "Add person")
        )
        self.add_team_button = QPushButton(
            QCoreApplication.translate("DialogsPeopleKpis", "Add team")
        )
        for b in (self.add_person_button, self.add_team_button, self.remove_button):
            self.buttons.addWidget(b)
        self.name = CommitLineEdit()
        self.party_kind = ChoiceCombo()
        self.party_kind.set_choices(cl.choices(cl.PARTY_KINDS))
        self.role = CommitLineEdit()
        self.role.setPlaceholderText(
            QCoreApplication.translate("DialogsPeopleKpis", "e.g. Web lead")
        )
        self.team = PartyCombo()
        self.email = CommitLineEdit()
        self.email.setPlaceholderText(
            QCoreApplication.translate("DialogsPeopleKpis", "name@example.com")
        )
        f = self.fields_form
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Name"), self.name)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Kind"), self.party_kind)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Role"), self.role)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Team"), self.team)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "E-mail"), self.email)
        self.name.committed.connect(lambda t: self.edit("name", t.strip()))
        self.party_kind.activated.connect(lambda _: self.edit("kind", self.party_kind.value()))
        self.role.committed.connect(lambda t: self.edit("role", t.strip()))
        self.team.activated.connect(lambda _: self.edit("team_id", self.team.value()))
        self.email.committed.connect(lambda t: self.edit("email", t.strip()))
        self.add_person_button.clicked.connect(lambda: self.add_party("person"))
        self.add_team_button.clicked.connect(lambda: self.add_party("team"))

    def records(self) -> list[e.Party]:
        return self.ctx.workspace.parties()

    def label(self, record: e.Party) -> str:
        return team_label(record.name) if record.kind == "team" else record.name

    def show_record(self, record: e.Party) -> None:
        teams = [p for p in self.ctx.workspace.parties() if p.kind == "team" and p.id != record.id]
        self.team.set_parties(teams)
        self.name.load(record.name)
        self.party_kind.set_value(record.kind)
        self.role.load(record.role)
        self.team.set_value(record.team_id)
        self.team.setEnabled(record.kind == "person")
        self.email.load(record.email)

    def add_party(self, kind: str, name: str | None = None) -> str | None:
        ws = self.ctx.workspace
        name = name or (
            QCoreApplication.translate("DialogsPeopleKpis", "New team")
            if kind == "team"
            else QCoreApplication.translate("DialogsPeopleKpis", "New person")
        )
        party_id = self.add(
            lambda: ws.add_party(name, kind),
            (
                QCoreApplication.translate("UndoText", "Add team {name}")
                if kind == "team"
                else QCoreApplication.translate("UndoText", "Add person {name}")
            ).format(name=name),
        )
        self.name.setFocus()
        self.name.selectAll()
        return party_id


class KpiEditor(RecordEditor):
    kind = "kpi"

    def __init__(self, ctx: InspectorContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.add_button = QPushButton(QCoreApplication.translate("DialogsPeopleKpis", "Add KPI"))
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.name = CommitLineEdit()
        self.kpi_kind = ChoiceCombo()
        self.kpi_kind.set_choices([(kpi_kind_label(k), k) for k in kpi_kinds.KIND_KEYS])
        self.scale = hint("")
        self.unit = CommitLineEdit()
        self.unit.setPlaceholderText(
            QCoreApplication.translate("DialogsPeopleKpis", "%, s, score, €…")
        )
        self.direction = ChoiceCombo()
        self.direction.set_choices(cl.choices(cl.DIRECTIONS))
        self.target = CommitLineEdit()
        self.target.setPlaceholderText(QCoreApplication.translate("DialogsPeopleKpis", "none"))
        self.tolerance = CommitLineEdit()
        self.tolerance.setPlaceholderText(
            QCoreApplication.translate("DialogsPeopleKpis", "default: 10 % of the target")
        )
        self.owner = PartyCombo()
        self.description = CommitLineEdit()
        f = self.fields_form
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Name"), self.name)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Kind"), self.kpi_kind)
        f.addRow("", self.scale)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Unit"), self.unit)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Direction"), self.direction)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Target"), self.target)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Tolerance"), self.tolerance)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Owner"), self.owner)
        f.addRow(QCoreApplication.translate("DialogsPeopleKpis", "Description"), self.description)
        self.name.committed.connect(lambda t: self.edit("name", t.strip()))
        self.kpi_kind.activated.connect(lambda _: self.set_kind(self.kpi_kind.value()))
        self.unit.committed.connect(lambda t: self.edit("unit", t.strip()))
        self.direction.activated.connect(lambda _: self.edit("direction", self.direction.value()))
        self.target.committed.connect(lambda t: self._edit_number("target", t))
        self.tolerance.committed.connect(lambda t: self._edit_number("tolerance", t))
        self.owner.activated.connect(lambda _: self.edit("owner_id", self.owner.value()))
        self.description.committed.connect(lambda t: self.edit("description", t.strip()))
        self.add_button.clicked.connect(lambda: self.add_kpi())

    def records(self) -> list[e.Kpi]:
        return self.ctx.workspace.kpis()

    def label(self, record: e.Kpi) -> str:
        return f"{record.name} ({record.unit})" if record.unit else record.name

    def show_record(self, record: e.Kpi) -> None:
        self.owner.set_parties(self.ctx.workspace.parties(), create=self.ctx.create_party)
        self.name.load(record.name)
        self.kpi_kind.set_value(record.kind)
        kind = kpi_kinds.BY_KEY.get(record.kind)
        scale = "" if kind is None else kpi_scale_text(kind.low, kind.high)
        self.scale.setText(
            QCoreApplication.translate("DialogsPeopleKpis", "Scale: {scale}").format(scale=scale)
            if scale
            else ""
        )
        self.unit.load(record.unit)
        self.direction.set_value(record.direction)
        self.target.load("" if record.target is None else f"{record.target:g}")
        self.tolerance.load("" if record.tolerance is None else f"{record.tolerance:g}")
        self.owner.set_value(record.owner_id)
        self.description.load(record.description)

    def set_kind(self, key: str) -> None:
        """Choosing a standard kind fills its unit and direction (and, where still unset, its
        tolerance and a name for a KPI still called "New KPI"), as one undo step."""
        record_id = self.current_id()
        kind = kpi_kinds.BY_KEY.get(key)
        if record_id is None:
            return
        record = self.ctx.workspace.get("kpi", record_id)
        values: dict[str, Any] = {"kind": key}
        if kind is not None:
            values.update(unit=kind.unit, direction=kind.direction)
            if record.tolerance is None:
                values["tolerance"] = kind.tolerance
            if record.name in (NEW_KPI, QCoreApplication.translate("DialogsPeopleKpis", NEW_KPI)):
                values["name"] = kind.name
        text = QCoreApplication.translate("UndoText", "Set kind of {name} to {kind}").format(
            name=record.name, kind=kpi_kind_label(key)
        )
        if not self.ctx.update("kpi", record_id, text, **values):
            self.show_current()

    def _edit_number(self, field: str, text: str) -> None:
        text = text.strip().replace(",", ".")
        try:
            value = float(text) if text else None
        except ValueError:
            self.ctx.on_error(
                QCoreApplication.translate(
                    "DialogsPeopleKpis", "The {field} must be a number, not {text!r}."
                ).format(field=field, text=text)
            )
            self.show_current()
            return
        self.edit(field, value)

    def add_kpi(self, name: str | None = None) -> str | None:
        ws = self.ctx.workspace
        name = name or QCoreApplication.translate("DialogsPeopleKpis", NEW_KPI)
        kpi_id = self.add(
            lambda: ws.add_kpi(name),
            QCoreApplication.translate("UndoText", "Add KPI {name}").format(name=name),
        )
        self.name.setFocus()
        self.name.selectAll()
        return kpi_id


class PeopleKpisDialog(QDialog):
    def __init__(self, ctx: InspectorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("DialogsPeopleKpis", "People, teams & KPIs"))
        resize_within_screen(self, 720, 420)
        self.people = PeopleEditor(ctx)
        self.kpis = KpiEditor(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(
            self.people, QCoreApplication.translate("DialogsPeopleKpis", "People && teams")
        )
        self.tabs.addTab(self.kpis, QCoreApplication.translate("DialogsPeopleKpis", "KPIs"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def on_change(self, change: Change) -> None:
        if change.kind in ("party", "kpi") or change.action == "reloaded":
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        if self.people.ctx.workspace.closed:
            return
        self.people.refresh()
        self.kpis.refresh()
