"""`cxmapper demo PATH.cxmap`: write the demo workspace and its event log."""

from __future__ import annotations

import argparse
from pathlib import Path

from cxmapper.present.labels import _


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "demo",
        help=_(
            "write a demo workspace, its event log (PATH-events.csv) and survey (PATH-survey.csv)"
        ),
        description=_(
            "Write a realistic demo workspace (two journeys with owners, KPIs, RACI, "
            "comments and actions) and, beside it, a simulated event log for the overlay."
        ),
    )
    p.add_argument("path", type=Path, help=_("the workspace to create, e.g. demo.cxmap"))
    p.add_argument(
        "--seed", type=int, default=7, help=_("random seed of the event log (default 7)")
    )
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cxmapper.model.demo import survey_path_for, write_demo
    from cxmapper.present.language import current_language

    # --lang (or the system locale) chose the language before the command ran
    log = write_demo(args.path, args.seed, overwrite=args.force, lang=current_language())
    for path in (args.path, log, survey_path_for(args.path)):
        print(_("wrote {path}").format(path=path))
    return 0
