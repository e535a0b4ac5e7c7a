"""The Voice tab of a card: its survey figures (NPS, CSAT, CES with n) and what customers wrote.

Figures with fewer than 30 answers are greyed and marked indicative, as the report marks them;
verbatims are shown as stored, already masked at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cxmapper.model import entities as e
from cxmapper.present import voice_labels as vl
from cxmapper.ui.inspector.page import EntityPage

if TYPE_CHECKING:  # the feedback package loads pandas: imported when a card is shown, not at start
    from cxmapper.feedback.card_voice import CardVoice, Verbatim

GREY = "color: #8a8a8a;"


def tr(text: str) -> str:
    return QCoreApplication.translate("TouchpointVoice", text)


def verbatim_label(v: Verbatim) -> str:
    score = "" if v.score is None else f" · {v.score:g}"
    lang = f" · {v.lang}" if v.lang else ""
    return f"{v.answered_on}{score}{lang}\n{v.text}"


class TouchpointVoice(EntityPage):
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
        self.said = QLabel(tr("What customers said"))
        outer.addWidget(self.said)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setMinimumHeight(160)
        outer.addWidget(self.list, 1)
        self.figure_labels: dict[str, QLabel] = {}
        self.voice: CardVoice | None = None

    def show_entity(self, tp: e.Touchpoint) -> None:
        assert self.ctx is not None
        from cxmapper.ui.voice_cache import journey_voices

        voice = journey_voices(self.ctx.workspace, tp.journey_id).get(tp.id)
        self.voice = voice
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
            tr("What customers said ({shown} of {total})").format(shown=len(shown), total=total)
        )
        for v in shown:
            item = QListWidgetItem(verbatim_label(v))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)
