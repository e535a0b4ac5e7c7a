"""`cxmapper info WORKSPACE [--json]`: what a workspace holds, without opening the app."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cxmapper.commands.printable import printable
from cxmapper.present.labels import STATUS_KEYS, status_label


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("info", help="summarise a workspace")
    p.add_argument("workspace", type=Path)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cxmapper.model.summary import summarize
    from cxmapper.model.workspace import Workspace

    with Workspace.open(args.workspace, read_only=True) as ws:
        summary = summarize(ws)
    if args.json:
        json.dump(summary, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(format_summary(summary))
    return 0


def format_summary(s: dict[str, Any]) -> str:
    """The summary as text; every name is kept on its line (newlines in names are escaped)."""

    def n(value: Any) -> str:
        return printable(str(value), one_line=True)

    def names(values: list[Any]) -> str:
        return ", ".join(n(v) for v in values)

    lines = [f"Workspace {n(s['workspace'])} (schema version {s['schema_version']})", ""]
    for j in s["journeys"]:
        lines.append(
            f"Journey: {n(j['name'])} [{n(j['state'])}]"
            + (f", persona {n(j['persona'])}" if j["persona"] else "")
        )
        lines.append(f"  stages ({len(j['stages'])}): {names(j['stages'])}")
        lines.append(f"  lanes ({len(j['lanes'])}): {names(j['lanes'])}")
        lines.append(
            f"  {j['touchpoints']} touchpoints ({j['goal_touchpoints']} goals), "
            f"{j['connectors']} connectors, {j['kpi_readings']} KPI readings, "
            f"{j['comments']} comments, {j['open_actions']} open actions"
        )
        lines.append(f"  owners: {names(j['owners']) or '-'}")
        counts = j.get("kpi_status", {})
        if counts:
            lines.append("  KPI status (latest readings): " + ", ".join(
                f"{counts[k]} {status_label(k)}" for k in STATUS_KEYS if counts.get(k)))  # fmt: skip
        for w in j["governance_warnings"]:
            lines.append(f"  warning: {n(w)}")
        lines.append(f"  governance health: {_health(j['governance_health'])}")
        for o in j["overdue"]:
            lines.append(
                f"  overdue: {o['touchpoint']}: {o['kpi']} ({o['frequency']}), last reading "
                f"{o['latest'][:10]}, due {o['due']} ({o['days_overdue']} days late), "
                f"owner {o['owner'] or '-'}"
            )
        lines.append("")
    lines.append(f"People and teams: {len(s['people'])}")
    lines.append(
        "KPIs: "
        + (", ".join(f"{n(k['name'])} ({k['readings']} readings)" for k in s["kpis"]) or "-")
    )
    lines.append(
        "Datasets: "
        + (
            ", ".join(
                f"{n(d['name'])} ({d['events']:,} events, {d['cases']:,} cases)"
                for d in s["datasets"]
            )
            or "-"
        )
    )
    return "\n".join(lines)


def _health(h: dict[str, Any]) -> str:
    def pct(share: float | None) -> str:
        return "-" if share is None else f"{share:.0%}"

    return (
        f"{pct(h['accountable_share'])} of {h['governed_touchpoints']} governed touchpoints "
        f"with exactly one Accountable, {pct(h['kpi_owner_share'])} of {h['kpis']} KPIs with an "
        f"owner, {pct(h['readings_up_to_date_share'])} of {h['expected_readings']} expected "
        "readings up to date"
    )
