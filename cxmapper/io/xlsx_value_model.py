"""The journey's value model in the workbook and back: one row per assumption, owners correct
the amounts, the import turns their edits into one journey update.

Why rows, not a form: a row per setting keyed by a stable id (`value_per_conversion`,
`contact_cost|chat`, ...) goes through the round trip's one merge rule (`xlsx_merge.decide`)
like any other cell: an unedited workbook imports with no change, an edit made in cxmapper
since the export is a conflict, not overwritten. The rows list the stored settings and, for
the assisted channels (`analysis.channels.CHANNEL_KINDS`) and the map's known channels
(`present.palette.CHANNELS`) without a cost, an empty cost to fill in. An added row (empty id) whose Setting is *Cost of a contact* or
*Value of a conversion in segment* adds a channel's cost or a segment's value; clearing a cost
removes it. All the edits of one workbook become one `update` of the journey's `value_model`
(checked by `model.value_models.checked_fields`), so the import undoes in one step.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from cxmapper.analysis.channels import ASSISTED, CHANNEL_KINDS
from cxmapper.analysis.value_model import cost_key
from cxmapper.errors import ValidationError
from cxmapper.io import xlsx_values as v
from cxmapper.io.snapshot import JourneySnapshot
from cxmapper.io.xlsx_merge import Sent, Verdict, decide, shown
from cxmapper.io.xlsx_tables import Column, TableSpec
from cxmapper.model.value_models import checked_fields
from cxmapper.present.labels import CHANNELS as CHANNEL_LABELS
from cxmapper.present.labels import channel_label, value_model_item_label
from cxmapper.present.palette import CHANNELS

TABLE = "ValueModel"
KEY = "setting_id"
SEP = "|"
MONEY = ("value_per_conversion", "contact_cost", "segment_value")
DAYS = ("failure_window_days", "repeat_window_days")
DEFAULT_DAYS = 7.0
MAPS = {"contact_cost": "contact_costs", "segment_value": "segment_values"}


@dataclass(frozen=True)
class Item:
    """One row: `kind` (a `VALUE_MODEL_ITEMS` key), the channel or segment `name`, `value`."""

    kind: str
    name: str
    value: Any

    @property
    def key(self) -> str:
        return f"{self.kind}{SEP}{self.name}" if self.kind in MAPS else self.kind

    @property
    def shown_name(self) -> str:
        """A known channel in the workbook's language ("negozio"); other names as stored."""
        key = cost_key(self.name) if self.kind == "contact_cost" else ""
        return channel_label(key) if key in CHANNEL_LABELS else self.name

    @property
    def is_money(self) -> bool:
        return self.kind in MONEY


def stored_fields(snap: JourneySnapshot) -> dict[str, Any]:
    data = json.loads(snap.journey.value_model or "{}")
    return data if isinstance(data, dict) else {}


def items(fields: dict[str, Any], snap: JourneySnapshot) -> list[Item]:
    """The rows the sheet shows for `fields` (the stored value model)."""
    costs: dict[str, Any] = dict(fields.get("contact_costs") or {})
    have = {cost_key(c) for c in costs}
    offered = [k for k, kind in CHANNEL_KINDS.items() if kind == ASSISTED]
    offered += sorted({cost_key(t.channel) for t in snap.touchpoints} & set(CHANNELS))
    for channel in offered:  # an empty cost to fill in, once per channel key
        if cost_key(channel) not in have:
            have.add(cost_key(channel))
            costs[channel] = None
    out = [Item("value_per_conversion", "", fields.get("value_per_conversion")),
           Item("currency", "", fields.get("currency", "EUR"))]  # fmt: skip
    out += [Item("contact_cost", c, costs[c]) for c in costs]
    out.append(Item("segment_attribute", "", fields.get("segment_attribute")))
    segments = fields.get("segment_values") or {}
    out += [Item("segment_value", s, segments[s]) for s in segments]
    out += [Item(d, "", fields.get(d, DEFAULT_DAYS)) for d in DAYS]
    return out


VALUE_MODEL = TableSpec(
    sheet_key="value_model", name=TABLE, kind="journey", key=KEY,
    columns=(
        Column(KEY, lambda i, s: i.key, width=26),
        Column("setting", lambda i, s: value_model_item_label(i.kind), width=34),
        Column("name", lambda i, s: i.shown_name, width=22),
        Column("amount", lambda i, s: i.value, width=16),
    ),
)  # fmt: skip


class Planner(Protocol):
    """What this module uses of `xlsx_import._Planner`."""

    snap: JourneySnapshot
    baseline: dict[tuple[str, str], Sent]
    anchors: dict[str, Any]
    names: Any

    def sheet(self, key: str) -> Any: ...

    def conflict(self, where: str, message: str) -> None: ...

    def change(
        self, op: str, kind: str, id: str, values: dict[str, Any], description: str, where: str
    ) -> None: ...


def _parse(kind: str, cell: Any) -> Any:
    """A cell as the setting's stored value; None clears it. CellValueError for a bad one."""
    what = value_model_item_label(kind)
    if kind in MONEY or kind in DAYS:
        return v.to_float(cell, what, blank=True)
    text = v.to_text(cell)
    return (text.upper() if kind == "currency" else text) or None


def _set(fields: dict[str, Any], kind: str, name: str, value: Any) -> None:
    if kind in MAPS:
        table = dict(fields.get(MAPS[kind]) or {})
        table.pop(name, None)
        if value is not None:
            table[name] = value
        fields[MAPS[kind]] = table
    elif value is None:
        fields.pop(kind, None)
    else:
        fields[kind] = value


def _header(sheet: Any, id_header: str, hint: int | None) -> tuple[int, dict[str, int]] | None:
    for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if row and row[0] is not None and str(row[0]).strip() == id_header:
            return n, {str(h).strip(): j for j, h in enumerate(row) if h is not None}
        if hint and n > hint + 400:
            break
    return None


def plan_value_model(p: Planner) -> None:
    """Plan the Value model sheet's edits as one journey update (or conflicts)."""
    if not any(t == TABLE for t, _ in p.baseline):
        return  # exported before the sheet existed
    sheet = p.sheet(VALUE_MODEL.sheet_key)
    if sheet is None:
        return
    found = _header(sheet, p.names.header(TABLE, KEY), p.anchors.get(TABLE))
    if found is None:
        p.conflict(sheet.title, "the setting ID column was not found; the sheet is not imported")
        return
    top, headers = found
    keys = p.names.keys_of(TABLE)
    cols = {keys[h]: j for h, j in headers.items() if h in keys}
    fields = stored_fields(p.snap)
    now = {i.key: i for i in items(fields, p.snap)}
    by_label = {value_model_item_label(k).lower(): k for k in MAPS}
    new = json.loads(json.dumps(fields))
    exported = {shown(k, as_text=True): k for t, k in p.baseline if t == TABLE}  # as cells show
    edits: list[str] = []
    for n, row in enumerate(sheet.iter_rows(min_row=top + 1, values_only=True), start=top + 1):
        cell = {k: (row[j] if j < len(row) else None) for k, j in cols.items()}
        if all(v.to_text(x) == "" for x in cell.values()):
            continue
        where = f"{sheet.title} row {n}"
        typed = v.to_text(cell.get(KEY))
        if typed:
            key = exported.get(shown(typed, as_text=True), typed)
            base = p.baseline.get((TABLE, key))
            kind, _, name = key.partition(SEP)
            if base is None or kind not in (*MONEY, *DAYS, "currency", "segment_attribute"):
                p.conflict(where, f"unknown setting {typed[:60]!r}: not in this export")
                continue
            current = now[key].value if key in now else None
            verdict = decide(base, "amount", cell.get("amount"), current)
            if verdict is Verdict.SAME:
                continue
            if verdict is Verdict.CONFLICT:
                p.conflict(where, f"{value_model_item_label(kind)} {name} was changed in "
                                  "cxmapper since the export; the workbook's value is not applied")  # fmt: skip
                continue
        else:  # an added row: a new channel cost or segment value
            kind = by_label.get(v.to_text(cell.get("setting")).lower(), "")
            name = v.to_text(cell.get("name"))
            if not kind or not name:
                p.conflict(where, "a new row needs a Setting (a contact cost or a segment "
                                  "value) and a Name; not imported")  # fmt: skip
                continue
        try:
            value = _parse(kind, cell.get("amount"))
        except v.CellValueError as exc:
            p.conflict(where, str(exc))
            continue
        _set(new, kind, name, value)
        label = value_model_item_label(kind) + (f" {name!r}" if name else "")
        edits.append(f"{label} = {'(empty)' if value is None else value}")
    if not edits:
        return
    try:
        clean = checked_fields({k: x for k, x in new.items() if x not in (None, {})})
    except ValidationError as exc:
        p.conflict(sheet.title, f"value model not changed: {exc}")
        return
    p.change("update", "journey", p.snap.journey.id,
             {"value_model": json.dumps(clean, sort_keys=True)},
             "value model: " + "; ".join(edits), sheet.title)  # fmt: skip
