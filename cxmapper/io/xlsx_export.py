"""Excel export of one journey: the workbook stakeholders read and owners edit.

Sheets: Overview, Map, (Friction map), Touchpoints, KPIs, KPI history, Governance,
(Friction), Actions, Comments, Governance health, Versions, Change log, and the very hidden `_cxmapper` sheet that makes the round
trip back into the workspace possible (see xlsx_import).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cxmapper import __version__
from cxmapper.io.atomic import atomic_write
from cxmapper.io.friction_data import coerce_friction
from cxmapper.io.snapshot import take_snapshot
from cxmapper.io.xlsx_safe import clean_text
from cxmapper.model.workspace import Workspace, now_iso
from cxmapper.present.labels import _


def build_workbook(
    ws: Workspace, journey_id: str, analysis: Any = None, owner_id: str | None = None
):  # -> openpyxl Workbook
    from openpyxl import Workbook

    from cxmapper.io.xlsx_sheets import (
        friction,
        governance,
        history,
        kpis,
        lists,
        map_sheet,
        meta,
        overview,
    )
    from cxmapper.io.xlsx_sheets.common import ExportContext

    snap = take_snapshot(ws, journey_id)
    if owner_id is not None:  # only what this owner looks after (see owner_view)
        from cxmapper.io.owner_view import owner_view

        snap = owner_view(snap, owner_id)
    ctx = ExportContext(snap=snap, exported_at=now_iso(), workspace_name=ws.name,
                        friction=coerce_friction(analysis))  # fmt: skip
    wb = Workbook()
    overview.write(wb, ctx)
    map_sheet.write(wb, ctx)
    if ctx.friction is not None:
        map_sheet.write(wb, ctx, overlay=True)
    lists.write_touchpoints(wb, ctx)
    kpis.write(wb, ctx)
    governance.write(wb, ctx)
    friction.write(wb, ctx)
    lists.write_actions(wb, ctx)
    lists.write_comments(wb, ctx)
    history.write(wb, ctx, ws, owner_view=owner_id is not None)
    header = {
        "journey_id": snap.journey.id, "journey": snap.journey.name, "exported_at": ctx.exported_at,
        "workspace": ws.name, "generator": f"cxmapper {__version__}", "anchors": ctx.anchors,
        "sheets": ctx.sheets, "columns": ctx.columns,  # keys -> titles and headers as written
        "words": ctx.words,  # table -> column -> word as written -> stored key (choices)
    }  # fmt: skip
    meta.write(wb, header, ctx.baseline)
    wb.active = 0
    props = wb.properties
    props.title = clean_text(
        _("{journey} — customer journey").format(journey=snap.journey.name)
    )  # XML-safe, as cells
    props.creator = f"cxmapper {__version__}"
    return wb


def export_xlsx(
    ws: Workspace,
    journey_id: str,
    path: str | Path,
    analysis: Any = None,
    owner_id: str | None = None,
    language: str | None = None,
) -> Path:
    """Write the journey workbook to `path` atomically; `analysis` adds the friction sheets,
    `owner_id` keeps only that owner's touchpoints, KPIs, actions and comments, `language`
    ("en", "it"; None: the current one) the language of sheet names, headers and notes. The
    import reads keys from the hidden sheet, so any language imports back into any other."""
    from cxmapper.present.language import in_language

    with in_language(language):
        wb = build_workbook(ws, journey_id, analysis, owner_id)
    return atomic_write(path, lambda tmp: wb.save(tmp))
