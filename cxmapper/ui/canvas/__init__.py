"""The journey canvas: a QGraphicsScene that observes one journey, and a view to edit it.

Public API (used by the main window, the find bar, the overlay panel and the exporters):

    scene = JourneyScene(parent=None)
    scene.set_journey(workspace, journey_id, undo_stack, bridge)   # observe + build
    scene.clear_scene()                                            # disconnect + empty
    scene.selectionChanged (Qt signal); scene.selected_entities() -> [(kind, id)]
        kinds: "touchpoint", "connector", "stage", "lane"
    scene.select_entity(kind, id, add=False) -> bool
    scene.current_cell() -> (stage_id, lane_id) | None; scene.set_current_cell(cell | None)
    scene.find(text, fields=("title", "owner", "channel", "tags")) -> [touchpoint ids]
    scene.set_highlight(ids); scene.set_filter(ids | None)
    scene.set_overlay(card_values | None, connector_widths=None, unexpected=None, legend="")
        with OverlayValue(fraction, label="", tooltip="")
    scene.content_rect() -> QRectF; scene.flush(); scene.clear_all_selection()
    scene.editor: every edit as one undo command (begin_new_card, begin_rename(kind, id),
        delete_selected, copy, paste, duplicate, add_stage, add_lane, move_current...)

    view = JourneyView(scene, parent=None)
    view.canvas_actions() -> {"edit": [...], "view": [...], "structure": [...]}
    view.action("canvas.delete"); view.zoom(); view.set_zoom(f); view.zoom_in(); view.zoom_out()
    view.zoom_100(); view.fit(); view.zoomChanged(float); view.set_presentation(on)

Headless export: the scene works without a view (offscreen QApplication):
`scene.render(painter, target, scene.content_rect())`.
"""

from cxmapper.present.overlay import OverlayValue
from cxmapper.ui.canvas.scene import JourneyScene
from cxmapper.ui.canvas.view import JourneyView

__all__ = ["JourneyScene", "JourneyView", "OverlayValue"]
