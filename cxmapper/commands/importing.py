"""Import sub-commands.

* `import-xlsx WORKSPACE FILE.xlsx [--dry-run]`: merge a workbook owners edited (exported by
  `cxmapper export --xlsx`) back in, in one step; conflicts are listed and not applied.
* `import-json WORKSPACE FILE.json`: add the journeys of a JSON file (creates WORKSPACE).
* `import WORKSPACE EVENTS`: store an event log as a dataset (see `run_events`), or a Spark
  summary (`analyze --engine spark --summary OUT`), which the overlay reads like a log.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cxmapper.present.labels import _
from cxmapper.present.locale_format import format_number


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "import-xlsx",
        help=_("merge an edited Excel export back into the workspace"),
        description=(
            _(
                "Read a workbook exported with 'cxmapper export --xlsx' that owners edited: changed "
                "touchpoint fields, new KPI readings, RACI changes, new comments and actions. Cells "
                "also changed in the workspace since the export are conflicts and are not applied."
            )
        ),
    )
    p.add_argument("workspace", metavar="WORKSPACE", help=_(".cxmap workspace file"))
    p.add_argument("file", metavar="FILE.xlsx", help=_("the edited workbook"))
    p.add_argument("--dry-run", action="store_true", help=_("list the changes, apply nothing"))
    p.set_defaults(func=run_xlsx)

    p = subparsers.add_parser(
        "import-json",
        help=_("add the journeys of a JSON file (creates the workspace if needed)"),
        description=_("Import journeys written by 'cxmapper export --json' (docs/json-format.md)."),
    )
    p.add_argument(
        "workspace", metavar="WORKSPACE", help=_(".cxmap workspace file (created if missing)")
    )
    p.add_argument("file", metavar="FILE.json", help=_("JSON journey file"))
    p.set_defaults(func=run_json)

    p = subparsers.add_parser(
        "import",
        help=_("store an event log in the workspace as a dataset"),
        description=(
            _(
                "Read an event log (CSV/TSV, XLSX, Parquet, JSON Lines, XES) into WORKSPACE, or a "
                "summary JSON written by 'analyze --engine spark --summary'."
            )
        ),
    )
    p.add_argument("workspace", metavar="WORKSPACE", help=_(".cxmap workspace file"))
    p.add_argument("events", metavar="EVENTS", help=_("event log file"))
    p.add_argument("--name", help=_("dataset name (default: the file name)"))
    p.add_argument("--journey", metavar="J", help=_("journey the dataset belongs to"))
    p.add_argument(
        "--preset",
        metavar="NAME",
        help=_("column layout: pm4py, ga4, mixpanel, amplitude, segment"),
    )
    p.add_argument("--case", metavar="COL", help=_("case / customer id column"))
    p.add_argument("--activity", metavar="COL", help=_("event name column"))
    p.add_argument("--timestamp", metavar="COL", help=_("timestamp column"))
    p.add_argument("--channel", metavar="COL", help=_("channel column (optional)"))
    p.add_argument("--lifecycle", choices=("complete", "all"), default="complete")
    p.add_argument(
        "--tz", metavar="ZONE", help=_("time zone of timestamps without offset (default UTC)")
    )
    p.set_defaults(func=run_events)


def run_xlsx(args: argparse.Namespace) -> int:
    from cxmapper.io.xlsx_import import apply_plan, plan_xlsx_import
    from cxmapper.model.workspace import Workspace

    with Workspace.open(
        args.workspace, read_only=args.dry_run, require_write=not args.dry_run
    ) as ws:
        plan = plan_xlsx_import(ws, args.file)
        print(plan.report())
        if args.dry_run:
            print(_("dry run: nothing applied"))
        elif plan.changes:
            apply_plan(ws, plan)
            print(_("applied {n} change(s) as one step").format(n=len(plan.changes)))
    return 0


def run_json(args: argparse.Namespace) -> int:
    from cxmapper.io.json_format import import_json, read_document
    from cxmapper.model.workspace import Workspace

    path = Path(args.workspace)
    read_document(args.file)  # check the file before creating a workspace for it
    created = not path.exists()
    ws = Workspace.open(path, create=True, require_write=True)
    try:
        journeys = import_json(ws, args.file).journeys
    except BaseException:
        ws.close()
        if created:  # leave no empty workspace behind
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    ws.close()
    for j in journeys:
        print(_("imported journey {name} ({id})").format(name=repr(j.name), id=j.id))
    return 0


def run_events(args: argparse.Namespace) -> int:
    """`cxmapper import`: the event-dataset import. Reading and validating events belongs to
    `cxmapper.analysis` (its owner may extend this); here we only store the result."""
    from cxmapper.analysis.summary_import import import_summary, looks_like_summary
    from cxmapper.analysis.tasks import import_events
    from cxmapper.model.workspace import Workspace

    columns = {c: getattr(args, c) for c in ("case", "activity", "timestamp", "channel")}
    if looks_like_summary(args.events):  # a Spark summary (`analyze --summary`): figures only
        dataset = import_summary(args.events, name=args.name)
    else:
        dataset = import_events(args.events, preset=args.preset, columns=columns,
                                lifecycle=args.lifecycle, name=args.name, tz=args.tz)  # fmt: skip
    with Workspace.open(args.workspace, require_write=True) as ws:
        journey_id = ws.find_journey(args.journey).id if args.journey else None
        stored = dataset.add_to(ws, journey_id)
    print(_("imported {events} events, {cases} cases as dataset {name}").format(
        events=format_number(stored.n_events), cases=format_number(stored.n_cases),
        name=repr(stored.name)))  # fmt: skip
    warnings = dataset.options.get("warnings", [])
    for note in warnings if isinstance(warnings, list) else []:
        print(_("note: {text}").format(text=note))
    return 0
