"""The Lineage tab of the governance window: each card of the journey now with its lineage id,
the version it was first saved in and the journey it was copied from, so the same card is
recognisable across versions and duplicated journeys (read from `model.lineage`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cxmapper.model.lineage import Lineage
from cxmapper.ui.governance.tables import fill, table


class LineageTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.note = QLabel(QCoreApplication.translate(
            "LineageTab", "The same card keeps its lineage ID in every version and in copies "
            "of the journey."))  # fmt: skip
        self.note.setWordWrap(True)
        self.cards = table([
            QCoreApplication.translate("LineageTab", "Card"),
            QCoreApplication.translate("LineageTab", "Lineage ID"),
            QCoreApplication.translate("LineageTab", "First saved in"),
            QCoreApplication.translate("LineageTab", "Copied from journey"),
        ])  # fmt: skip
        self.cards.setObjectName("governance.lineage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.cards)

    def show_lineage(self, lineage: Lineage) -> None:
        not_yet = QCoreApplication.translate("LineageTab", "not in a version yet")
        fill(self.cards, [[c.title, c.lineage_id, c.first_version or not_yet, c.copied_from or ""]
                          for c in lineage.cards])  # fmt: skip
