"""The analysis panel's money and channel parts: the Money overlay, the channel arcs shown with
every overlay, the Channels view and the Impact × effort view (to re-rate actions).

Kept beside the panel (panel.py stays one readable size): the panel creates one `MoneyParts`,
asks it for the overlay and hands it each result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from cxmapper.analysis.action_impact import analysed_days
from cxmapper.present.card_channels import CardChannel, card_channels
from cxmapper.present.overlay import Overlay, build_overlay
from cxmapper.ui.overlay.money_hub import money_hub
from cxmapper.ui.overlay.money_overlay import MONEY, build_money_overlay, money_label, money_of
from cxmapper.ui.overlay.views.channels import ChannelsView
from cxmapper.ui.overlay.views.impact_matrix import ImpactMatrixView

if TYPE_CHECKING:
    from cxmapper.ui.overlay.panel import AnalysisPanel


def channel_hops(result: Any) -> list[tuple[str, str, int, int, float]]:
    """The hop matrix of the result's channel figures as arcs take it ([] without figures)."""
    channels = getattr(getattr(result, "report", None), "channels", None)
    if channels is None or not len(channels.matrix):
        return []
    m = channels.matrix
    return [
        (str(a), str(b), int(h), int(c), float(t))
        for a, b, h, c, t in m[["from", "to", "hops", "cases", "median_seconds"]].itertuples(
            index=False
        )
    ]


def channel_cards(result: Any) -> dict[str, CardChannel]:
    """Per card, the escalation and FCR figures of the result's channel figures ({} without)."""
    channels = getattr(getattr(result, "report", None), "channels", None)
    return card_channels(getattr(channels, "cards", None))


class MoneyParts:
    """Adds the Money overlay to the panel's list and the Channels tab to its views."""

    def __init__(self, panel: AnalysisPanel) -> None:
        self.panel = panel
        panel.overlay.addItem(money_label(), MONEY)
        self.channels = ChannelsView()
        self.channels.setObjectName("analysisView.channels")
        panel.tabs.addTab(self.channels, QCoreApplication.translate("OverlayPanel", "Channels"))
        self.matrix = ImpactMatrixView()
        self.matrix.setObjectName("analysisView.impact_matrix")
        panel.tabs.addTab(
            self.matrix, QCoreApplication.translate("OverlayPanel", "Impact × effort")
        )

    def overlay(self, result: Any, kind: str) -> Overlay:
        """The overlay `kind` of `result`, with the channel arcs on every overlay but none."""
        if kind == "none":
            return Overlay()
        overlay = build_money_overlay(result) if kind == MONEY else build_overlay(result, kind)
        overlay.channel_hops = channel_hops(result)
        if kind == MONEY:  # the money and channels view of the map: escalation, FCR per card
            overlay.channel_cards = channel_cards(result)
        return overlay

    def fill(self, result: Any) -> None:
        report = getattr(result, "report", None)
        self.channels.fill(getattr(report, "channels", None))
        p = self.panel
        money = money_of(result)
        self.matrix.set_source(p.ws, p.journey_id, p.stack, money, self.period_days(result))
        money_hub().publish(p.journey_id, money)

    def clear(self) -> None:
        self.channels.clear()
        self.matrix.set_source(self.panel.ws, self.panel.journey_id, self.panel.stack, None, 0.0)
        self.matrix.clear()
        money_hub().publish(self.panel.journey_id, None)

    def period_days(self, result: Any) -> float:
        """The days the analysed figures cover: the chosen period, else the dataset's span."""
        p = self.panel
        if p.use_period.isChecked():
            return float(max(p.period_from.date().daysTo(p.period_to.date()), 1))
        return analysed_days(getattr(result, "span", None)) or 0.0
