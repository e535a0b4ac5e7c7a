"""`cxmapper import-survey WORKSPACE FILE` and `cxmapper feedback WORKSPACE --journey J`.

Survey reading and every figure live in `cxmapper.feedback`; this module parses arguments,
stores the result (one undoable step) and prints. pandas is imported inside `run_*`.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from cxmapper.present.labels import _
from cxmapper.present.locale_format import format_number

SCALE_CHOICES = ("nps", "csat", "ces")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "import-survey",
        help=_("store survey responses (NPS, CSAT, CES, comments) in the workspace"),
        description=(
            _(
                "Read survey responses (CSV/TSV, XLSX, JSON Lines). Columns are detected from their "
                "names unless given. E-mail addresses, phone numbers, IBANs and card numbers in "
                "comments are masked before anything is stored."
            )
        ),
    )
    p.add_argument("workspace", metavar="WORKSPACE", help=_(".cxmap workspace file"))
    p.add_argument("file", metavar="FILE", help=_("survey responses file"))
    p.add_argument("--journey", metavar="J", help=_("journey the responses are about"))
    p.add_argument("--name", help=_("survey name (default: the file name)"))
    p.add_argument("--case", metavar="C", help=_("respondent / case id column"))
    p.add_argument("--date", metavar="D", help=_("response date column"))
    p.add_argument("--score", metavar="S", help=_("score column"))
    p.add_argument("--scale", choices=SCALE_CHOICES, help=_("scale of --score (default: detect)"))
    p.add_argument("--text", metavar="T", help=_("comment (verbatim) column"))
    p.add_argument("--touchpoint", metavar="P", help=_("touchpoint or event name column"))
    p.add_argument("--lang", metavar="L", help=_("language column"))
    p.add_argument("--no-verbatims", action="store_true", help=_("keep no comments at all"))
    p.add_argument(
        "--pseudonymise",
        action="store_true",
        help=_("store respondent ids as keyed hashes (the key stays in the workspace)"),
    )
    p.add_argument(
        "--tz", metavar="ZONE", help=_("time zone of dates without offset (default UTC)")
    )
    p.set_defaults(func=run_import)

    p = subparsers.add_parser(
        "feedback",
        help=_("survey figures, drivers and action verdicts of a journey"),
        description=(
            _(
                "Per touchpoint: responses, NPS with its 95 % interval, CSAT, CES, top topics; the "
                "share linked; the drivers; and the before/after verdict of every done action."
            )
        ),
    )
    p.add_argument("workspace", metavar="WORKSPACE", help=_(".cxmap workspace file"))
    p.add_argument("--journey", metavar="J", required=True, help=_("journey name or id"))
    p.add_argument("--json", metavar="OUT", help=_("write JSON to OUT ('-' for stdout)"))
    p.add_argument("--window-days", type=float, default=7, help=_("linking window (default 7)"))
    p.add_argument("--verdict-days", type=float, default=28, help=_("before/after window (28)"))
    p.add_argument("--settle-days", type=float, default=0, help=_("days skipped after a change"))
    p.set_defaults(func=run_feedback)


def run_import(args: argparse.Namespace) -> int:
    from cxmapper.commands.feedback_text import MASK_LABELS
    from cxmapper.feedback.survey_import import read_survey
    from cxmapper.model.surveys import new_pseudonym_key, pseudonym_key, set_pseudonym_key
    from cxmapper.model.workspace import Workspace

    columns = {
        k: getattr(args, k)
        for k in ("case", "date", "score", "scale", "text", "touchpoint", "lang")
    }
    with Workspace.open(args.workspace) as ws:
        journey_id = ws.find_journey(args.journey).id if args.journey else None
        existing = pseudonym_key(ws)
        key = (existing or new_pseudonym_key()) if args.pseudonymise else ""
        survey = read_survey(args.file, columns=columns, keep_verbatims=not args.no_verbatims,
                             pseudonym_key=key, name=args.name, tz=args.tz)  # fmt: skip
        with ws.batch():  # the key is stored with the survey, or not at all
            if key and not existing:
                set_pseudonym_key(ws, key)
            stored = survey.add_to(ws, journey_id)
    masked = ", ".join(
        f"{format_number(n)} {_(MASK_LABELS.get(k, k))}" for k, n in survey.masked.items() if n
    ) or _("nothing")
    print(_("imported {n} responses ({scales}) as survey {name}; masked in comments: {masked}")
          .format(n=format_number(stored.n_responses), scales=", ".join(survey.scales),
                  name=repr(stored.name), masked=masked))  # fmt: skip
    if args.no_verbatims:
        print(_("comments not kept (--no-verbatims)"))
    return 0


def run_feedback(args: argparse.Namespace) -> int:
    from cxmapper.commands.json_out import write_json
    from cxmapper.feedback.report import feedback_report
    from cxmapper.feedback.report_json import to_json_dict
    from cxmapper.model.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        journey = ws.find_journey(args.journey)
        report = feedback_report(
            ws,
            journey.id,
            link_window=timedelta(days=args.window_days),
            verdict_window=timedelta(days=args.verdict_days),
            settle=timedelta(days=args.settle_days),
        )
    data = to_json_dict(report)
    if args.json:
        write_json(data, args.json)
        return 0
    from cxmapper.commands.feedback_text import print_feedback

    print_feedback(data, journey.name)
    return 0
