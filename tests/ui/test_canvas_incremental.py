"""Issue 18: one edit touches only the items it moves, never the whole scene.

Adding a card to a lane's fullest cell grows that lane; only it and the lanes below it may be
re-placed, the scene rect (whose every change makes Qt re-file all items in its BSP index) must
not change for one card's growth, and the emotion curve keeps its points. The counts are
deterministic; speed itself is measured by benchmarks/bench_canvas.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QUndoStack

from cxmapper.model.workspace import Workspace
from cxmapper.ui.canvas import JourneyScene
from cxmapper.ui.canvas.items.card import CardItem
from cxmapper.ui.canvas.items.connector import ConnectorItem
from cxmapper.ui.canvas.items.emotion_curve import EmotionCurveItem
from cxmapper.ui.canvas.items.grid import LaneCellsItem, LaneHeaderItem, StageHeaderItem
from cxmapper.ui.commands import MoveCardsCommand
from cxmapper.ui.model_bridge import ModelBridge

N_STAGES, N_LANES, PER_CELL = 5, 4, 10  # 200 cards


@pytest.fixture
def big(qtbot, file_ws: Workspace) -> Iterator[tuple[Workspace, JourneyScene, QUndoStack]]:
    ws = file_ws
    with ws.batch():
        j = ws.add_journey("Two hundred cards")
        stages = [ws.add_stage(j.id, f"S{i}") for i in range(N_STAGES)]
        ws.add_lane(j.id, "Feelings", "emotions")
        lanes = [ws.add_lane(j.id, f"L{i}", "actions") for i in range(N_LANES)]
        cards = {}
        for ln in lanes:
            for s in stages:
                for k in range(PER_CELL):
                    t = ws.add_touchpoint(s.id, ln.id, f"{s.name}/{ln.name}/{k}", emotion=k % 5 - 2)
                    cards[(ln.id, s.id, k)] = t.id
        for a, ln in enumerate(lanes):  # along each lane, and from each lane to the next
            for i, s in enumerate(stages[:-1]):
                ws.add_connector(cards[(ln.id, s.id, 0)], cards[(ln.id, stages[i + 1].id, 1)])
                if a + 1 < N_LANES:
                    ws.add_connector(cards[(ln.id, s.id, 2)], cards[(lanes[a + 1].id, s.id, 3)])
    stack = QUndoStack()
    bridge = ModelBridge(ws, poll_ms=0)
    scene = JourneyScene()
    scene.set_journey(ws, j.id, stack, bridge)
    yield ws, scene, stack
    scene.clear_scene()
    bridge.detach()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts of the item calls that re-place or repaint, by `Class.method`."""
    seen: Counter[str] = Counter()
    for cls, name in (
        (CardItem, "setPos"),
        (CardItem, "set_content"),
        (LaneCellsItem, "set_geometry"),
        (LaneHeaderItem, "set_size"),
        (StageHeaderItem, "set_size"),
        (EmotionCurveItem, "set_points"),
        (ConnectorItem, "setPath"),
        (ConnectorItem, "moveBy"),
    ):
        original = getattr(cls, name)

        def counted(self, *args, _o=original, _k=f"{cls.__name__}.{name}"):  # type: ignore[no-untyped-def]
            seen[_k] += 1
            return _o(self, *args)

        monkeypatch.setattr(cls, name, counted)
    return seen


def _lanes(scene: JourneyScene) -> list[str]:
    assert scene.grid is not None
    return [r.id for r in scene.grid.rows if not scene.mirror.is_emotion_lane(r.id)]


def _same_as_fresh(ws: Workspace, scene: JourneyScene) -> None:
    """The incremental scene places every card and cell exactly where a rebuilt one does."""
    fresh, bridge = JourneyScene(), ModelBridge(ws, poll_ms=0)
    fresh.set_journey(ws, scene.journey_id, QUndoStack(), bridge)
    assert scene._card_rects == fresh._card_rects
    assert scene.grid == fresh.grid
    for lane_id, item in fresh.lane_cells.items():
        assert scene.lane_cells[lane_id].sceneBoundingRect() == item.sceneBoundingRect()
        for col in fresh.grid.columns if fresh.grid else []:
            assert scene.lane_cells[lane_id].cell_rect(col.id) == item.cell_rect(col.id)
    for c_id, arrow in fresh.connector_items.items():  # drawn where a rebuilt scene draws it
        mine = scene.connector_items[c_id]
        assert mine.mapToScene(mine.path()) == arrow.mapToScene(arrow.path())
    assert scene.sceneRect().contains(scene.content_rect())
    fresh.clear_scene()
    bridge.detach()


def test_adding_a_card_to_the_last_lane_re_places_only_that_lane(big, calls) -> None:
    ws, scene, _ = big
    rects: list[object] = []
    scene.sceneRectChanged.connect(rects.append)
    last = _lanes(scene)[-1]
    stage = scene.grid.columns[2].id
    new = ws.add_touchpoint(stage, last, "One more")
    scene.flush()
    assert new.id in scene.cards
    assert calls["CardItem.setPos"] == 1  # the new card; no other card moved
    assert calls["LaneCellsItem.set_geometry"] == 1  # the grown lane's cells only
    assert calls["LaneHeaderItem.set_size"] == 1 and calls["StageHeaderItem.set_size"] == 0
    assert calls["EmotionCurveItem.set_points"] == 0  # an unscored card adds no point
    assert calls["CardItem.set_content"] == 0
    assert rects == []  # no BSP re-index of the whole scene
    _same_as_fresh(ws, scene)


def test_a_lane_growing_moves_only_the_lanes_below(big, calls) -> None:
    ws, scene, _ = big
    rects: list[object] = []
    scene.sceneRectChanged.connect(rects.append)
    lanes = _lanes(scene)
    ws.add_touchpoint(scene.grid.columns[0].id, lanes[1], "Grows lane 1")
    scene.flush()
    below = (N_LANES - 2) * N_STAGES * PER_CELL
    assert calls["CardItem.setPos"] == below + 1
    assert calls["LaneCellsItem.set_geometry"] == N_LANES - 1
    # the arrows below moved with their lane's group; only those from lane 1 to 2 re-route
    assert calls["ConnectorItem.setPath"] == N_STAGES - 1 and calls["ConnectorItem.moveBy"] == 0
    assert calls["StageHeaderItem.set_size"] == 0 and rects == []
    _same_as_fresh(ws, scene)


def test_move_and_undo_across_lanes_match_a_rebuilt_scene(big, calls) -> None:
    ws, scene, stack = big
    lanes = _lanes(scene)
    card = scene.mirror.cells[(scene.grid.columns[3].id, lanes[2])][4]
    stack.push(MoveCardsCommand(ws, [card], scene.grid.columns[1].id, lanes[0], None, "Move"))
    assert scene.cell_of(card) == (scene.grid.columns[1].id, lanes[0])
    assert calls["StageHeaderItem.set_size"] == 0
    _same_as_fresh(ws, scene)
    calls.clear()
    stack.undo()
    assert scene.cell_of(card) == (scene.grid.columns[3].id, lanes[2])
    assert calls["StageHeaderItem.set_size"] == 0
    _same_as_fresh(ws, scene)


def test_exports_stack_arrows_as_added_not_by_lane(big) -> None:
    """Grouped, a lower lane's arrows would draw over a higher lane's labels; an export keeps
    the order the arrows were added in (its pictures do not change with the canvas's speed)."""
    from cxmapper.ui.render.image import _Rendered

    ws, scene, _ = big
    assert all(a.parentItem() is not None for a in scene.connector_items.values())
    rendered = _Rendered(ws, scene.journey_id, None)
    try:
        arrows = rendered.scene.connector_items.values()
        assert arrows and all(a.parentItem() is None for a in arrows)
    finally:
        rendered.close()
