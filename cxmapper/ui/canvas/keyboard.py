"""The canvas with the keyboard alone: the keys that are not menu actions and not the
plain arrows of `Gestures.key` (which walk the selection).

- Tab / Shift+Tab walk the cards in map order (stage, lane, position); past the last card
  (or before the first) focus leaves the canvas as usual, so Tab never traps the user.
- Ctrl+arrows move the selected cards: left/right to the neighbouring stage, up/down one
  place in their cell and on into the neighbouring lane at the cell's edge.
- Enter on one selected card opens the window's inspector on it and puts the focus in its
  first field (a bare canvas without a window keeps Enter = rename).
- With the connect tool on (Ctrl+L), Enter on a second card connects the card that was
  selected when the tool was switched on to it; the tool then turns off.

One undo step per move, through `SceneEditor`, as a drag does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDockWidget, QWidget

from cxmapper.ui.canvas.gestures import ARROWS

if TYPE_CHECKING:
    from cxmapper.ui.canvas.scene import JourneyScene
    from cxmapper.ui.canvas.view import JourneyView

INSPECTOR_DOCK = "inspectorDock"  # the main window's dock object name
CTRL = Qt.KeyboardModifier.ControlModifier
OTHER_MODS = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def key(view: JourneyView, event: QKeyEvent) -> bool:
    """Handle one key press on the canvas; False leaves it to the scene and its gestures."""
    s = view.journey_scene()
    if s.inline_editor is not None or s.mirror is None:
        return False
    k, mods = event.key(), event.modifiers()
    if k in ARROWS and mods & CTRL and not mods & OTHER_MODS:
        dx, dy = ARROWS[Qt.Key(k)]
        move_selected(s, dx, dy)
        event.accept()
        return True
    if k not in ENTER or mods & (CTRL | OTHER_MODS):
        return False
    cards = s.selected_card_ids()
    if s.gestures.connect_mode:
        source = s.gestures.connect_source
        if len(cards) == 1 and source is None:
            s.gestures.connect_source = cards[0]  # Enter marks the start, a second Enter ends
        elif len(cards) == 1 and source in s.cards and source != cards[0]:
            s.editor.connect(source, cards[0])
            s.gestures.connect_mode = False
        event.accept()
        return True
    if len(cards) == 1 and open_inspector(view):
        event.accept()
        return True
    return False


def tab(view: JourneyView, forward: bool) -> bool:
    """Select the next (previous) card; False when there is none, so focus moves on."""
    s = view.journey_scene()
    if s.inline_editor is not None:
        return False
    order = s.ordered_card_ids()
    if not order:
        return False
    focus = s.focusItem()
    current = getattr(focus, "tp_id", None)
    selected = s.selected_card_ids()
    if current not in selected:
        current = selected[-1 if forward else 0] if selected else None
    if current is None:
        i = 0 if forward else len(order) - 1
    else:
        i = order.index(current) + (1 if forward else -1)
    if not 0 <= i < len(order):
        return False
    s.select_entity("touchpoint", order[i])
    return True


def move_selected(s: JourneyScene, dx: int, dy: int) -> None:
    """Move the selected cards one step; they stay selected, focus stays on the first."""
    g, m = s.grid, s.mirror
    cards = s.selected_card_ids()
    if g is None or m is None or not cards:
        return
    cell = s.cell_of(cards[0])
    if cell is None:
        return
    cols, rows = [c.id for c in g.columns], [r.id for r in g.rows]
    ci, ri = cols.index(cell[0]), rows.index(cell[1])
    members = m.cells.get(cell, [])
    rest = [t for t in members if t not in cards]
    place = members.index(cards[0]) - sum(
        1 for t in members[: members.index(cards[0])] if t in cards
    )
    target: tuple[str, str] | None = None
    index: int | None = None
    if dx:
        if 0 <= ci + dx < len(cols):
            target = (cols[ci + dx], cell[1])
            index = min(place, len(m.cells.get(target, [])))
    elif all(s.cell_of(t) == cell for t in cards) and 0 <= place + dy <= len(rest):
        target, index = cell, place + dy
    elif 0 <= ri + dy < len(rows):
        target = (cell[0], rows[ri + dy])
        index = None if dy < 0 else 0
    if target is None:
        return
    s.editor.move_cards(cards, target[0], target[1], index)
    s.select_entity("touchpoint", cards[0])
    for t in cards[1:]:
        s.select_entity("touchpoint", t, add=True)
    first = s.cards.get(cards[0])
    if first is not None:
        first.setFocus()


def open_inspector(view: JourneyView) -> bool:
    """Show the window's inspector dock and focus its first field; False if there is none."""
    dock = view.window().findChild(QDockWidget, INSPECTOR_DOCK)
    if dock is None:
        return False
    dock.show()
    dock.raise_()
    panel = dock.widget()
    if panel is not None:
        first = first_focusable(panel)
        (first or panel).setFocus(Qt.FocusReason.TabFocusReason)
    return True


def first_focusable(root: QWidget) -> QWidget | None:
    """The first widget inside `root` that Tab would reach (visible, enabled, tab-focusable)."""
    w = root.nextInFocusChain()
    while w is not None and w is not root:
        if (
            root.isAncestorOf(w)
            and w.isVisible()
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return w
        w = w.nextInFocusChain()
    return None
