"""The Voice tab of a card: its survey figures (NPS, CSAT, CES with n), its top topics and
what customers wrote.

Figures with fewer than 30 answers are greyed and marked indicative, as the report marks them;
verbatims are shown as stored, already masked at import. A topic becomes a follow-up from its
context menu or the "Follow up…" button (voice_follow_up: owner, due date, one undo step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cxmapper.model import entities as e
from cxmapper.present import voice_labels as vl
from cxmapper.present.topic_labels import topic_label as topic_word
from cxmapper.ui.inspector.page import EntityPage

if TYPE_CHECKING:  # the feedback package loads pandas: imported when a card is shown, not at start
    from cxmapper.feedback.card_voice import CardVoice, Verbatim
    from cxmapper.feedback.topics import TopicSummary

GREY = "color: #8a8a8a;"


def topic_label(t: TopicSummary) -> str:
    return QCoreApplication.translate(
        "TouchpointVoice", "{topic}: {count} comments, {negative:.0%} negative"
    ).format(topic=topic_word(t.topic), count=t.count, negative=t.negative_share)


def verbatim_label(v: Verbatim) -> str:
    score = "" if v.score is None else f" · {v.score:g}"
    lang = f" · {v.lang}" if v.lang else ""
    return f"{v.answered_on}{score}{lang}\n{v.text}"


class TouchpointVoice(EntityPage[e.Touchpoint]):
    kind = "touchpoint"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.figures_box = QVBoxLayout()
        outer.addLayout(self.figures_box)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(GREY)
        outer.addWidget(self.note)
        self.topics_title = QLabel(QCoreApplication.translate("TouchpointVoice", "Top topics"))
        outer.addWidget(self.topics_title)
        self.topics = QListWidget()
        self.topics.setMaximumHeight(110)
        self.topics.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.topics.customContextMenuRequested.connect(self._topic_menu)
        self.topics.itemSelectionChanged.connect(self._topic_selected)
        outer.addWidget(self.topics)
        row = QHBoxLayout()
        self.follow_up_button = QPushButton(
            QCoreApplication.translate("TouchpointVoice", "Follow up…")
        )
        self.follow_up_button.setToolTip(QCoreApplication.translate(
            "TouchpointVoice", "Make the selected topic an action: owner, due date, evidence"))  # fmt: skip
        self.follow_up_button.clicked.connect(self.follow_up_selected)
        row.addWidget(self.follow_up_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.said = QLabel(QCoreApplication.translate("TouchpointVoice", "What customers said"))
        outer.addWidget(self.said)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(160)
        outer.addWidget(self.list, 1)
        self.figure_labels: dict[str, QLabel] = {}
        self.voice: CardVoice | None = None
        self.topic_list: list[TopicSummary] = []
        self._topic_selected()

    def show_entity(self, tp: e.Touchpoint) -> None:
        assert self.ctx is not None
        from cxmapper.ui.voice_cache import journey_voice

        found = journey_voice(self.ctx.workspace, tp.journey_id)
        voice = found.voices.get(tp.id) if found is not None else None
        self.voice = voice
        self._show_topics(found.topics(tp.id) if found is not None else [])
        for label in self.figure_labels.values():
            label.deleteLater()
        self.figure_labels = {}
        self.list.clear()
        figures = voice.figures if voice is not None else None
        if figures is None:
            self.note.setText(vl.no_responses())
        else:
            from cxmapper.feedback.card_voice import figure_lines
            from cxmapper.feedback.measures import INDICATIVE_BELOW

            for scale, text, n in figure_lines(figures):
                label = QLabel(f"<b>{vl.scale_name(scale)}</b> {text}")
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setWordWrap(True)
                if n < INDICATIVE_BELOW:
                    label.setStyleSheet(GREY)
                    label.setToolTip(vl.indicative())
                self.figure_labels[scale] = label
                self.figures_box.addWidget(label)
            self.note.setText(vl.indicative() if figures.indicative else "")
        shown = voice.verbatims if voice is not None else []
        total = voice.n_verbatims if voice is not None else 0
        self.said.setText(
            QCoreApplication.translate(
                "TouchpointVoice", "What customers said ({shown} of {total})"
            ).format(shown=len(shown), total=total)
        )
        for v in shown:
            item = QListWidgetItem(verbatim_label(v))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)

    # -- topics and follow-ups ---------------------------------------------------------------

    def _show_topics(self, topics: list[TopicSummary]) -> None:
        self.topic_list = list(topics)
        self.topics.clear()
        for i, t in enumerate(topics):
            item = QListWidgetItem(topic_label(t))
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip("\n".join(t.examples))
            self.topics.addItem(item)
        self.topics_title.setVisible(bool(topics))
        self.topics.setVisible(bool(topics))
        self.follow_up_button.setVisible(bool(topics))
        self._topic_selected()

    def _topic_selected(self) -> None:
        self.follow_up_button.setEnabled(self.selected_topic() is not None)

    def selected_topic(self) -> TopicSummary | None:
        items = self.topics.selectedItems()
        return self.topic_list[items[0].data(Qt.ItemDataRole.UserRole)] if items else None

    def _topic_menu(self, pos: QPoint) -> None:
        item = self.topics.itemAt(pos)
        if item is None:
            return
        self.topics.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(
            QCoreApplication.translate("TouchpointVoice", "Follow up…"), self.follow_up_selected
        )
        menu.exec(self.topics.viewport().mapToGlobal(pos))

    def follow_up_selected(self) -> bool:
        """Ask owner and due date for the selected topic, then add the action (one undo step)."""
        topic = self.selected_topic()
        if topic is None or self.ctx is None or self.entity_id is None:
            return False
        from cxmapper.feedback.card_voice import figure_lines
        from cxmapper.ui.inspector.voice_follow_up import ask_follow_up, follow_up_command

        figures = self.voice.figures if self.voice is not None else None
        lines = [f"{vl.scale_name(k)} {text}" for k, text, _ in figure_lines(figures)] if figures else []  # fmt: skip
        ws = self.ctx.workspace
        request = ask_follow_up(ws, self.entity_id, topic, lines, self)
        return request is not None and self.ctx.push(follow_up_command(ws, request))
