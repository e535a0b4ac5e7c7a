"""The touchpoint's own fields: what it is, who owns it, how events are matched to it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel
from PySide6.QtWidgets import QCheckBox, QCompleter, QWidget

from cxmapper.model import emotions
from cxmapper.model import entities as e
from cxmapper.present import choice_labels as cl
from cxmapper.present.labels import emotion_choices
from cxmapper.ui.inspector.page import EntityPage
from cxmapper.ui.inspector.widgets import (
    ChoiceCombo,
    CommitLineEdit,
    CommitTextEdit,
    PartyCombo,
    form,
    hint,
    split_list,
)


class TouchpointDetails(EntityPage[e.Touchpoint]):
    kind = "touchpoint"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = form()
        self.title = CommitLineEdit()
        self.description = CommitTextEdit(lines=3)
        self.channel = CommitLineEdit()
        self.channel.setPlaceholderText(
            QCoreApplication.translate("InspectorTouchpointDetails", "web, app, phone, branch…")
        )
        self._channels = QStringListModel(self)
        self.channel.setCompleter(QCompleter(self._channels, self.channel))
        self.component = ChoiceCombo()
        self.component.set_choices(cl.choices(cl.COMPONENTS, e.COMPONENTS))
        self.emotion = ChoiceCombo()
        self.emotion.set_choices(emotion_choices(emotions.SCORES))
        self.tags = CommitLineEdit()
        self.tags.setPlaceholderText(
            QCoreApplication.translate("InspectorTouchpointDetails", "comma-separated")
        )
        self.owner = PartyCombo()
        self.goal = QCheckBox(
            QCoreApplication.translate(
                "InspectorTouchpointDetails", "This touchpoint is a goal of the journey"
            )
        )
        self.match_events = CommitTextEdit(lines=2)
        self.match_events.setPlaceholderText(
            QCoreApplication.translate(
                "InspectorTouchpointDetails", "one event name per line, matched exactly"
            )
        )
        self.match_patterns = CommitTextEdit(lines=2)
        self.match_patterns.setPlaceholderText(
            QCoreApplication.translate(
                "InspectorTouchpointDetails", "one glob per line, e.g. checkout_*"
            )
        )
        layout.addRow(QCoreApplication.translate("InspectorTouchpointDetails", "Title"), self.title)
        layout.addRow(
            QCoreApplication.translate("InspectorTouchpointDetails", "Description"),
            self.description,
        )
        layout.addRow(
            QCoreApplication.translate("InspectorTouchpointDetails", "Channel"), self.channel
        )
        layout.addRow(
            QCoreApplication.translate("InspectorTouchpointDetails", "Component"), self.component
        )
        layout.addRow(
            QCoreApplication.translate("InspectorTouchpointDetails", "Emotion"), self.emotion
        )
        layout.addRow(QCoreApplication.translate("InspectorTouchpointDetails", "Tags"), self.tags)
        layout.addRow(QCoreApplication.translate("InspectorTouchpointDetails", "Owner"), self.owner)
        layout.addRow("", self.goal)
        layout.addRow(
            hint(
                QCoreApplication.translate(
                    "InspectorTouchpointDetails",
                    "Events from imported logs count for this touchpoint when they match:",
                )
            )
        )
        layout.addRow(
            QCoreApplication.translate("InspectorTouchpointDetails", "Event names"),
            self.match_events,
        )
        layout.addRow(
            QCoreApplication.translate("InspectorTouchpointDetails", "Patterns"),
            self.match_patterns,
        )
        self.setLayout(layout)

        self.title.committed.connect(
            lambda t: self.edit(
                "title", t.strip(), QCoreApplication.translate("UndoText", "Rename touchpoint")
            )
        )
        self.description.committed.connect(lambda t: self.edit("description", t))
        self.channel.committed.connect(
            lambda t: self.edit(
                "channel", t.strip(), QCoreApplication.translate("UndoText", "Set channel")
            )
        )
        self.component.activated.connect(
            lambda _: self.edit(
                "component",
                self.component.value(),
                QCoreApplication.translate("UndoText", "Set component"),
            )
        )
        self.emotion.activated.connect(
            lambda _: self.edit(
                "emotion",
                self.emotion.value(),
                QCoreApplication.translate("UndoText", "Set emotion"),
            )
        )
        self.tags.committed.connect(
            lambda t: self.edit(
                "tags", split_list(t), QCoreApplication.translate("UndoText", "Set tags")
            )
        )
        self.owner.activated.connect(
            lambda _: self.edit(
                "owner_id", self.owner.value(), QCoreApplication.translate("UndoText", "Set owner")
            )
        )
        self.goal.clicked.connect(
            lambda on: self.edit(
                "is_goal", bool(on), QCoreApplication.translate("UndoText", "Set goal flag")
            )
        )
        self.match_events.committed.connect(
            lambda t: self.edit(
                "match_events",
                split_list(t, "\n"),
                QCoreApplication.translate("UndoText", "Set event names"),
            )
        )
        self.match_patterns.committed.connect(
            lambda t: self.edit(
                "match_patterns",
                split_list(t, "\n"),
                QCoreApplication.translate("UndoText", "Set event patterns"),
            )
        )

    def show_entity(self, tp: e.Touchpoint) -> None:
        assert self.ctx is not None
        ws = self.ctx.workspace
        self.owner.set_parties(ws.parties(), create=self.ctx.create_party)
        channels = sorted({t.channel for t in ws.touchpoints(tp.journey_id) if t.channel})
        self._channels.setStringList(channels)
        self.title.load(tp.title)
        self.description.load(tp.description)
        self.channel.load(tp.channel)
        self.component.set_value(tp.component)
        self.emotion.set_value(tp.emotion)
        self.tags.load(", ".join(tp.tags))
        self.owner.set_value(tp.owner_id)
        self.goal.setChecked(tp.is_goal)
        self.match_events.load("\n".join(tp.match_events))
        self.match_patterns.load("\n".join(tp.match_patterns))
