"""Inspectors for the map's frame: journey, stage, lane and connector."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSpinBox, QWidget

from cxmapper.model import entities as e
from cxmapper.present import choice_labels as cl
from cxmapper.ui.inspector.page import EntityPage
from cxmapper.ui.inspector.widgets import (
    ChoiceCombo,
    CommitLineEdit,
    CommitTextEdit,
    form,
)


def _size_box(minimum: int = 40, maximum: int = 5000) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setSingleStep(20)
    box.setSuffix(QCoreApplication.translate("InspectorStructure", " px"))
    box.setKeyboardTracking(False)
    return box


class JourneyPage(EntityPage[e.Journey]):
    kind = "journey"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = form()
        self.name = CommitLineEdit()
        self.description = CommitTextEdit(lines=4)
        self.persona = ChoiceCombo()
        self.state = ChoiceCombo()
        self.state.set_choices(cl.choices(cl.JOURNEY_STATES, e.JOURNEY_STATES))
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Name"), self.name)
        layout.addRow(
            QCoreApplication.translate("InspectorStructure", "Description"), self.description
        )
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Persona"), self.persona)
        layout.addRow(QCoreApplication.translate("InspectorStructure", "State"), self.state)
        self.setLayout(layout)
        self.name.committed.connect(
            lambda t: self.edit(
                "name", t.strip(), QCoreApplication.translate("UndoText", "Rename journey")
            )
        )
        self.description.committed.connect(lambda t: self.edit("description", t))
        self.persona.activated.connect(
            lambda _: self.edit(
                "persona_id",
                self.persona.value(),
                QCoreApplication.translate("UndoText", "Set persona"),
            )
        )
        self.state.activated.connect(
            lambda _: self.edit(
                "state", self.state.value(), QCoreApplication.translate("UndoText", "Set state")
            )
        )

    def show_entity(self, entity: e.Journey) -> None:
        assert self.ctx is not None
        personas = [("— no persona —", None)] + [
            (p.name, p.id) for p in self.ctx.workspace.personas()
        ]
        self.persona.set_choices(personas)
        self.name.load(entity.name)
        self.description.load(entity.description)
        self.persona.set_value(entity.persona_id)
        self.state.set_value(entity.state)


class StagePage(EntityPage[e.Stage]):
    kind = "stage"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = form()
        self.name = CommitLineEdit()
        self.description = CommitTextEdit(lines=4)
        self.width_box = _size_box()
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Name"), self.name)
        layout.addRow(
            QCoreApplication.translate("InspectorStructure", "Description"), self.description
        )
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Width"), self.width_box)
        self.setLayout(layout)
        self.name.committed.connect(
            lambda t: self.edit(
                "name", t.strip(), QCoreApplication.translate("UndoText", "Rename stage")
            )
        )
        self.description.committed.connect(lambda t: self.edit("description", t))
        self.width_box.editingFinished.connect(
            lambda: self.edit(
                "width",
                float(self.width_box.value()),
                QCoreApplication.translate("UndoText", "Resize stage"),
            )
        )

    def show_entity(self, entity: e.Stage) -> None:
        self.name.load(entity.name)
        self.description.load(entity.description)
        if not self.width_box.hasFocus():
            self.width_box.setValue(round(entity.width))


class LanePage(EntityPage[e.Lane]):
    kind = "lane"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = form()
        self.name = CommitLineEdit()
        self.lane_kind = ChoiceCombo()
        self.lane_kind.set_choices(cl.choices(cl.LANE_KINDS, e.LANE_KINDS))
        self.height_box = _size_box()
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Name"), self.name)
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Kind"), self.lane_kind)
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Height"), self.height_box)
        self.setLayout(layout)
        self.name.committed.connect(
            lambda t: self.edit(
                "name", t.strip(), QCoreApplication.translate("UndoText", "Rename lane")
            )
        )
        self.lane_kind.activated.connect(
            lambda _: self.edit(
                "kind",
                self.lane_kind.value(),
                QCoreApplication.translate("UndoText", "Set lane kind"),
            )
        )
        self.height_box.editingFinished.connect(
            lambda: self.edit(
                "height",
                float(self.height_box.value()),
                QCoreApplication.translate("UndoText", "Resize lane"),
            )
        )

    def show_entity(self, entity: e.Lane) -> None:
        self.name.load(entity.name)
        self.lane_kind.set_value(entity.kind)
        if not self.height_box.hasFocus():
            self.height_box.setValue(round(entity.height))


class ConnectorPage(EntityPage[e.Connector]):
    kind = "connector"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = form()
        self.ends = CommitLineEdit()
        self.ends.setReadOnly(True)
        self.label = CommitLineEdit()
        self.connector_kind = ChoiceCombo()
        self.connector_kind.set_choices(cl.choices(cl.CONNECTOR_KINDS, e.CONNECTOR_KINDS))
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Joins"), self.ends)
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Label"), self.label)
        layout.addRow(QCoreApplication.translate("InspectorStructure", "Kind"), self.connector_kind)
        self.setLayout(layout)
        self.label.committed.connect(
            lambda t: self.edit(
                "label", t.strip(), QCoreApplication.translate("UndoText", "Label connector")
            )
        )
        self.connector_kind.activated.connect(
            lambda _: self.edit(
                "kind",
                self.connector_kind.value(),
                QCoreApplication.translate("UndoText", "Set connector kind"),
            )
        )

    def show_entity(self, entity: e.Connector) -> None:
        assert self.ctx is not None
        ws = self.ctx.workspace
        src, dst = ws.find("touchpoint", entity.source_id), ws.find("touchpoint", entity.target_id)
        self.ends.setText(f"{src.title if src else '?'}  →  {dst.title if dst else '?'}")
        self.label.load(entity.label)
        self.connector_kind.set_value(entity.kind)
