"""Pure grid geometry of the canvas (no Qt)."""

from __future__ import annotations

from cxmapper.ui.canvas import layout as L


def test_columns_follow_stage_widths_and_rows_grow_to_fit_cards() -> None:
    g = L.compute_grid([("s1", 200), ("s2", 300)], [("a", 100, False), ("b", 140, False)], {"a": 3})
    assert [(c.id, c.start, c.size) for c in g.columns] == [
        ("s1", L.LANE_HEADER_W, 200),
        ("s2", L.LANE_HEADER_W + 200, 300),
    ]
    assert g.rows[0].size == L.stack_height(3) > 100  # grown to fit 3 cards
    assert g.rows[1].size == 140 and g.rows[1].start == g.rows[0].end
    assert g.width == L.LANE_HEADER_W + 500 and g.height == g.rows[1].end


def test_emotion_lanes_keep_room_for_the_curve() -> None:
    g = L.compute_grid([("s", 200)], [("e", 40, True)], {})
    assert g.rows[0].size == L.MIN_EMOTION_H


def test_cell_lookup_card_boxes_and_insert_index() -> None:
    g = L.compute_grid([("s1", 200), ("s2", 200)], [("a", 400, False)], {})
    x = L.LANE_HEADER_W + 250
    assert g.cell_at(x, L.STAGE_HEADER_H + 5) == ("s2", "a")
    assert g.cell_at(5, 5) is None and g.cell_at(x, 10_000) is None
    box = g.card_box("s1", "a", 1)
    assert box.x == L.LANE_HEADER_W + L.CELL_PAD and box.w == 200 - 2 * L.CELL_PAD
    assert box.y == L.STAGE_HEADER_H + L.CELL_PAD + L.CARD_H + L.CARD_GAP
    top = L.STAGE_HEADER_H + L.CELL_PAD
    assert g.insert_index("a", top, 3) == 0
    assert g.insert_index("a", top + 1.6 * (L.CARD_H + L.CARD_GAP), 3) == 2
    assert g.insert_index("a", 10_000, 3) == 3
    assert g.same_shape(L.compute_grid([("s1", 200), ("s2", 200)], [("a", 400, False)], {}))


def test_scene_extent_grows_in_steps_and_keeps_its_size_for_small_changes() -> None:
    step = L.SCENE_STEP
    assert L.stepped_extent(100, 0) == step  # first fit: rounded up
    assert L.stepped_extent(step + 1, step) == 2 * step  # outgrown: next step
    assert L.stepped_extent(step - 90, step) == step  # a lane shrank by a card: unchanged
    assert L.stepped_extent(step - 1, 3 * step) == step  # shrank by more than a step


def test_rows_shifted_names_only_the_rows_that_moved() -> None:
    old = L.compute_grid([("s", 200)], [("a", 100, False), ("b", 100, False)], {})
    taller = L.compute_grid([("s", 200)], [("a", 100, False), ("b", 100, False)], {"a": 3})
    assert [r.id for r in L.rows_shifted(old, taller) or []] == ["a", "b"]
    assert L.rows_shifted(old, old) == []
    wider = L.compute_grid([("s", 300)], [("a", 100, False), ("b", 100, False)], {})
    assert L.rows_shifted(old, wider) is None
