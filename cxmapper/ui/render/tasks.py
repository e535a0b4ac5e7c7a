"""Image exports as a worker-process task (see `ui.overlay.jobs`): the GUI stays responsive,
Cancel stops at once, and the worker draws with its own offscreen QApplication.

Like `io.tasks.export_file` for workbooks and JSON, the worker opens the workspace itself and
writes through `atomic_write`, so a cancelled export leaves at most a temporary file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cxmapper.present.keyed_text import keyed
from cxmapper.present.labels import N_
from cxmapper.ui.render.image import MapOverlay

FORMATS = ("png", "svg", "pdf")


def export_image_file(
    workspace: str,
    journey_id: str,
    path: str,
    fmt: str,
    dpi: int = 150,
    overlay: MapOverlay = None,
    pages: str = "fit",
    progress: Callable[[float, str], None] | None = None,
) -> str:
    from cxmapper.model.workspace import Workspace
    from cxmapper.ui.render.image import export_image

    report = progress or (lambda _f, _m: None)
    report(0.1, keyed(N_("Writing {name}"), name=Path(path).name))
    with Workspace.open(workspace) as ws:
        export_image(ws, journey_id, path, fmt, dpi=dpi, overlay=overlay, pages=pages)
    report(1.0, keyed(N_("Finished")))
    return path
