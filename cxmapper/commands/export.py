"""`cxmapper export WORKSPACE --journey NAME --xlsx|--json|--png|--svg|--pdf OUT`.

Several outputs can be written in one call. openpyxl and Qt are imported only by the
formats that need them, so `cxmapper --help` stays fast.
"""

from __future__ import annotations

import argparse
from typing import Any

from cxmapper.present.labels import _


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "export",
        help=_("write a journey as an Excel workbook, JSON, PNG, SVG or PDF"),
        description=(
            _(
                "Export a journey: --xlsx for stakeholders (owners can edit it and send it back, "
                "see import-xlsx), --json to move whole journeys between workspaces, --png/--svg/--pdf "
                "for pictures of the map. Give several to write them in one go."
            )
        ),
    )
    p.add_argument("workspace", metavar="WORKSPACE", help=_(".cxmap workspace file"))
    p.add_argument("--journey", metavar="NAME", action="append",
                   help=_("journey name, name prefix or id (default: the only journey; "
                        "repeat for several journeys in one JSON file; default for JSON: all)"))  # fmt: skip
    p.add_argument("--xlsx", metavar="OUT.xlsx", help=_("Excel workbook"))
    p.add_argument("--json", metavar="OUT.json", help=_("JSON journey file (docs/json-format.md)"))
    p.add_argument("--png", metavar="OUT.png", help=_("PNG image of the map"))
    p.add_argument("--svg", metavar="OUT.svg", help=_("SVG image of the map"))
    p.add_argument("--pdf", metavar="OUT.pdf", help=_("PDF of the map (see --pages)"))
    p.add_argument("--pages", choices=("fit", "tile"), default="fit",
                   help=_("PDF: fit = the whole journey on one page filling it, A4 or A3 by size, "
                        "portrait when the map is taller than wide "
                        "(default); tile = across A4 pages, breaking between stages and lanes"))  # fmt: skip
    p.add_argument("--dpi", type=int, default=150, help=_("PNG resolution (default 150)"))
    p.add_argument("--dataset", metavar="NAME",
                   help=_("analyse this imported dataset and add friction sheets / overlay"))  # fmt: skip
    p.add_argument("--owner", metavar="NAME",
                   help=_("--xlsx only: just this person's or team's touchpoints, KPIs, actions "
                        "and comments (imports back with import-xlsx)"))  # fmt: skip
    p.set_defaults(func=run)


def _journey_ids(ws: Any, names: list[str] | None, *, all_if_none: bool) -> list[str]:
    from cxmapper.errors import CxError

    journeys = ws.journeys()
    if names:
        return [ws.find_journey(n).id for n in names]
    if all_if_none and journeys:
        return [j.id for j in journeys]
    if len(journeys) == 1:
        return [journeys[0].id]
    if not journeys:
        raise CxError(_("{path}: the workspace has no journey").format(path=ws.path))
    listed = ", ".join(repr(j.name) for j in journeys)
    raise CxError(
        _("the workspace has several journeys ({listed}); choose one with --journey").format(
            listed=listed
        )
    )


def _analysis(ws: Any, journey_id: str, dataset: str | None) -> Any:
    """Friction metrics of a stored dataset for the journey (None without --dataset)."""
    if not dataset:
        return None
    from cxmapper.errors import CxError

    hits = [d for d in ws.datasets() if dataset in (d.id, d.name)]
    if not hits:
        names = ", ".join(repr(d.name) for d in ws.datasets()) or "none"
        raise CxError(
            _("no dataset named {name} (datasets: {names})").format(name=repr(dataset), names=names)
        )
    from cxmapper.analysis.tasks import AnalysisRequest, run_analysis
    from cxmapper.io.friction_data import coerce_friction

    result = run_analysis(
        AnalysisRequest(workspace=ws.path, journey_id=journey_id, dataset_id=hits[0].id)
    )
    data = coerce_friction(result)
    if data is not None:
        data.dataset_name = hits[0].name
    return data


def run(args: argparse.Namespace) -> int:
    from cxmapper.errors import CxError
    from cxmapper.model.workspace import Workspace

    outputs = [
        (fmt, getattr(args, fmt))
        for fmt in ("xlsx", "json", "png", "svg", "pdf")
        if getattr(args, fmt)
    ]
    if not outputs:
        raise CxError(_("nothing to export: give --xlsx, --json, --png, --svg or --pdf"))
    single = [fmt for fmt, _ in outputs if fmt != "json"]
    if single and args.journey and len(args.journey) > 1:
        raise CxError(_("--xlsx and images take one --journey"))
    if args.owner and [fmt for fmt, _ in outputs] != ["xlsx"]:
        raise CxError(_("--owner works with --xlsx only"))
    with Workspace.open(args.workspace, read_only=True) as ws:
        owner_id = None
        if args.owner:
            from cxmapper.io.owner_view import find_owner

            owner_id = find_owner(ws.parties(), args.owner).id
        analysis = None
        if single:
            journey_id = _journey_ids(ws, args.journey, all_if_none=False)[0]
            analysis = _analysis(ws, journey_id, args.dataset)
        for fmt, out in outputs:
            if fmt == "xlsx":
                from cxmapper.io.xlsx_export import export_xlsx

                export_xlsx(ws, journey_id, out, analysis=analysis, owner_id=owner_id)
            elif fmt == "json":
                from cxmapper.io.json_format import export_json

                export_json(ws, _journey_ids(ws, args.journey, all_if_none=True), out)
            else:
                from cxmapper.ui.render.image import export_image  # offscreen Qt

                export_image(ws, journey_id, out, fmt, dpi=args.dpi, overlay=analysis,
                             pages=args.pages)  # fmt: skip
            print(_("wrote {path}").format(path=out))
    return 0
