"""`cxmapper analyze EVENTS`: journey metrics of an event log, as a table or JSON.

pandas and the analysis engine are imported inside `run` so other sub-commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cxmapper.commands import analyze_spark, value_options
from cxmapper.commands.json_out import write_json
from cxmapper.present.labels import N_, _
from cxmapper.present.locale_format import format_number


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "analyze",
        help=_("measure touchpoints and transitions in an event log"),
        description=(
            _(
                "Import an event log (CSV/TSV, XLSX, Parquet, JSON Lines, XES) and print journey "
                "metrics. Without --workspace each event name is its own touchpoint."
            )
        ),
    )
    p.add_argument(
        "events", metavar="EVENTS", help=_("event log file, or a folder of Parquet files")
    )
    p.add_argument("--case", metavar="COL", help=_("case / customer id column"))
    p.add_argument("--activity", metavar="COL", help=_("event name column"))
    p.add_argument("--timestamp", metavar="COL", help=_("timestamp column"))
    p.add_argument("--channel", metavar="COL", help=_("channel column (optional)"))
    p.add_argument(
        "--preset",
        metavar="NAME",
        help=_("column layout: pm4py, ga4, mixpanel, amplitude, segment (default: detect)"),
    )
    p.add_argument(
        "--lifecycle",
        choices=("complete", "all"),
        default="complete",
        help=_("with a lifecycle column keep only 'complete' events (default) or all"),
    )
    p.add_argument(
        "--tz", metavar="ZONE", help=_("time zone of timestamps without offset (default UTC)")
    )
    p.add_argument("--workspace", metavar="W", help=_("workspace whose journey maps events"))
    p.add_argument("--journey", metavar="J", help=_("journey name or id (with --workspace)"))
    p.add_argument("--json", metavar="OUT", help=_("write JSON to OUT ('-' for stdout)"))
    p.add_argument(
        "--engine",
        metavar="NAME",
        default="auto",
        help=(
            _(
                "analysis engine: numpy (in memory, fastest while the log fits), duckdb (out of "
                "core: scans Parquet/CSV, spills to disk) or auto (the default: duckdb for a folder "
                "of Parquet files, more than 20 million Parquet rows or a CSV over 1 GB), or spark "
                "(the same report from Spark SQL; with --summary OUT a summary computed where the "
                "data lives, see README 'Scaling')"
            )
        ),
    )
    analyze_spark.register_options(p)
    value_options.register(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cxmapper.analysis import engines
    from cxmapper.analysis.columns import MappingRequest
    from cxmapper.analysis.dataset_ref import FileRef
    from cxmapper.analysis.engines.choice import AUTO, choose
    from cxmapper.analysis.report import analyze, to_json_dict
    from cxmapper.errors import CxError

    if args.summary or args.segment or (args.master and args.engine != analyze_spark.ENGINE):
        return analyze_spark.run(args)  # the summary step (or its options misplaced)
    if args.engine != AUTO:
        runner = engines.get(args.engine)  # an unknown engine fails before anything is read
        if args.master:  # --engine spark without --summary: the same report as the others
            runner.master = args.master  # type: ignore[attr-defined]
    model = value_options.value_model(args)  # so do bad amounts
    spec = None
    off_target: dict[str, int] | None = None
    fcr_targets: dict[str, Any] | None = None
    if args.workspace or args.journey:
        if not (args.workspace and args.journey):
            raise CxError(_("--workspace and --journey go together"))
        from cxmapper.analysis.channel_cards import fcr_kpis
        from cxmapper.analysis.tasks import kpis_off_target
        from cxmapper.analysis.workspace_adapter import journey_spec
        from cxmapper.model.workspace import Workspace

        with Workspace.open(args.workspace, read_only=True) as ws:
            journey = ws.find_journey(args.journey)
            spec = journey_spec(ws, journey.id)
            off_target = kpis_off_target(ws, journey.id)  # the K term, as in the app and exports
            fcr_targets = fcr_kpis(ws, journey.id)  # cards' FCR targets, beside the log's FCR
        if not spec.touchpoints:
            raise CxError(_("journey {name} has no touchpoints").format(name=repr(journey.name)))
    request = MappingRequest(
        preset=args.preset,
        case=args.case,
        activity=args.activity,
        timestamp=args.timestamp,
        channel=args.channel,
    )
    ref = FileRef(Path(args.events), request, lifecycle=args.lifecycle, tz=args.tz)
    engine = choose(ref) if args.engine == AUTO else args.engine
    if Path(args.events).is_dir() and engine != "duckdb":
        raise CxError(
            _("{path}: a folder of Parquet files needs --engine duckdb").format(path=args.events)
        )
    report = analyze(
        ref,
        spec,
        engine=engine,
        kpis_off_target=off_target,
        value_model=model,
        channels=True,  # both engines compute them (DuckDB through `duck.impact_frame`)
        fcr_targets=fcr_targets,
    )
    data = to_json_dict(report)
    if args.json:
        write_json(data, args.json)
        return 0
    _print_summary(data, report.warnings)
    return 0


# the columns of the plain-text table
HEADS = (N_("touchpoint"), N_("reach"), N_("events"), N_("repeat"), N_("starts"), N_("ends"),
         N_("drop-off"), N_("to next"))  # fmt: skip


def _print_summary(data: dict[str, Any], warnings: Sequence[str]) -> None:
    from cxmapper.analysis.units import format_duration

    out = sys.stdout
    out.write(
        _("{cases} cases, {events} events").format(
            cases=format_number(data["n_cases"]), events=format_number(data["n_events"])
        )
        + "\n"
    )
    for w in warnings:
        out.write(_("note: {text}").format(text=w) + "\n")
    rows = data["activities"]
    width = min(max((len(r["name"]) for r in rows), default=10), 48)
    heads = [_(h) for h in HEADS]
    out.write(f"\n{heads[0]:<{width}} {heads[1]:>8} {heads[2]:>8} {heads[3]:>7} "
              f"{heads[4]:>7} {heads[5]:>7} {heads[6]:>8} {heads[7]:>8}\n")  # fmt: skip
    for r in sorted(rows, key=lambda r: -r["reach"]):
        drop = "-" if r["dropoff_rate"] is None else f"{r['dropoff_rate']:.0%}"
        out.write(
            f"{r['name'][:width]:<{width}} {r['reach']:>8,} {r['events']:>8,} "
            f"{r['repeat_cases']:>7,} {r['starts']:>7,} {r['ends']:>7,} {drop:>8} "
            f"{format_duration(r['median_seconds_to_next']):>8}\n"
        )
    out.write("\n" + _("top transitions") + "\n")
    for t in data["transitions"][:15]:
        out.write(
            f"  {t['from'][:30]} -> {t['to'][:30]}: {format_number(t['count'])} ("
            + _("{cases} cases, median {median}").format(
                cases=format_number(t["cases"]), median=format_duration(t["median_seconds"])
            )
            + ")\n"
        )
    if data["friction"]:
        out.write("\n" + _("friction") + "\n")
        for f in data["friction"]:
            out.write(f"  {f['score']:5.1f}  {f['title']}: {'; '.join(f['reasons'])}\n")
    _print_impact(data)
    if data["unmatched_events"]:
        n = sum(data["unmatched_events"].values())
        out.write(
            "\n"
            + _("{n} events match no touchpoint ({names} names)").format(
                n=format_number(n), names=len(data["unmatched_events"])
            )
            + "\n"
        )


def _print_impact(data: dict[str, Any]) -> None:
    """The journey's money totals and channel figures, when the JSON has them."""
    from cxmapper.present.language import current_language
    from cxmapper.present.locale_format import format_number, format_percent
    from cxmapper.present.money import format_money as money_text
    from cxmapper.present.units import format_share

    def format_money(amount: float | None, currency: str) -> str:
        return money_text(amount, currency, current_language())  # € 15.000,00 in Italian

    out = sys.stdout
    money = data.get("money")
    if money:
        total = money["journey"]
        cur = money["currency"]
        out.write(
            _(
                "\nmoney: value at risk {risk}, cost to serve {cost}, "
                "repeat contacts {repeats}, failure demand {failure}\n"
            ).format(
                risk=format_money(total["value_at_risk"], cur),
                cost=format_money(total["cost_to_serve"], cur),
                repeats=format_money(total["repeat_contact_cost"], cur),
                failure=format_money(total["failure_demand_cost"], cur),
            )
        )
        _print_cards_at_risk(data["activities"], cur, format_money)
    ch = data.get("channels")
    if ch and ch["cases"]:
        out.write(
            "\n"
            + _(
                "channels: {hop} of {cases} cases hop, {switched} finish in another channel; "
                "{contacts} assisted contacts, repeat {repeat}, FCR {fcr}"
            ).format(
                hop=format_share(ch["hop_rate"]),
                cases=format_number(ch["cases"]),
                switched=format_share(ch["switched_share"]),
                contacts=format_number(ch["contacts"]),
                repeat=format_share(ch["repeat_contact_rate"]),
                fcr=format_share(ch["fcr"]),
            )
            + "\n"
        )
        for m in ch["matrix"][:10]:  # the pair's share of cases, as the Channels view shows it
            line = _("{source} -> {target}: {hops} hops ({cases} cases, {share} of cases)")
            out.write(
                "  "
                + line.format(
                    source=m["from"][:20],
                    target=m["to"][:20],
                    hops=format_number(m["hops"]),
                    cases=format_number(m["cases"]),
                    share=format_percent(m["case_rate"], 1),
                )
                + "\n"
            )


def _print_cards_at_risk(
    activities: list[dict[str, Any]], currency: str, money: Callable[[float, str], str]
) -> None:
    """The cards with the most value at risk (at most 5), each in the locale's money format,
    so the figure the map shows on a card can be read on the command line too."""
    at_risk = [a for a in activities if a.get("value_at_risk")]
    if not at_risk:
        return
    sys.stdout.write(_("value at risk by touchpoint") + "\n")
    for a in sorted(at_risk, key=lambda a: -a["value_at_risk"])[:5]:
        sys.stdout.write(f"  {a['name'][:40]}: {money(a['value_at_risk'], currency)}\n")
