"""The "Money" overlay: each card's value at risk, tinted relative to the journey's own range.

The figures are `analysis.money`'s (the one implementation, docs/metrics.md *Business impact*);
the tint is `present.heat`'s relative range, as friction and drop-off are coloured, so the card
that loses the most money is the darkest even when every figure is small; the text on a card
is `present.money.format_money` in the app's language, the same text the workbook shows. The
flows between cards and the unexpected paths are the ones every overlay draws.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from cxmapper.present.heat import heat_range
from cxmapper.present.language import current_language
from cxmapper.present.money import format_money
from cxmapper.present.overlay import Overlay, OverlayValue, build_overlay

MONEY = "money"  # the overlay's key, beside the keys of `present.labels.OVERLAYS`


def money_label() -> str:
    """The overlay's name in the panel's list."""
    return QCoreApplication.translate("MoneyOverlay", "Money: value at risk")


def money_menu_label() -> str:
    """The overlay's name in the Analysis ▸ Overlay menu."""
    return QCoreApplication.translate("MoneyOverlay", "&Money at risk")


def money_of(result: Any) -> Any:
    """The analysis result's `MoneyFigures`, or None (no value model, or a summary without it)."""
    report = getattr(result, "report", None)
    return getattr(report, "money", None)


def card_money_tooltip(title: str, row: Any, currency: str, language: str) -> str:
    """The four money figures of one card, for its tooltip."""

    def money(column: str) -> str:
        return format_money(float(row[column]), currency, language)

    lines = [
        f"<b>{title}</b>",
        QCoreApplication.translate(
            "MoneyOverlay", "Value at risk: {money} ({n} conversions lost)"
        ).format(money=money("value_at_risk"), n=int(row["conversions_lost"])),
        QCoreApplication.translate("MoneyOverlay", "Cost to serve: {money} ({n} contacts)").format(
            money=money("cost_to_serve"), n=int(row["contacts"])
        ),
        QCoreApplication.translate(
            "MoneyOverlay", "Repeat-contact cost: {money} ({n} repeat contacts)"
        ).format(money=money("repeat_contact_cost"), n=int(row["repeat_contacts"])),
        QCoreApplication.translate("MoneyOverlay", "Failure demand: {money} ({n} contacts)").format(
            money=money("failure_demand_cost"), n=int(row["failure_demand"])
        ),
    ]
    return "<br>".join(lines)


def build_money_overlay(result: Any, language: str | None = None) -> Overlay:
    """Value at risk per reached card; the legend carries the journey's total. Without money
    figures (the journey has no value model) the cards stay untinted and the legend says how
    to get them."""
    language = language or current_language()
    overlay = build_overlay(result, "reach")  # the flows and paths every overlay shows
    money = money_of(result)
    if money is None:
        overlay.cards = {}
        overlay.scale = ("", "")
        overlay.legend = QCoreApplication.translate(
            "MoneyOverlay",
            "Money: this journey has no value model (Journey ▸ Value model…), "
            "so there is no value at risk to show",
        )
        return overlay
    tps = result.report.touchpoints
    reached = [str(i) for i in tps.index[tps["reach"] > 0]]
    cards = money.cards
    shown = [i for i in reached if i in cards.index]
    values = {i: float(cards.at[i, "value_at_risk"]) for i in shown}
    scale = heat_range(values.values())
    currency = money.currency
    overlay.cards = {
        i: OverlayValue(
            (scale.fraction(v) if scale is not None else None) or 0.0,
            format_money(v, currency, language),
            card_money_tooltip(str(cards.at[i, "title"]), cards.loc[i], currency, language),
        )
        for i, v in values.items()
    }
    overlay.scale = ("", "")
    if scale is not None:
        overlay.scale = (
            QCoreApplication.translate("MoneyOverlay", "palest = least at risk ({value})").format(
                value=format_money(scale.low, currency, language)
            ),
            QCoreApplication.translate("MoneyOverlay", "darkest = most at risk ({value})").format(
                value=format_money(scale.high, currency, language)
            ),
        )
    total = format_money(float(money.journey["value_at_risk"]), currency, language)
    overlay.legend = QCoreApplication.translate(
        "MoneyOverlay",
        "Value at risk: conversions lost here × value of a conversion; journey total {total}",
    ).format(total=total)
    return overlay
