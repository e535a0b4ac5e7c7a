"""Excel export of one journey: the workbook stakeholders read and owners edit.

Sheets: Overview, Map, (Friction map), Touchpoints, KPIs, KPI history, Governance,
(Friction), (Voice of the customer, Drivers, Improvements: with a survey), Actions, Follow-ups,
Value model, (Channels), Comments, Governance health, Versions, Change log, and the very hidden
`_cxmapper` sheet that makes the round
trip back into the workspace possible (see xlsx_import).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cxmapper import __version__
from cxmapper.io.atomic import atomic_write
from cxmapper.io.friction_data import FrictionSource, coerce_friction
from cxmapper.io.gc_pause import collection_paused
from cxmapper.io.snapshot import take_snapshot
from cxmapper.io.xlsx_safe import clean_text
from cxmapper.model.workspace import Workspace, now_iso
from cxmapper.present.labels import _

if TYPE_CHECKING:  # openpyxl is imported when a workbook is built, not with this module
    from openpyxl import Workbook


def build_workbook(
    ws: Workspace, journey_id: str, analysis: FrictionSource = None, owner_id: str | None = None
) -> Workbook:
    """The journey's workbook in memory (see `export_xlsx`), built with the cycle collector
    paused (see io.gc_pause)."""
    with collection_paused():
        return _build(ws, journey_id, analysis, owner_id)


def _build(
    ws: Workspace, journey_id: str, analysis: FrictionSource, owner_id: str | None
) -> Workbook:
    from openpyxl import Workbook

    from cxmapper.io import xlsx_print
    from cxmapper.io.xlsx_sheets import (
        changes,
        channels,
        follow_ups,
        friction,
        governance,
        history,
        kpis,
        lists,
        map_sheet,
        meta,
        overview,
        value_model,
        voice,
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
    voice.write(wb, ctx, ws, journey_id)  # Voice of the customer, Drivers, Improvements
    lists.write_actions(wb, ctx)
    follow_ups.write(wb, ctx)  # open actions by owner, round-tripped like Actions
    value_model.write(wb, ctx)  # the money assumptions owners may correct (round trip)
    channels.write(wb, ctx)  # omnichannel figures, when the analysis has them
    lists.write_comments(wb, ctx)
    history.write(wb, ctx, ws, owner_view=owner_id is not None)
    if owner_id is None:  # an owner's workbook holds only their part: no journey diff
        changes.write(wb, ctx, ws)
    header = {
        "journey_id": snap.journey.id, "journey": snap.journey.name, "exported_at": ctx.exported_at,
        "workspace": ws.name, "generator": f"cxmapper {__version__}", "anchors": ctx.anchors,
        "sheets": ctx.sheets, "columns": ctx.columns,  # keys -> titles and headers as written
        "words": ctx.words,  # table -> column -> word as written -> stored key (choices)
    }  # fmt: skip
    xlsx_print.finish(wb, [h for cols in ctx.columns.values() for k, h in cols.items()
                           if k.endswith("_id")])  # ids hidden, paper by width  # fmt: skip
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
    analysis: FrictionSource = None,
    owner_id: str | None = None,
    language: str | None = None,
) -> Path:
    """Write the journey workbook to `path` atomically; `analysis` adds the friction sheets,
    `owner_id` keeps only that owner's touchpoints, KPIs, actions and comments, `language`
    ("en", "it"; None: the current one) the language of sheet names, headers and notes. The
    import reads keys from the hidden sheet, so any language imports back into any other."""
    from cxmapper.io.xlsx_save import save_workbook
    from cxmapper.present.language import in_language

    with in_language(language):
        wb = build_workbook(ws, journey_id, analysis, owner_id)
    return atomic_write(path, lambda tmp: save_workbook(wb, tmp))
