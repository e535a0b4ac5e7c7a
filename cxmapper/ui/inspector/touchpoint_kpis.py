"""KPIs of a touchpoint: reading history per KPI, new readings, target/direction, trend.

Readings are only ever added (history is the point), so there is no edit of a reading; a
wrong one can be undone right away or removed from the table.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model import entities as e
from cxmapper.model.kpi_status import latest_readings, status
from cxmapper.present import choice_labels as cl
from cxmapper.present.labels import status_label
from cxmapper.present.locale_format import format_date
from cxmapper.ui.commands import AddCommand, RemoveCommand
from cxmapper.ui.commands.undo_text import set_text
from cxmapper.ui.inspector.page import EntityPage
from cxmapper.ui.inspector.trend_chart import TrendChart
from cxmapper.ui.inspector.widgets import ChoiceCombo, CommitLineEdit, PartyCombo, form
from cxmapper.ui.locale_format import date_edit_format

STATUS_COLOURS = {
    "green": "#2e7d32",
    "amber": "#b45309",
    "red": "#c62828",
    "none": "#616e7c",
}  # AA on white


def parse_number(text: str) -> float | None:
    """A number as typed by a person (comma or point decimal); None when left blank."""
    text = text.strip().replace(",", ".")
    return float(text) if text else None


class TouchpointKpis(EntityPage[e.Touchpoint]):
    kind = "touchpoint"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)

        picker_row = QHBoxLayout()
        self.kpi = ChoiceCombo()
        self.kpi.setToolTip(
            QCoreApplication.translate(
                "InspectorTouchpointKpis", "KPI to show and to add readings for"
            )
        )
        self.status_label = QLabel()
        picker_row.addWidget(QLabel(QCoreApplication.translate("InspectorTouchpointKpis", "KPI")))
        picker_row.addWidget(self.kpi, 1)
        picker_row.addWidget(self.status_label)
        outer.addLayout(picker_row)

        definition = QGroupBox(QCoreApplication.translate("InspectorTouchpointKpis", "Target"))
        def_form = form()
        self.target = CommitLineEdit()
        self.target.setPlaceholderText(
            QCoreApplication.translate("InspectorTouchpointKpis", "none")
        )
        self.direction = ChoiceCombo()
        self.direction.set_choices(cl.choices(cl.DIRECTIONS))
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.direction, 1)
        def_form.addRow(QCoreApplication.translate("InspectorTouchpointKpis", "Target"), target_row)
        definition.setLayout(def_form)
        outer.addWidget(definition)

        self.chart = TrendChart()
        outer.addWidget(self.chart)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("InspectorTouchpointKpis", "Date"),
                QCoreApplication.translate("InspectorTouchpointKpis", "Value"),
                QCoreApplication.translate("InspectorTouchpointKpis", "Status"),
                QCoreApplication.translate("InspectorTouchpointKpis", "Source"),
                QCoreApplication.translate("InspectorTouchpointKpis", "Owner"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(110)
        outer.addWidget(self.table, 1)
        self.remove_button = QPushButton(
            QCoreApplication.translate("InspectorTouchpointKpis", "Remove reading")
        )
        self.remove_button.setEnabled(False)
        outer.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

        add_box = QGroupBox(QCoreApplication.translate("InspectorTouchpointKpis", "Add a reading"))
        add_form = form()
        self.value = QLineEdit()
        self.value.setPlaceholderText(
            QCoreApplication.translate("InspectorTouchpointKpis", "value")
        )
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_edit_format())
        self.source = QLineEdit()
        self.source.setPlaceholderText(
            QCoreApplication.translate("InspectorTouchpointKpis", "survey, analytics, call centre…")
        )
        self.owner = PartyCombo()
        self.add_button = QPushButton(
            QCoreApplication.translate("InspectorTouchpointKpis", "Add reading")
        )
        value_row = QHBoxLayout()
        value_row.addWidget(self.value, 1)
        value_row.addWidget(self.date, 1)
        add_form.addRow(
            QCoreApplication.translate("InspectorTouchpointKpis", "Value / date"), value_row
        )
        add_form.addRow(
            QCoreApplication.translate("InspectorTouchpointKpis", "Source"), self.source
        )
        add_form.addRow(QCoreApplication.translate("InspectorTouchpointKpis", "Owner"), self.owner)
        add_form.addRow("", self.add_button)
        add_box.setLayout(add_form)
        outer.addWidget(add_box)

        self.kpi.currentIndexChanged.connect(lambda _: self.refresh())
        self.target.committed.connect(self._commit_target)
        self.direction.activated.connect(
            lambda _: self._edit_kpi("direction", self.direction.value())
        )
        self.add_button.clicked.connect(self.add_reading)
        self.value.returnPressed.connect(self.add_reading)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.table.selectedItems()))
        )
        self.remove_button.clicked.connect(self.remove_selected)

    # -- reading the model -------------------------------------------------------------------

    def current_kpi(self) -> e.Kpi | None:
        kpi_id = self.kpi.value()
        if self.ctx is None or not kpi_id:
            return None
        return self.ctx.workspace.find("kpi", kpi_id)

    def show_entity(self, tp: e.Touchpoint) -> None:
        assert self.ctx is not None
        ws = self.ctx.workspace
        readings = ws.readings(touchpoint_id=tp.id)
        latest = latest_readings(readings)
        kpis = ws.kpis()
        used = {r.kpi_id for r in readings}
        choices = []
        for k in sorted(kpis, key=lambda k: (k.id not in used, k.position)):
            last = latest.get((tp.id, k.id))
            label = k.name if last is None else f"{k.name}  ·  {_fmt(last.value)} {k.unit}".rstrip()
            choices.append((label, k.id))
        self.kpi.blockSignals(True)
        self.kpi.set_choices(choices)
        if self.kpi.currentIndex() < 0 and choices:
            self.kpi.setCurrentIndex(0)
        self.kpi.blockSignals(False)
        self.owner.set_parties(ws.parties(), create=self.ctx.create_party)

        kpi = self.current_kpi()
        for w in (self.target, self.direction, self.add_button, self.value):
            w.setEnabled(kpi is not None)
        if kpi is None:
            self.status_label.setText(
                QCoreApplication.translate(
                    "InspectorTouchpointKpis", "Define KPIs under Journey ▸ People & KPIs"
                )
            )
            self.table.setRowCount(0)
            self.chart.show_readings(None, [])
            return
        self.target.load("" if kpi.target is None else _fmt(kpi.target))
        self.direction.set_value(kpi.direction)
        history = [r for r in readings if r.kpi_id == kpi.id]
        last = latest.get((tp.id, kpi.id))
        self._show_status(kpi, None if last is None else last.value)
        self._fill_table(kpi, history)
        self.chart.show_readings(kpi, history)

    def _show_status(self, kpi: e.Kpi, value: float | None) -> None:
        state = status(kpi, value)
        colour = STATUS_COLOURS[state]
        words = (
            QCoreApplication.translate("InspectorTouchpointKpis", "no readings")
            if value is None
            else status_label(state)
        )
        self.status_label.setText(
            QCoreApplication.translate(
                "InspectorTouchpointKpis", "<span style='color:{colour}'>●</span> {words}"
            ).format(colour=colour, words=words)
        )

    def _fill_table(self, kpi: e.Kpi, history: list[e.Reading]) -> None:
        assert self.ctx is not None
        names = {p.id: p.name for p in self.ctx.workspace.parties()}
        self.table.setRowCount(len(history))
        for row, r in enumerate(reversed(history)):  # newest first
            state = status(kpi, r.value)
            cells = [format_date(r.measured_at[:10]), f"{_fmt(r.value)} {kpi.unit}".strip(),
                     status_label(state), r.source, names.get(r.owner_id or "", "")]  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                if col == 2:
                    item.setForeground(QBrush(QColor(STATUS_COLOURS[state])))
                self.table.setItem(row, col, item)

    # -- writing through commands ------------------------------------------------------------

    def _edit_kpi(self, field: str, value: object) -> None:
        kpi = self.current_kpi()
        if kpi is not None and self.ctx is not None:
            self.ctx.update("kpi", kpi.id, set_text(field, kpi.name), **{field: value})
        self.refresh()

    def _commit_target(self, text: str) -> None:
        try:
            value = parse_number(text)
        except ValueError:
            assert self.ctx is not None
            self.ctx.on_error(
                QCoreApplication.translate(
                    "InspectorTouchpointKpis", "The target must be a number, not {text!r}."
                ).format(text=text)
            )
            self.target.setModified(False)
            self.refresh()
            return
        self._edit_kpi("target", value)

    def add_reading(self) -> None:
        kpi = self.current_kpi()
        if kpi is None or self.ctx is None or self.entity_id is None:
            return
        try:
            value = parse_number(self.value.text())
        except ValueError:
            value = None
        if value is None:
            self.ctx.on_error(
                QCoreApplication.translate(
                    "InspectorTouchpointKpis", "Type a number for the reading's value."
                )
            )
            return
        ws, tp_id = self.ctx.workspace, self.entity_id
        measured = self.date.date().toString("yyyy-MM-dd")
        source, owner = self.source.text().strip(), self.owner.value()
        command = AddCommand(
            ws, "reading",
            lambda: ws.add_reading(tp_id, kpi.id, value, measured, source=source, owner_id=owner),
            QCoreApplication.translate("UndoText", "Add {kpi} reading {value}").format(kpi=kpi.name, value=_fmt(value)),
        )  # fmt: skip
        if self.ctx.push(command):
            self.value.clear()

    def remove_selected(self) -> None:
        items = self.table.selectedItems()
        if not items or self.ctx is None:
            return
        ids = list(dict.fromkeys(i.data(Qt.ItemDataRole.UserRole) for i in items))
        self.ctx.push(
            RemoveCommand(
                self.ctx.workspace,
                "reading",
                ids,
                QCoreApplication.translate("UndoText", "Remove KPI reading"),
            )
        )


def _fmt(value: float) -> str:
    """A reading or target as people of the app's language write it ("4,27" in Italian),
    without grouping so that the target field reads back through `parse_number`."""
    return f"{value:g}".replace(".", QLocale().decimalPoint())
