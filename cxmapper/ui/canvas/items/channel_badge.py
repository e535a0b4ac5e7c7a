"""Channel badges on the canvas: with the Money overlay, each card with channel figures says how
often customers escalate from it to an assisted channel ("↗ 12% to assisted") and, where the
card has an FCR KPI, its derived first-contact resolution against the target ("FCR 71% /
target 80% ✗").

The figures are the report's (`present.card_channels`, from `analysis.channel_cards`); the
badge only words them. Its colour is the KPI traffic light of the FCR against its target (the
KPI badges' fills, white text at 4.5:1 or more), and the status is said by its mark too
(✓ ! ✗, as on the KPI badges), never by colour alone; a card without an FCR KPI gets the
neutral slate. The badge is a child item of the card on the right of the owner row (the card
shortens the owner's name to leave it room), so it moves and dies with the card and never
covers the feedback badge (top-left) or the overlay's figure (top-right). It reports no
gesture and changes nothing in the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from cxmapper.present.card_channels import CardChannel
from cxmapper.present.labels import STATUS_KEYS, status_label
from cxmapper.ui.canvas import style
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.canvas.items.pill import PillItem
from cxmapper.ui.locale_format import number, percent

if TYPE_CHECKING:
    from cxmapper.ui.canvas.scene import JourneyScene

HEIGHT = 15.0
ROW_FROM_BOTTOM = 42.0  # the owner row's top, as the card draws it
RIGHT = 8.0


def _target(value: float) -> str:
    """A KPI target in percent (71.5 -> '71.5%'), as the locale writes it."""
    return f"{number(value, 0 if value == round(value) else 1)}%"


def badge_text(f: CardChannel) -> str:
    parts = []
    if f.has_escalation:
        assert f.escalation_rate is not None
        parts.append(
            QCoreApplication.translate("ChannelBadges", "↗ {rate} to assisted").format(
                rate=percent(f.escalation_rate)
            )
        )
    if f.has_fcr:
        assert f.fcr is not None and f.fcr_target is not None
        mark = style.STATUS_MARKS.get(f.fcr_status, "")
        parts.append(
            QCoreApplication.translate("ChannelBadges", "FCR {fcr} / target {target}").format(
                fcr=percent(f.fcr), target=_target(f.fcr_target)
            )
            + (f" {mark}" if mark else "")
        )
    return " · ".join(parts)


def badge_tooltip(f: CardChannel) -> str:
    lines = []
    if f.has_escalation:
        lines.append(
            QCoreApplication.translate(
                "ChannelBadges",
                "{n} of {total} digital events here were followed by an assisted contact "
                "(escalation to an assisted channel)",
            ).format(n=number(f.escalations), total=number(f.digital_events))
        )
    if f.has_fcr:
        status = status_label(f.fcr_status) if f.fcr_status in STATUS_KEYS else ""
        assert f.fcr_target is not None
        lines.append(
            QCoreApplication.translate(
                "ChannelBadges",
                "First-contact resolution: {n} of {total} contacts here not followed by "
                "another; the FCR KPI's target is {target} ({status})",
            ).format(
                n=number(f.fcr_resolved),
                total=number(f.fcr_observed),
                target=_target(f.fcr_target),
                status=status,
            )
        )
    return "\n".join(lines)


class ChannelBadgeItem(PillItem):
    """A small pill on the right of the card's owner row."""

    height = HEIGHT
    border = 1.0

    def __init__(self, text: str, status: str, tooltip: str, parent: CardItem) -> None:
        super().__init__(text, status, tooltip, parent)
        self.follow_card()

    def follow_card(self) -> None:
        """Sit at the card's right edge, in its owner row (called again when the card is
        resized); the card leaves the owner's name this much room less."""
        card = self.parentItem()
        if not isinstance(card, CardItem):
            return
        w, h = card.size
        self.setPos(max(12.0, w - RIGHT - self.width()), h - ROW_FROM_BOTTOM)
        card.set_owner_room(self.width() + 6)


def channel_badge_of(card: CardItem) -> ChannelBadgeItem | None:
    return next((c for c in card.childItems() if isinstance(c, ChannelBadgeItem)), None)


class ChannelBadges:
    """Puts, updates and removes the channel badges of a scene's cards (with the overlay)."""

    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene
        self.figures: dict[str, CardChannel] = {}

    def set(self, figures: Mapping[str, CardChannel] | None) -> None:
        self.figures = dict(figures or {})

    def apply(self) -> None:
        for card in self.scene.cards.values():
            self.apply_to_card(card)

    def apply_to_card(self, card: CardItem) -> None:
        old = channel_badge_of(card)
        found = self.figures.get(card.tp_id)
        text = badge_text(found) if found is not None else ""
        status = found.fcr_status if found is not None and found.has_fcr else "none"
        if old is not None and (old.text, old.status) == (text, status):
            return
        if old is not None:
            if old.scene() is not None:
                old.scene().removeItem(old)
            card.set_owner_room(0.0)
        if found is not None and text:
            ChannelBadgeItem(text, status, badge_tooltip(found), card)
