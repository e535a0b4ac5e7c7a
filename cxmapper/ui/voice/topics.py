"""The Topics view: what customers write about, across the journey or card by card.

Across the journey: every topic with its count and share negative (score in the negative band).
Per card: each card's top topics, as the inspector's Voice tab lists them; the card names are
clickable (the card is selected on the map) and "Follow up…" makes the selected (card, topic)
an improvement action in one step, by the Voice tab's own path. Example verbatims of the
selected row show below the table and in each row's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from cxmapper.present import voice_labels as vl
from cxmapper.present.topic_labels import topic_label
from cxmapper.ui.locale_format import number, percent
from cxmapper.ui.overlay.views.table import number_cell, text_cell
from cxmapper.ui.voice.common import VoicePane
from cxmapper.ui.voice.names import card_names

if TYPE_CHECKING:
    from cxmapper.feedback.topics import TopicSummary
    from cxmapper.ui.voice_cache import JourneyVoice

TOPIC, CARD, COUNT, NEGATIVE = range(4)
JOURNEY, PER_CARD = "journey", "card"


@dataclass(frozen=True)
class TopicRow:
    touchpoint_id: str | None  # None: the whole journey
    topic: TopicSummary


HEADERS = (
    QT_TRANSLATE_NOOP("VoiceTopics", "Topic"),
    QT_TRANSLATE_NOOP("VoiceTopics", "Card"),
    QT_TRANSLATE_NOOP("VoiceTopics", "Comments"),
    QT_TRANSLATE_NOOP("VoiceTopics", "Negative"),
)


def _headers() -> list[str]:
    return [QCoreApplication.translate("VoiceTopics", str(h)) for h in HEADERS]


class TopicsView(VoicePane):
    def __init__(self, parent: QWidget | None = None) -> None:
        most = (COUNT, Qt.SortOrder.DescendingOrder)  # the most mentioned first
        super().__init__(_headers(), "voiceView.topics", parent=parent, names=(TOPIC, CARD),
                         sort=most)  # fmt: skip
        label = QLabel(QCoreApplication.translate("VoiceTopics", "Show"))
        self.level = QComboBox()
        self.level.setObjectName("voiceView.topics.level")
        self.level.addItem(QCoreApplication.translate("VoiceTopics", "Across the journey"), JOURNEY)
        self.level.addItem(QCoreApplication.translate("VoiceTopics", "Per card"), PER_CARD)
        self.level.setAccessibleName(QCoreApplication.translate("VoiceTopics", "Topics shown"))
        label.setBuddy(self.level)
        self.level.currentIndexChanged.connect(lambda _: self._fill())
        self.header.addWidget(label)
        self.header.addWidget(self.level, 1)
        self.add_follow_up(QCoreApplication.translate(
            "VoiceTopics", "Make the selected topic of a card an action: owner, due date, evidence"))  # fmt: skip
        self.voice: JourneyVoice | None = None
        self.rows: list[TopicRow] = []
        self._journey_topics: tuple[object, list[TopicSummary]] | None = None

    def show_voice(self, voice: JourneyVoice | None) -> None:
        self.voice = voice
        self._fill()

    def _across(self, voice: JourneyVoice) -> list[TopicSummary]:
        """The journey's topics, counted once per report (the same report: the same topics)."""
        if self._journey_topics is None or self._journey_topics[0] is not voice.report:
            from cxmapper.feedback.journey_topics import journey_topics
            from cxmapper.feedback.topics import load_topics

            assert self.ws is not None
            self._journey_topics = (
                voice.report,
                journey_topics(voice.report, load_topics(self.ws)),
            )
        return self._journey_topics[1]

    def _fill(self) -> None:
        voice = self.voice
        names = card_names(self.ws, self.journey_id) if self.ws and self.journey_id else {}
        per_card = self.level.currentData() == PER_CARD
        if voice is None:
            self.rows = []
        elif per_card:
            self.rows = [TopicRow(tp_id, t) for tp_id in names for t in voice.topics(tp_id)]
        else:
            self.rows = [TopicRow(None, t) for t in self._across(voice)]
        every = QCoreApplication.translate("VoiceTopics", "All cards")
        rows = []
        for r in self.rows:
            t, tp_id = r.topic, r.touchpoint_id
            tip = "\n".join(dict.fromkeys(t.examples))  # the same answer once
            card = names[tp_id].title if tp_id is not None else every
            rows.append([
                text_cell(topic_label(t.topic), tp_id, tip), text_cell(card, tp_id, tip),
                number_cell(t.count, number(t.count), tp_id),
                number_cell(t.negative_share, percent(t.negative_share), tp_id),
            ])  # fmt: skip
        self.show_rows(rows, voice, QCoreApplication.translate(
            "VoiceTopics", "No topics: the journey's answers have no comments on the topic list."))  # fmt: skip
        if self.follow_up_button is not None:
            self.follow_up_button.setVisible(per_card)
        self._selected()

    def detail_text(self, row: int) -> str:
        t = self.rows[row].topic
        head = QCoreApplication.translate(
            "VoiceTopics", "{topic}: {count} comments, {negative} negative. Customers said:"
        ).format(
            topic=topic_label(t.topic), count=number(t.count), negative=percent(t.negative_share)
        )
        return "\n".join([head, *(f"“{v}”" for v in dict.fromkeys(t.examples))])

    def can_follow_up(self, row: int) -> bool:
        return self.rows[row].touchpoint_id is not None and self.push is not None

    def follow_up_selected(self) -> bool:
        """The Voice tab's one step: owner and due date, then the action with its evidence."""
        row = self.selected_row()
        if row is None or self.ws is None or self.push is None or self.voice is None:
            return False
        tp_id = self.rows[row].touchpoint_id
        if tp_id is None:
            return False
        from cxmapper.feedback.card_voice import figure_lines
        from cxmapper.ui.inspector.voice_follow_up import ask_follow_up, follow_up_command

        card = self.voice.voices.get(tp_id)
        figures = card.figures if card is not None else None
        lines = [f"{vl.scale_name(k)} {text}" for k, text, _ in figure_lines(figures)] if figures else []  # fmt: skip
        request = ask_follow_up(self.ws, tp_id, self.rows[row].topic, lines, self)
        return request is not None and self.push(follow_up_command(self.ws, request))
