"""Feedback badges on the canvas: each card with linked survey answers shows its headline
figure ('NPS -92 (n=53)'), coloured by the figure's band (present.voice_bands).

The badge is a child item of the card, so it moves, hides and dies with it and the card's
painting stays untouched. `FeedbackBadges` is the scene's switch: off by default (the report
reads the whole event log once), on from View ▸ Feedback Badges; the figures come from the
shared `voice_cache`, the same ones the inspector's Voice tab shows.

The badges observe the model (the scene hands them each change it gets), so they never go
stale: a survey imported or removed, a card renamed (a survey's touchpoint column names cards
by title), its matching rules changed, an event dataset replaced, or any of these undone, and
the badges are read again once the burst of changes is over. The cache decides whether that needs a new
report; a change the figures do not read costs only the cache's key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction

from cxmapper.present import voice_bands
from cxmapper.present import voice_labels as vl
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.canvas.items.pill import PillItem

if TYPE_CHECKING:
    from cxmapper.feedback.card_voice import CardVoice
    from cxmapper.model.changes import Change
    from cxmapper.ui.canvas.scene import JourneyScene

HEIGHT = 16.0
# What a card's figures depend on: the surveys, the event dataset the answers link through,
# and the cards' titles and matching rules. Moving a card or editing its text changes nothing.
DATA_KINDS = frozenset({"survey", "dataset"})
LINK_FIELDS = frozenset({"title", "match_events", "match_patterns"})


def changes_figures(change: Change) -> bool:
    """True when `change` may change which answers a card has (its badge)."""
    if change.action == "reloaded" or change.kind in DATA_KINDS:
        return True
    if change.kind != "touchpoint":
        return False
    return change.action != "changed" or not LINK_FIELDS.isdisjoint(change.fields)


def headline(voice: CardVoice | None) -> tuple[str, float, int] | None:
    """(scale, value, n) of the card's first scale answered (NPS, then CSAT, then CES)."""
    f = voice.figures if voice is not None else None
    if f is None:
        return None
    for scale, n in (("nps", f.nps_n), ("csat", f.csat_n), ("ces", f.ces_n)):
        value = f.value(scale)
        if n and value is not None:
            return scale, value, n
    return None


class FeedbackBadgeItem(PillItem):
    """A small pill on the card's top-left edge (the overlay's badge sits top-right)."""

    height = HEIGHT

    def __init__(self, text: str, status: str, tooltip: str, parent: CardItem) -> None:
        super().__init__(text, status, tooltip, parent)
        self.setPos(8, -HEIGHT / 2)


def badge_of(card: CardItem) -> FeedbackBadgeItem | None:
    return next((c for c in card.childItems() if isinstance(c, FeedbackBadgeItem)), None)


class FeedbackBadges:
    """Puts, updates and removes the badges of a scene's cards."""

    def __init__(self, scene: JourneyScene) -> None:
        self.scene = scene
        self.enabled = False
        self._voices: dict[str, CardVoice] = {}
        self._timer = QTimer(scene)  # one refresh per burst of changes (an import, an undo)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._refresh)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.apply()

    def apply(self) -> None:
        """Read the figures again (cached unless the feedback changed) and badge every card."""
        s = self.scene
        self._voices = {}
        if self.enabled and s.workspace is not None and s.journey_id is not None:
            from cxmapper.ui.voice_cache import journey_voices

            self._voices = journey_voices(s.workspace, s.journey_id)
        for card in s.cards.values():
            self.apply_to_card(card)

    def on_change(self, change: Change) -> None:
        if self.enabled and changes_figures(change):
            self._timer.start()

    def _refresh(self) -> None:
        if self.enabled and self.scene.mirror is not None:
            self.apply()

    def apply_to_card(self, card: CardItem) -> None:
        old = badge_of(card)
        found = headline(self._voices.get(card.tp_id)) if self.enabled else None
        if found is None:
            if old is not None and old.scene() is not None:
                old.scene().removeItem(old)
            return
        scale, value, n = found
        text = vl.badge_text(scale, value, n)
        status = voice_bands.band(scale, value, n)
        if old is not None and (old.text, old.status) == (text, status):
            return
        if old is not None and old.scene() is not None:
            old.scene().removeItem(old)
        tip = (
            vl.indicative()
            if status == "none"
            else QCoreApplication.translate("FeedbackBadges", "Survey answers linked to this card")
        )
        FeedbackBadgeItem(text, status, tip, card)


def feedback_badges_action(w: Any) -> QAction:
    """View ▸ Feedback Badges (checkable), for menus.build_menus."""
    action = QAction(QCoreApplication.translate("FeedbackBadges", "Feedback &Badges"), w)
    action.setObjectName("view.feedback_badges")
    action.setCheckable(True)

    def toggled(on: bool) -> None:
        if getattr(w, "scene", None) is not None:
            w.scene.feedback.set_enabled(on)

    action.toggled.connect(toggled)
    return action
