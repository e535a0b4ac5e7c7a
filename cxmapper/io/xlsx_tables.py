"""The round-trip tables of the workbook: which columns they have, what each cell shows and
which model field an edited cell changes.

One definition serves the exporter (writes the cells), the baseline stored in the hidden
sheet, and the importer (reads cells back and turns them into field values), so adding a
column is one line here. Sheets and columns are named by stable keys ("touchpoints",
"touchpoint_id"); their titles and headers are labels (`present.labels`), and the export
records in the hidden sheet which header it wrote for which key, so the round trip never
depends on the English text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from cxmapper.io import xlsx_values as v
from cxmapper.io.snapshot import JourneySnapshot
from cxmapper.io.xlsx_safe import clean_text
from cxmapper.model import entities as e
from cxmapper.model.kpi_status import status
from cxmapper.present import value_labels as vl
from cxmapper.present.card_text import format_reading
from cxmapper.present.labels import (
    column_label,
    kpi_kind_label,
    sheet_label,
    status_label,
)


class Named(Protocol):
    """What a cell may name: a person or team, stage, lane or KPI."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


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
    def _by_name(cls, items: Sequence[Named], name: str, what: str) -> str:
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
    key: str  # stable: the baseline and the import use it; the header is its label
    get: Getter
    field: str | None = None  # the model field an edit changes; None: shown, not imported
    parse: Parser | None = None
    width: float = 14
    number_format: str | None = None
    wrap: bool = False
    choices: tuple[str, ...] = ()  # a drop-down list in Excel
    # words for the stored keys the getter returns: the cell shows the word in the workbook's
    # language, the baseline keeps the key, the import turns a word of any language back
    labels: Mapping[str, str] | None = None

    @property
    def header(self) -> str:
        return column_label(self.key)

    def shown(self, value: Any) -> Any:
        """The value as the cell shows it (a key's word in the current language)."""
        if self.labels is None or not isinstance(value, str):
            return value
        return vl.value_label(self.labels, value)

    def key_of(self, cell: Any, written: Mapping[str, str] | None = None) -> Any:
        """A cell's word as the key the getter returns: the word the workbook wrote for a key
        (`written`, from its hidden record), else a word of any supported language; other
        values as typed."""
        if self.labels is None:
            return cell
        if written and isinstance(cell, str) and cell.strip() in written:
            return written[cell.strip()]
        return vl.key_of(self.labels, cell)


@dataclass(frozen=True)
class TableSpec:
    sheet_key: str
    name: str  # Excel table name (no spaces): a key too
    kind: str  # model kind of one row
    key: str  # key of the id column
    columns: tuple[Column, ...]

    @property
    def sheet(self) -> str:
        return sheet_label(self.sheet_key)

    def index(self, key: str) -> int:
        """The column's position (0-based) by its key."""
        return [c.key for c in self.columns].index(key)

    @property
    def editable(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.field)

    def keys_of(
        self, cell: dict[str, Any], written: Mapping[str, Mapping[str, str]] | None = None
    ) -> dict[str, Any]:
        """A returned row with every labelled cell turned back into its key (see Column);
        `written`: column key -> word -> key, as the workbook recorded them."""
        by_key = {c.key: c for c in self.columns if c.labels is not None}
        words = written or {}
        return {
            k: (by_key[k].key_of(x, words.get(k)) if k in by_key else x) for k, x in cell.items()
        }


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
    return status_label(status(key[0], key[1].value))


def _move(field: str) -> Parser:
    return (
        (lambda value, r: r.stage(value))
        if field == "stage_id"
        else (lambda value, r: r.lane(value))
    )


TOUCHPOINTS = TableSpec(
    sheet_key="touchpoints", name="Touchpoints", kind="touchpoint", key="touchpoint_id",
    columns=(
        Column("touchpoint_id", lambda t, s: t.id, width=12),
        Column("stage", _stage_name, "stage_id", _move("stage_id"), width=16),
        Column("lane", _lane_name, "lane_id", _move("lane_id"), width=16),
        Column("order", lambda t, s: t.position + 1, width=8),
        Column("title", lambda t, s: t.title, "title", text_cell, width=28, wrap=True),
        Column("description", lambda t, s: t.description, "description", text_cell, width=32, wrap=True),
        Column("channel", lambda t, s: t.channel, "channel", text_cell, width=12),  # free text
        Column("component", lambda t, s: t.component, "component", text_cell, width=15,
               choices=tuple(c for c in e.COMPONENTS if c), labels=vl.COMPONENTS),
        Column("emotion", lambda t, s: t.emotion, "emotion", lambda x, r: v.to_score(x, column_label("emotion")),
               width=10),  # an empty cell: not scored
        Column("tags", lambda t, s: v.join_list(t.tags), "tags", lambda x, r: v.split_list(x), width=18),
        Column("owner", lambda t, s: s.party_name(t.owner_id), "owner_id", lambda x, r: r.party(x), width=18),
        Column("goal", lambda t, s: v.yes_no(t.is_goal), "is_goal", lambda x, r: v.to_bool(x, column_label("goal")),
               width=8, choices=(v.YES, v.NO), labels=vl.FLAGS),
        Column("match_events", lambda t, s: v.join_list(t.match_events, "; "), "match_events",
               lambda x, r: v.split_list(x, ";"), width=14, wrap=True),
        Column("match_patterns", lambda t, s: v.join_list(t.match_patterns, "; "), "match_patterns",
               lambda x, r: v.split_list(x, ";"), width=14, wrap=True),
        Column("accountable", _accountable, width=18),
        Column("key_kpi", _key_kpi, width=26, wrap=True),
        Column("kpi_status", _key_status, width=11),
    ),
)  # fmt: skip

ACTIONS = TableSpec(
    sheet_key="actions", name="Actions", kind="action", key="action_id",
    columns=(
        Column("action_id", lambda a, s: a.id, width=12),
        Column("touchpoint_id", lambda a, s: a.touchpoint_id, width=12),
        Column("touchpoint", _tp_title, width=24, wrap=True),
        Column("title", lambda a, s: a.title, "title", text_cell, width=32, wrap=True),
        Column("description", lambda a, s: a.description, "description", text_cell, width=36, wrap=True),
        Column("impact", lambda a, s: a.impact, "impact", lambda x, r: v.to_int(x, column_label("impact")), width=9),
        Column("effort", lambda a, s: a.effort, "effort", lambda x, r: v.to_int(x, column_label("effort")), width=9),
        Column("priority", lambda a, s: a.priority, width=10, number_format="0.00"),
        Column("owner", lambda a, s: s.party_name(a.owner_id), "owner_id", lambda x, r: r.party(x), width=18),
        Column("status", lambda a, s: a.status, "status", text_cell, width=13, choices=e.ACTION_STATUSES,
               labels=vl.ACTION_STATUSES),
        Column("due_date", lambda a, s: v.excel_date(a.due_date), "due_date",
               lambda x, r: v.to_date(x, column_label("due_date")), width=12, number_format="yyyy-mm-dd"),
        Column("created", lambda a, s: v.excel_datetime(a.created_at), width=16, number_format="yyyy-mm-dd hh:mm"),
    ),
)  # fmt: skip

COMMENTS = TableSpec(
    sheet_key="comments", name="Comments", kind="comment", key="comment_id",
    columns=(
        Column("comment_id", lambda c, s: c.id, width=12),
        Column("touchpoint_id", lambda c, s: c.touchpoint_id, width=12),
        Column("touchpoint", _tp_title, width=24, wrap=True),
        Column("author", lambda c, s: c.author, width=18),
        Column("time", lambda c, s: v.excel_datetime(c.created_at), width=16, number_format="yyyy-mm-dd hh:mm"),
        Column("comment", lambda c, s: c.text, "text", text_cell, width=60, wrap=True),
        Column("resolved", lambda c, s: v.yes_no(c.resolved), "resolved", lambda x, r: v.to_bool(x, column_label("resolved")),
               width=10, choices=(v.YES, v.NO), labels=vl.FLAGS),
    ),
)  # fmt: skip

READINGS = TableSpec(
    sheet_key="kpi_history", name="KPIHistory", kind="reading", key="reading_id",
    columns=(
        Column("reading_id", lambda r, s: r.id, width=12),
        Column("touchpoint_id", lambda r, s: r.touchpoint_id, width=12),
        Column("touchpoint", _tp_title, width=26, wrap=True),
        Column("kpi", lambda r, s: s.kpi_by_id[r.kpi_id].name if r.kpi_id in s.kpi_by_id else "", width=18),
        Column("value", lambda r, s: r.value, width=10),
        Column("unit", lambda r, s: s.kpi_by_id[r.kpi_id].unit if r.kpi_id in s.kpi_by_id else "", width=8),
        Column("measured_at", lambda r, s: v.excel_datetime(r.measured_at), width=17, number_format="yyyy-mm-dd hh:mm"),
        Column("source", lambda r, s: r.source, width=16),
        Column("reported_by", lambda r, s: s.party_name(r.owner_id), width=18),
    ),
)  # fmt: skip


def _kpi_touchpoints(k: e.Kpi, s: JourneySnapshot) -> int:
    return len({tp for tp, kpi in s.latest if kpi == k.id})


KPI_OWNERSHIP = TableSpec(
    sheet_key="governance", name="KpiOwnership", kind="kpi", key="kpi_id",
    columns=(
        Column("kpi_id", lambda k, s: k.id, width=12),
        Column("kpi", lambda k, s: k.name, width=24),
        Column("unit", lambda k, s: k.unit, width=10),
        Column("direction", lambda k, s: vl.value_label(vl.DIRECTIONS, k.direction), width=14),
        Column("target", lambda k, s: k.target, "target", lambda x, r: v.to_float(x, column_label("target"), blank=True), width=10),
        Column("tolerance", lambda k, s: k.tolerance, "tolerance",
               lambda x, r: v.to_float(x, column_label("tolerance"), blank=True), width=11),
        Column("responsible", lambda k, s: s.party_name(k.owner_id), "owner_id", lambda x, r: r.party(x), width=20),
        Column("touchpoints_measured", _kpi_touchpoints, width=12),
        Column("kind", lambda k, s: kpi_kind_label(k.kind), width=18),  # read-only, as unit
    ),
)  # fmt: skip

# The KPIs sheet: latest reading per touchpoint and KPI, with two blank columns for owners
# to report a new reading. An edited 'Latest value' is a new reading too (see xlsx_import).
LATEST, NEW_VALUE, NEW_DATE = "latest_value", "new_value", "new_date"
LATEST_TABLE = "KpiLatest"  # its rows in the baseline, keyed by latest_key()
KPI_LATEST_KEYS = (
    "touchpoint_id", "touchpoint", "stage", "kpi_id", "kpi", LATEST, "unit", "measured_at",
    "target", "direction", "status", "kpi_owner", NEW_VALUE, NEW_DATE,
)  # fmt: skip

LATEST_INPUTS = ("touchpoint_id", "kpi_id", LATEST, NEW_VALUE, NEW_DATE)  # not reference-only


def latest_key(tp_id: str, kpi_id: str) -> str:
    return f"{tp_id}|{kpi_id}"


def latest_row(s: JourneySnapshot, tp_id: str, kpi_id: str) -> dict[str, Any] | None:
    """One row of the KPIs sheet by column key, for the export and, on import, for what the
    export would write now; None when the touchpoint, KPI or reading is gone."""
    reading, kpi, tp = s.latest.get((tp_id, kpi_id)), s.kpi_by_id.get(kpi_id), s.tp_by_id.get(tp_id)
    if reading is None or kpi is None or tp is None:
        return None
    stage = s.stage_by_id.get(tp.stage_id)
    values = (
        tp.id, tp.title, stage.name if stage else "", kpi.id, kpi.name, reading.value, kpi.unit,
        v.excel_datetime(reading.measured_at), kpi.target, vl.value_label(vl.DIRECTIONS, kpi.direction),
        status_label(status(kpi, reading.value)), s.party_name(kpi.owner_id), None, None,
    )  # fmt: skip
    return dict(zip(KPI_LATEST_KEYS, values, strict=True))


ROUND_TRIP_TABLES = (TOUCHPOINTS, KPI_OWNERSHIP, ACTIONS, COMMENTS)
