"""A topic on a card becomes a follow-up in one step: the Voice tab's "Follow up…" asks who
owns it and when it is due, then pushes one undoable command that adds the action with its
evidence (the card's figures, the topic's count and share negative, example verbatims).

The owner defaults to the card's Responsible (`model.follow_up.default_owner`), so accepting
the dialog as it opens is the one-step path the issue asks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from cxmapper.model.follow_up import default_owner, evidence_text
from cxmapper.model.workspace import Workspace
from cxmapper.present.topic_labels import topic_label
from cxmapper.ui.commands import AddCommand
from cxmapper.ui.inspector.touchpoint_actions import valid_due_date
from cxmapper.ui.inspector.widgets import PartyCombo, form

if TYPE_CHECKING:
    from cxmapper.feedback.topics import TopicSummary


@dataclass(frozen=True)
class FollowUpRequest:
    """What the dialog asked for, ready to become the command."""

    touchpoint_id: str
    title: str
    figures: tuple[str, ...]
    verbatims: tuple[str, ...]
    owner_id: str | None
    due_date: str


def topic_evidence(topic: TopicSummary) -> str:
    return QCoreApplication.translate(
        "VoiceFollowUp", "Topic {topic}: {count} comments, {negative:.0%} negative"
    ).format(topic=topic_label(topic.topic), count=topic.count, negative=topic.negative_share)


class FollowUpDialog(QDialog):
    """Owner and due date of a follow-up (the title can be reworded)."""

    def __init__(self, ws: Workspace, touchpoint_id: str, title: str, evidence: list[str],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("VoiceFollowUp", "Follow up a topic"))
        self.setObjectName("voiceFollowUpDialog")
        self.title = QLineEdit(title)
        self.owner = PartyCombo()
        self.owner.set_parties(ws.parties())
        self.owner.set_value(default_owner(ws, touchpoint_id))
        self.due = QLineEdit()
        self.due.setPlaceholderText(QCoreApplication.translate("VoiceFollowUp", "YYYY-MM-DD"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        shown = QLabel("\n".join(evidence))
        shown.setWordWrap(True)
        fields = form()
        fields.addRow(QCoreApplication.translate("VoiceFollowUp", "Title"), self.title)
        fields.addRow(QCoreApplication.translate("VoiceFollowUp", "Owner"), self.owner)
        fields.addRow(QCoreApplication.translate("VoiceFollowUp", "Due date"), self.due)
        fields.addRow(QCoreApplication.translate("VoiceFollowUp", "Evidence"), shown)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Refuse a due date that is not a date, or an empty title, and say why."""
        if valid_due_date(self.due.text()) is None:
            self.error.setText(QCoreApplication.translate("VoiceFollowUp",
                               "The due date is not a date; write it as YYYY-MM-DD."))  # fmt: skip
            return
        if not self.title.text().strip():
            self.error.setText(QCoreApplication.translate("VoiceFollowUp", "The title is empty."))
            return
        super().accept()


def ask_follow_up(
    ws: Workspace,
    touchpoint_id: str,
    topic: TopicSummary,
    figures: list[str],
    parent: QWidget | None = None,
) -> FollowUpRequest | None:
    """Show the dialog for `topic` on the card; None if cancelled."""
    tp = ws.get("touchpoint", touchpoint_id)
    evidence = [topic_evidence(topic), *figures]
    dialog = FollowUpDialog(
        ws, touchpoint_id, f"{tp.title}: {topic_label(topic.topic)}", evidence, parent
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return FollowUpRequest(
        touchpoint_id, dialog.title.text().strip(), tuple(evidence), tuple(topic.examples),
        dialog.owner.value(), valid_due_date(dialog.due.text()) or "",
    )  # fmt: skip


def follow_up_command(ws: Workspace, request: FollowUpRequest) -> AddCommand:
    """One undo step: the action with its owner, due date and evidence."""
    r = request

    def create():  # type: ignore[no-untyped-def]
        # as model.follow_up.add_follow_up, but "nobody" picked in the dialog stays nobody
        return ws.add_action(r.touchpoint_id, r.title, owner_id=r.owner_id, due_date=r.due_date,
                             description=evidence_text(r.figures, r.verbatims))  # fmt: skip

    text = QCoreApplication.translate("VoiceFollowUp", "Follow up {title}").format(title=r.title)
    return AddCommand(ws, "action", create, text)
