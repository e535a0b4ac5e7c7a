"""The Money tab of a card: what its problems cost, beside its stage's and the journey's totals.

Value at risk, cost to serve, repeat-contact cost and failure-demand cost are `analysis.money`'s
figures of the analysis shown now (docs/metrics.md, *Business impact*), priced with the
journey's value model; they come through `money_hub` from the analysis panel. A stage's and the
journey's figures are the sums of their cards', so the three columns always add up. Amounts are
written by `present.money.format_money` in the app's language, as on the map and in Excel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from cxmapper.model import entities as e
from cxmapper.present.language import current_language
from cxmapper.present.money import format_money
from cxmapper.ui.inspector.page import EntityPage
from cxmapper.ui.overlay.money_hub import money_hub

if TYPE_CHECKING:  # the analysis package loads pandas
    from cxmapper.analysis.money import MoneyFigures

FIGURES = ("value_at_risk", "cost_to_serve", "repeat_contact_cost", "failure_demand_cost")
COLUMNS = ("card", "stage", "journey")


def figure_name(key: str) -> str:
    return {
        "value_at_risk": QCoreApplication.translate("TouchpointMoney", "Value at risk"),
        "cost_to_serve": QCoreApplication.translate("TouchpointMoney", "Cost to serve"),
        "repeat_contact_cost": QCoreApplication.translate("TouchpointMoney", "Repeat-contact cost"),
        "failure_demand_cost": QCoreApplication.translate("TouchpointMoney", "Failure-demand cost"),
    }[key]


def figure_tip(key: str) -> str:
    return {
        "value_at_risk": QCoreApplication.translate(
            "TouchpointMoney",
            "Cases whose last mapped event is here and that never reach a goal, "
            "× the value of a conversion",
        ),
        "cost_to_serve": QCoreApplication.translate(
            "TouchpointMoney", "Contacts in assisted channels here × the cost of a contact"
        ),
        "repeat_contact_cost": QCoreApplication.translate(
            "TouchpointMoney",
            "Contacts here that follow another contact of the case within the repeat window",
        ),
        "failure_demand_cost": QCoreApplication.translate(
            "TouchpointMoney",
            "Assisted contacts soon after this digital step, by cases that have not converted",
        ),
    }[key]


class TouchpointMoney(EntityPage[e.Touchpoint]):
    """A small table: the four money figures (rows) for the card, its stage and the journey."""

    kind = "touchpoint"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("moneyNote")
        outer.addWidget(self.note)
        grid = QGridLayout()
        heads = (
            QCoreApplication.translate("TouchpointMoney", "This card"),
            QCoreApplication.translate("TouchpointMoney", "Stage"),
            QCoreApplication.translate("TouchpointMoney", "Journey"),
        )
        for col, text in enumerate(heads, 1):
            head = QLabel(f"<b>{text}</b>")
            head.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(head, 0, col)
        self.cells: dict[tuple[str, str], QLabel] = {}
        for row, key in enumerate(FIGURES, 1):
            name = QLabel(figure_name(key))
            name.setToolTip(figure_tip(key))
            grid.addWidget(name, row, 0)
            for col, where in enumerate(COLUMNS, 1):
                cell = QLabel("–")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setAccessibleName(f"{figure_name(key)} ({heads[col - 1]})")
                grid.addWidget(cell, row, col)
                self.cells[(key, where)] = cell
        grid.setColumnStretch(0, 1)
        grid.setHorizontalSpacing(14)
        outer.addLayout(grid)
        outer.addStretch(1)
        money_hub().changed.connect(self._hub_changed)

    def _hub_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def text(self, figure: str, where: str) -> str:
        """The shown amount of `figure` for 'card', 'stage' or 'journey' (for tests)."""
        return self.cells[(figure, where)].text()

    def show_entity(self, tp: e.Touchpoint) -> None:
        money = money_hub().figures_for(tp.journey_id)
        values = _values(money, tp.id)
        if money is None:
            self.note.setText(
                QCoreApplication.translate(
                    "TouchpointMoney",
                    "Analyse a dataset of this journey with a value model (Journey ▸ Value "
                    "model…) to see what this card's problems cost.",
                )
            )
        elif values is None:
            self.note.setText(
                QCoreApplication.translate(
                    "TouchpointMoney", "No event of the analysed dataset is mapped to this card."
                )
            )
        else:
            self.note.setText(
                QCoreApplication.translate(
                    "TouchpointMoney", "In {currency}, over the analysed period."
                ).format(currency=money.currency)
            )
        language = current_language()
        for key in FIGURES:
            for where in COLUMNS:
                amount = None if values is None else values[where].get(key)
                text = "–" if amount is None else format_money(amount, money.currency, language)
                self.cells[(key, where)].setText(text)


def _values(money: MoneyFigures | None, tp_id: str) -> dict[str, dict[str, float]] | None:
    """{'card': ..., 'stage': ..., 'journey': ...} figures of `tp_id`; None when it has none."""
    if money is None or tp_id not in money.cards.index:
        return None
    card = money.cards.loc[tp_id]
    stage = int(card["stage_index"])
    stages = money.stages
    return {
        "card": {k: float(card[k]) for k in FIGURES},
        "stage": {k: float(stages.at[stage, k]) for k in FIGURES} if stage in stages.index else {},
        "journey": {k: float(money.journey[k]) for k in FIGURES},
    }
