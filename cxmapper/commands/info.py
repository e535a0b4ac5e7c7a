"""`cxmapper info WORKSPACE [--json]`: what a workspace holds, without opening the app."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cxmapper.commands.printable import printable
from cxmapper.present.labels import STATUS_KEYS, _, status_label
from cxmapper.present.locale_format import format_number


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("info", help=_("summarise a workspace"))
    p.add_argument("workspace", type=Path)
    p.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
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

    lines = [_("Workspace {name} (schema version {version})").format(
        name=n(s["workspace"]), version=s["schema_version"]), ""]  # fmt: skip
    for j in s["journeys"]:
        state = _("future") if j["state"] == "future" else _("current")
        lines.append(
            _("Journey: {name} [{state}]").format(name=n(j["name"]), state=state)
            + (_(", persona {name}").format(name=n(j["persona"])) if j["persona"] else "")
        )
        lines.append(
            _("  stages ({n}): {names}").format(n=len(j["stages"]), names=names(j["stages"]))
        )
        lines.append(_("  lanes ({n}): {names}").format(n=len(j["lanes"]), names=names(j["lanes"])))
        lines.append(
            _(
                "  {touchpoints} touchpoints ({goals} goals), {connectors} connectors, "
                "{readings} KPI readings, {comments} comments, {actions} open actions"
            ).format(
                touchpoints=j["touchpoints"],
                goals=j["goal_touchpoints"],
                connectors=j["connectors"],
                readings=j["kpi_readings"],
                comments=j["comments"],
                actions=j["open_actions"],
            )
        )
        lines.append(_("  owners: {names}").format(names=names(j["owners"]) or "-"))
        counts = j.get("kpi_status", {})
        if counts:
            lines.append(
                _("  KPI status (latest readings): {counts}").format(
                    counts=", ".join(
                        f"{counts[k]} {status_label(k)}" for k in STATUS_KEYS if counts.get(k)
                    )
                )
            )
        for w in j["governance_warnings"]:
            lines.append(_("  warning: {text}").format(text=n(w)))
        lines.append(_("  governance health: {text}").format(text=_health(j["governance_health"])))
        for o in j["overdue"]:
            lines.append(
                _(
                    "  overdue: {touchpoint}: {kpi} ({frequency}), last reading {latest}, "
                    "due {due} ({days} days late), owner {owner}"
                ).format(
                    touchpoint=o["touchpoint"],
                    kpi=o["kpi"],
                    frequency=o["frequency"],
                    latest=o["latest"][:10],
                    due=o["due"],
                    days=o["days_overdue"],
                    owner=o["owner"] or "-",
                )
            )
        lines.append("")
    lines.append(_("People and teams: {n}").format(n=len(s["people"])))
    kpis = ", ".join(
        _("{name} ({n} readings)").format(name=n(k["name"]), n=k["readings"]) for k in s["kpis"]
    )
    lines.append(_("KPIs: {list}").format(list=kpis or "-"))
    datasets = ", ".join(
        _("{name} ({events} events, {cases} cases)").format(
            name=n(d["name"]), events=format_number(d["events"]), cases=format_number(d["cases"])
        )
        for d in s["datasets"]
    )
    lines.append(_("Datasets: {list}").format(list=datasets or "-"))
    return "\n".join(lines)


def _health(h: dict[str, Any]) -> str:
    def pct(share: float | None) -> str:
        return "-" if share is None else f"{share:.0%}"

    return _(
        "{a} of {governed} governed touchpoints with exactly one Accountable, {k} of "
        "{kpis} KPIs with an owner, {r} of {expected} expected readings up to date"
    ).format(
        a=pct(h["accountable_share"]),
        governed=h["governed_touchpoints"],
        k=pct(h["kpi_owner_share"]),
        kpis=h["kpis"],
        r=pct(h["readings_up_to_date_share"]),
        expected=h["expected_readings"],
    )
