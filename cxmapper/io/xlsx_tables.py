"""The round-trip tables of the workbook: which columns they have, what each cell shows and
which model field an edited cell changes.

One definition serves the exporter (writes the cells), the baseline stored in the hidden
sheet, and the importer (reads cells back and turns them into field values), so adding a
column is one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cxmapper.errors import CxError
from cxmapper.io import xlsx_values as v
from cxmapper.io.snapshot import JourneySnapshot
from cxmapper.io.xlsx_safe import clean_text
from cxmapper.model import entities as e
from cxmapper.model import kpi_kinds
from cxmapper.model.kpi_status import status


class Resolver:
    """Turns names typed in cells (owner, stage, lane, KPI) back into ids."""

    def __init__(self, snap: JourneySnapshot) -> None:
        self.snap = snap

    @staticmethod
    def same_name(stored: str, typed: str) -> bool:
        """Names match as the workbook shows them (see clean_text), ignoring case and the
        spaces around them."""
        return clean_text(stored).strip().lower() == clean_text(typed).strip().lower()

    @classmethod
    def _by_name(cls, items: list[Any], name: str, what: str) -> str:
        hits = [x for x in items if cls.same_name(x.name, name)]
        if not hits:
            raise v.CellValueError(f"no {what} named {name!r}")
        if len(hits) > 1:
            raise v.CellValueError(
                f"{len(hits)} {what}s are named {name!r}; rename one in cxmapper"
            )
        return hits[0].id

    def party(self, value: Any, what: str = "person or team") -> str | None:
        name = v.to_text(value)
        return self._by_name(self.snap.parties, name, what) if name else None

    def stage(self, value: Any) -> str:
        return self._by_name(self.snap.stages, v.to_text(value), "stage")

    def lane(self, value: Any) -> str:
        return self._by_name(self.snap.lanes, v.to_text(value), "lane")

    def kpi(self, value: Any) -> str:
        return self._by_name(self.snap.kpis, v.to_text(value), "KPI")


Getter = Callable[[Any, JourneySnapshot], Any]
Parser = Callable[[Any, Resolver], Any]


@dataclass(frozen=True)
class Column:
    header: str
    get: Getter
    field: str | None = None  # the model field an edit changes; None: shown, not imported
    parse: Parser | None = None
    width: float = 14
    number_format: str | None = None
    wrap: bool = False
    choices: tuple[str, ...] = ()  # a drop-down list in Excel


@dataclass(frozen=True)
class TableSpec:
    sheet: str
    name: str  # Excel table name (no spaces)
    kind: str  # model kind of one row
    key: str  # header of the id column
    columns: tuple[Column, ...]

    def column(self, header: str) -> Column:
        for c in self.columns:
            if c.header == header:
                return c
        raise KeyError(header)

    @property
    def editable(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.field)


def text_cell(value: Any, _r: Resolver) -> str:
    """Plain text fields: the text as typed, trimmed."""
    return v.to_text(value)


def _stage_name(t: e.Touchpoint, s: JourneySnapshot) -> str:
    stage = s.stage_by_id.get(t.stage_id)
    return stage.name if stage else ""


def _lane_name(t: e.Touchpoint, s: JourneySnapshot) -> str:
    lane = s.lane_by_id.get(t.lane_id)
    return lane.name if lane else ""


def _tp_title(item: Any, s: JourneySnapshot) -> str:
    tp = s.tp_by_id.get(item.touchpoint_id)
    return tp.title if tp else ""


def _accountable(t: e.Touchpoint, s: JourneySnapshot) -> str:
    return ", ".join(s.party_name(r.party_id) for r in s.raci_by_tp.get(t.id, []) if r.role == "A")


def _key_kpi(t: e.Touchpoint, s: JourneySnapshot) -> str:
    key = s.key_reading(t.id)
    if key is None:
        return ""
    kpi, reading = key
    return format_reading(kpi, reading.value)


def _key_status(t: e.Touchpoint, s: JourneySnapshot) -> str:
    key = s.key_reading(t.id)
    if key is None:
        return ""
    from cxmapper.io.xlsx_style import STATUS_LABELS

    return STATUS_LABELS[status(key[0], key[1].value)]


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def format_reading(kpi: e.Kpi, value: float) -> str:
    """'CSAT 3.9 (target ≥ 4.2)'; short word units are kept ('%', 'min'), others ('score',
    '1-5') dropped to keep cards short."""
    u = kpi.unit.strip()
    unit = u if u == "%" else (f" {u}" if u.isalpha() and len(u) <= 4 else "")
    text = f"{kpi.name} {format_number(value)}{unit}"
    if kpi.target is not None:
        arrow = "≥" if kpi.direction == "higher" else "≤"
        text += f" (target {arrow} {format_number(kpi.target)}{unit})"
    return text


def _move(field: str) -> Parser:
    return (
        (lambda value, r: r.stage(value))
        if field == "stage_id"
        else (lambda value, r: r.lane(value))
    )


TOUCHPOINTS = TableSpec(
    sheet="Touchpoints", name="Touchpoints", kind="touchpoint", key="Touchpoint ID",
    columns=(
        Column("Touchpoint ID", lambda t, s: t.id, width=12),
        Column("Stage", _stage_name, "stage_id", _move("stage_id"), width=16),
        Column("Lane", _lane_name, "lane_id", _move("lane_id"), width=16),
        Column("Order", lambda t, s: t.position + 1, width=8),
        Column("Title", lambda t, s: t.title, "title", text_cell, width=28, wrap=True),
        Column("Description", lambda t, s: t.description, "description", text_cell, width=32, wrap=True),
        Column("Channel", lambda t, s: t.channel, "channel", text_cell, width=12),
        Column("Component", lambda t, s: t.component, "component", text_cell, width=15,
               choices=tuple(c for c in e.COMPONENTS if c)),
        Column("Emotion", lambda t, s: t.emotion, "emotion", lambda x, r: v.to_score(x, "Emotion"),
               width=10),  # an empty cell: not scored
        Column("Tags", lambda t, s: v.join_list(t.tags), "tags", lambda x, r: v.split_list(x), width=18),
        Column("Owner", lambda t, s: s.party_name(t.owner_id), "owner_id", lambda x, r: r.party(x), width=18),
        Column("Goal", lambda t, s: v.yes_no(t.is_goal), "is_goal", lambda x, r: v.to_bool(x, "Goal"),
               width=8, choices=(v.YES, v.NO)),
        Column("Match events", lambda t, s: v.join_list(t.match_events, "; "), "match_events",
               lambda x, r: v.split_list(x, ";"), width=14, wrap=True),
        Column("Match patterns", lambda t, s: v.join_list(t.match_patterns, "; "), "match_patterns",
               lambda x, r: v.split_list(x, ";"), width=14, wrap=True),
        Column("Accountable", _accountable, width=18),
        Column("Key KPI", _key_kpi, width=26, wrap=True),
        Column("KPI status", _key_status, width=11),
    ),
)  # fmt: skip

ACTIONS = TableSpec(
    sheet="Actions", name="Actions", kind="action", key="Action ID",
    columns=(
        Column("Action ID", lambda a, s: a.id, width=12),
        Column("Touchpoint ID", lambda a, s: a.touchpoint_id, width=12),
        Column("Touchpoint", _tp_title, width=24, wrap=True),
        Column("Title", lambda a, s: a.title, "title", text_cell, width=32, wrap=True),
        Column("Description", lambda a, s: a.description, "description", text_cell, width=36, wrap=True),
        Column("Impact", lambda a, s: a.impact, "impact", lambda x, r: v.to_int(x, "Impact"), width=9),
        Column("Effort", lambda a, s: a.effort, "effort", lambda x, r: v.to_int(x, "Effort"), width=9),
        Column("Priority", lambda a, s: a.priority, width=10, number_format="0.00"),
        Column("Owner", lambda a, s: s.party_name(a.owner_id), "owner_id", lambda x, r: r.party(x), width=18),
        Column("Status", lambda a, s: a.status, "status", text_cell, width=13, choices=e.ACTION_STATUSES),
        Column("Due date", lambda a, s: v.excel_date(a.due_date), "due_date",
               lambda x, r: v.to_date(x, "Due date"), width=12, number_format="yyyy-mm-dd"),
        Column("Created", lambda a, s: v.excel_datetime(a.created_at), width=16, number_format="yyyy-mm-dd hh:mm"),
    ),
)  # fmt: skip

COMMENTS = TableSpec(
    sheet="Comments", name="Comments", kind="comment", key="Comment ID",
    columns=(
        Column("Comment ID", lambda c, s: c.id, width=12),
        Column("Touchpoint ID", lambda c, s: c.touchpoint_id, width=12),
        Column("Touchpoint", _tp_title, width=24, wrap=True),
        Column("Author", lambda c, s: c.author, width=18),
        Column("Time", lambda c, s: v.excel_datetime(c.created_at), width=16, number_format="yyyy-mm-dd hh:mm"),
        Column("Comment", lambda c, s: c.text, "text", text_cell, width=60, wrap=True),
        Column("Resolved", lambda c, s: v.yes_no(c.resolved), "resolved", lambda x, r: v.to_bool(x, "Resolved"),
               width=10, choices=(v.YES, v.NO)),
    ),
)  # fmt: skip

READINGS = TableSpec(
    sheet="KPI history", name="KPIHistory", kind="reading", key="Reading ID",
    columns=(
        Column("Reading ID", lambda r, s: r.id, width=12),
        Column("Touchpoint ID", lambda r, s: r.touchpoint_id, width=12),
        Column("Touchpoint", _tp_title, width=26, wrap=True),
        Column("KPI", lambda r, s: s.kpi_by_id[r.kpi_id].name if r.kpi_id in s.kpi_by_id else "", width=18),
        Column("Value", lambda r, s: r.value, width=10),
        Column("Unit", lambda r, s: s.kpi_by_id[r.kpi_id].unit if r.kpi_id in s.kpi_by_id else "", width=8),
        Column("Measured at", lambda r, s: v.excel_datetime(r.measured_at), width=17, number_format="yyyy-mm-dd hh:mm"),
        Column("Source", lambda r, s: r.source, width=16),
        Column("Reported by", lambda r, s: s.party_name(r.owner_id), width=18),
    ),
)  # fmt: skip


def _kpi_touchpoints(k: e.Kpi, s: JourneySnapshot) -> int:
    return len({tp for tp, kpi in s.latest if kpi == k.id})


KPI_OWNERSHIP = TableSpec(
    sheet="Governance", name="KpiOwnership", kind="kpi", key="KPI ID",
    columns=(
        Column("KPI ID", lambda k, s: k.id, width=12),
        Column("KPI", lambda k, s: k.name, width=24),
        Column("Unit", lambda k, s: k.unit, width=10),
        Column("Direction", lambda k, s: k.direction, width=11),
        Column("Target", lambda k, s: k.target, "target", lambda x, r: v.to_float(x, "Target", blank=True), width=10),
        Column("Tolerance", lambda k, s: k.tolerance, "tolerance",
               lambda x, r: v.to_float(x, "Tolerance", blank=True), width=11),
        Column("Responsible", lambda k, s: s.party_name(k.owner_id), "owner_id", lambda x, r: r.party(x), width=20),
        Column("Touchpoints measured", _kpi_touchpoints, width=12),
        Column("Kind", lambda k, s: kpi_kinds.label(k.kind), width=18),  # read-only, as Unit
    ),
)  # fmt: skip

# The KPIs sheet: latest reading per touchpoint and KPI, with two blank columns for owners
# to report a new reading. An edited 'Latest value' is a new reading too (see xlsx_import).
LATEST, NEW_VALUE, NEW_DATE = "Latest value", "New value", "New date"
LATEST_TABLE = "KpiLatest"  # its rows in the baseline, keyed by latest_key()
KPI_LATEST_HEADERS = (
    "Touchpoint ID", "Touchpoint", "Stage", "KPI ID", "KPI", LATEST, "Unit", "Measured at",
    "Target", "Direction", "Status", "KPI owner", NEW_VALUE, NEW_DATE,
)  # fmt: skip

LATEST_INPUTS = ("Touchpoint ID", "KPI ID", LATEST, NEW_VALUE, NEW_DATE)  # not reference-only


def latest_key(tp_id: str, kpi_id: str) -> str:
    return f"{tp_id}|{kpi_id}"


def latest_row(s: JourneySnapshot, tp_id: str, kpi_id: str) -> dict[str, Any] | None:
    """One row of the KPIs sheet by header, for the export and, on import, for what the
    export would write now; None when the touchpoint, KPI or reading is gone."""
    from cxmapper.io.xlsx_style import STATUS_LABELS

    reading, kpi, tp = s.latest.get((tp_id, kpi_id)), s.kpi_by_id.get(kpi_id), s.tp_by_id.get(tp_id)
    if reading is None or kpi is None or tp is None:
        return None
    stage = s.stage_by_id.get(tp.stage_id)
    values = (
        tp.id, tp.title, stage.name if stage else "", kpi.id, kpi.name, reading.value, kpi.unit,
        v.excel_datetime(reading.measured_at), kpi.target, kpi.direction,
        STATUS_LABELS[status(kpi, reading.value)], s.party_name(kpi.owner_id), None, None,
    )  # fmt: skip
    return dict(zip(KPI_LATEST_HEADERS, values, strict=True))


ROUND_TRIP_TABLES = (TOUCHPOINTS, KPI_OWNERSHIP, ACTIONS, COMMENTS)


def check_specs() -> None:
    for spec in (*ROUND_TRIP_TABLES, READINGS):
        headers = [c.header for c in spec.columns]
        if len(set(headers)) != len(headers) or spec.key not in headers:
            raise CxError(f"bad table definition {spec.name}")
