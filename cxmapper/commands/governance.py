"""Versions, diffs and the change log on the command line.

* `version WORKSPACE --journey J --name N [--live-from DATE] [--note TEXT] [--author NAME]`
* `versions WORKSPACE --journey J [--cards] [--json OUT|-]`
* `diff WORKSPACE --journey J --from A --to B [--json OUT|-]` (A, B: version name or id, or
  `current`)
* `log WORKSPACE [--journey J] [--since DATE] [--author NAME] [--json OUT|-]`
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from typing import Any

from cxmapper.commands.json_out import write_json
from cxmapper.present import log_labels
from cxmapper.present.labels import N_, _, kind_label


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("version", help=_("save a journey as a named version"),
                              description=_("Save the journey as it is now as a named version "
                              "(compare it later with 'cxmapper diff')."))  # fmt: skip
    _common(p)
    p.add_argument("--name", required=True, help=_("version name, unique within the journey"))
    p.add_argument("--live-from", metavar="DATE", default="",
                   help=_("date (YYYY-MM-DD) from which this version was live"))  # fmt: skip
    p.add_argument("--note", default="", help=_("a note kept with the version"))
    p.add_argument("--author", help=_("who saves it, for the change log (default: $USER)"))
    p.set_defaults(func=run_version)

    p = subparsers.add_parser("versions", help=_("list the saved versions of a journey"))
    _common(p)
    p.add_argument("--cards", action="store_true",
                   help=_("also list each card's lineage id and the version it came from"))  # fmt: skip
    _json_option(p)
    p.set_defaults(func=run_versions)

    p = subparsers.add_parser(
        "diff", help=_("compare two versions of a journey (or a version and now)"),
        description=_("Cards added, removed, changed (fields old -> new) and moved, connectors, "
        "owners, RACI and KPI targets between two versions; 'current' is the journey now."),
    )  # fmt: skip
    _common(p)
    p.add_argument("--from", dest="from_ref", required=True, metavar="A",
                   help=_("version name or id, or 'current'"))  # fmt: skip
    p.add_argument("--to", dest="to_ref", required=True, metavar="B",
                   help=_("version name or id, or 'current'"))  # fmt: skip
    _json_option(p)
    p.set_defaults(func=run_diff)

    p = subparsers.add_parser("log", help=_("show the change log (who changed what, when)"))
    p.add_argument("workspace", metavar="WORKSPACE", help=_(".cxmap workspace file"))
    p.add_argument("--journey", metavar="J", help=_("only changes of this journey"))
    p.add_argument("--since", metavar="DATE", help=_("only changes at or after DATE (YYYY-MM-DD)"))
    p.add_argument("--author", help=_("only changes by this person"))
    _json_option(p)
    p.set_defaults(func=run_log)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("workspace", metavar="WORKSPACE", help=_(".cxmap workspace file"))
    p.add_argument("--journey", metavar="J", required=True,
                   help=_("journey name, name prefix or id"))  # fmt: skip


def _json_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", metavar="OUT", help=_("write JSON to OUT ('-' for standard output)"))


def run_version(args: argparse.Namespace) -> int:
    from cxmapper.model.versions import save_version
    from cxmapper.model.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        if args.author:
            ws.author = args.author
        journey = ws.find_journey(args.journey)
        v = save_version(ws, journey.id, args.name, live_from=args.live_from, note=args.note)
    print(_("saved version {name} of {journey} ({id})").format(
        name=repr(v.name), journey=repr(journey.name), id=v.id))  # fmt: skip
    return 0


def run_versions(args: argparse.Namespace) -> int:
    from cxmapper.commands.lineage_out import card_rows, print_cards
    from cxmapper.model.lineage import journey_lineage
    from cxmapper.model.versions import versions
    from cxmapper.model.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        journey = ws.find_journey(args.journey)
        found = versions(ws, journey.id)
        lineage = journey_lineage(ws, journey.id)
    counts = {c.version_id: c for c in lineage.versions}
    rows = [{"id": v.id, "name": v.name, "created_at": v.created_at, "author": v.author,
             "live_from": v.live_from, "note": v.note, "cards": counts[v.id].cards,
             "new_cards": counts[v.id].new_cards} for v in found]  # fmt: skip
    if args.json:
        doc: dict[str, Any] = {"journey": journey.name, "versions": rows}
        if args.cards:
            doc["cards"] = card_rows(lineage)
        write_json(doc, args.json, announce=True, default=str)
        return 0
    if not rows:
        print(_("{journey}: no versions saved").format(journey=journey.name))
    for r in rows:
        live = _(", live from {date}").format(date=r["live_from"]) if r["live_from"] else ""
        by = _(" by {author}").format(author=r["author"]) if r["author"] else ""
        held = _("; {cards} cards, {new} new").format(cards=r["cards"], new=r["new_cards"])
        saved = _("saved {at}").format(at=r["created_at"])
        print(f"{r['name']}  ({saved}{by}{live}{held})  {r['id']}")
    if args.cards:
        print_cards(lineage)
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from cxmapper.model.versions_diff import compare
    from cxmapper.model.workspace import Workspace

    with Workspace.open(args.workspace) as ws:
        journey = ws.find_journey(args.journey)
        diff = compare(ws, journey.id, args.from_ref, args.to_ref)
    if args.json:
        write_json(
            {"journey": journey.name, **diff.to_json()}, args.json, announce=True, default=str
        )
        return 0
    print(f"{journey.name}: {diff.before} -> {diff.after}: " + _("{n} difference(s)").format(
        n=len(diff.differences)))  # fmt: skip
    for d in diff.differences:
        detail = "; ".join(f"{f.field}: {_shown(f.old)} -> {_shown(f.new)}" for f in d.fields)
        what = f"{_(CHANGES.get(d.change, d.change))} {_kind(d.kind)}"
        print(f"  {what}: {d.label}" + (f" ({detail})" if detail else ""))
    return 0


CHANGES = {"added": N_("added"), "removed": N_("removed"), "changed": N_("changed"),
           "moved": N_("moved")}  # fmt: skip


def _kind(kind: str) -> str:
    try:
        return kind_label(kind)
    except KeyError:
        return kind


def _shown(value: Any) -> str:
    return "-" if value is None or value == "" else json.dumps(value, ensure_ascii=False)


def parse_since(text: str) -> str:
    """An ISO date or time for filtering the log; a one-line error otherwise."""
    from cxmapper.errors import CxError

    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        raise CxError(
            _("--since {text}: not a date (write it as YYYY-MM-DD)").format(text=repr(text))
        ) from None


def run_log(args: argparse.Namespace) -> int:
    from cxmapper.model.workspace import Workspace

    since = parse_since(args.since) if args.since else None
    with Workspace.open(args.workspace) as ws:
        journey_id = ws.find_journey(args.journey).id if args.journey else None
        entries = ws.change_log(journey_id=journey_id, since=since, author=args.author)
    if args.json:
        write_json(
            {"entries": [x.to_json() for x in entries]}, args.json, announce=True, default=str
        )
        return 0
    for x in entries:
        what = x.summary or _entry_text(x)
        print(f"{x.at}  {x.author or '-'}  {what}")
    if not entries:
        print(_("no changes logged in that selection") if since or journey_id
              else _("no changes logged"))  # fmt: skip
    return 0


def _entry_text(x: Any) -> str:
    name = x.details.get("title") or x.details.get("name") or x.entity_id
    text = f"{log_labels.action_word(x.action)} {log_labels.kind_word(x.kind)} {name}"
    fields = x.fields
    if fields:
        text += ": " + "; ".join(
            f"{k}" if v is None else f"{k} {_shown(v[0])} -> {_shown(v[1])}"
            for k, v in fields.items()
        )
    return text + (f"  [{x.label}]" if x.label else "")
