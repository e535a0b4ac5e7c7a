"""Right-hand dock: edit whatever is selected on the canvas, one undo step per edit."""

from cxmapper.ui.inspector.context import InspectorContext
from cxmapper.ui.inspector.panel import InspectorPanel

__all__ = ["InspectorContext", "InspectorPanel"]
