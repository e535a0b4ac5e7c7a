"""Exports as worker-process tasks: the GUI stays responsive and Cancel stops at once.

The worker opens the workspace itself (read-only use) and writes through `atomic_write`,
so a cancelled export leaves at most a temporary file, which the caller removes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxmapper.present.keyed_text import keyed
from cxmapper.present.labels import N_

FORMATS = ("xlsx", "json")  # pictures need Qt: ui.render.tasks.export_image_file


def export_file(
    workspace: str,
    journey_id: str,
    path: str,
    fmt: str,
    analysis: Any = None,
    progress: Callable[[float, str], None] | None = None,
) -> str:
    from cxmapper.model.workspace import Workspace

    report = progress or (lambda _f, _m: None)
    report(0.1, keyed(N_("Writing {name}"), name=Path(path).name))
    with Workspace.open(workspace) as ws:
        if fmt == "xlsx":
            from cxmapper.io.xlsx_export import export_xlsx

            export_xlsx(ws, journey_id, path, analysis=analysis)
        elif fmt == "json":
            from cxmapper.io.json_format import export_json

            export_json(ws, [journey_id], path)
        else:
            raise ValueError(f"unknown export format {fmt!r}")
    report(1.0, keyed(N_("Finished")))
    return path
