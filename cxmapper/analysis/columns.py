"""Which source column plays which role (case, activity, time, channel, lifecycle).

Vendors name the same things differently; presets hold their documented export names so a
user only picks "GA4" instead of five columns. Resolution is done against the real header so a
missing column is reported with the list of columns that do exist.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from cxmapper.analysis.limits import excerpt, name_list
from cxmapper.errors import ImportDataError

#: Canonical column names of the normalised event frame.
CASE_ID = "case_id"
ACTIVITY = "activity"
TIMESTAMP = "timestamp"
CHANNEL = "channel"
LIFECYCLE = "lifecycle"
CANONICAL = (CASE_ID, ACTIVITY, TIMESTAMP, CHANNEL)


@dataclass(frozen=True)
class ColumnMapping:
    """Concrete source column names for each role of a normalised event log.

    `case` may name several columns: they are coalesced left to right per row (Amplitude's
    user_id falls back to amplitude_id, Segment's anonymous_id to user_id).
    `timestamp_unit` forces the epoch unit ("s", "ms", "us", "ns"); None detects it.
    """

    case: tuple[str, ...]
    activity: str
    timestamp: str
    channel: str | None = None
    lifecycle: str | None = None
    timestamp_unit: str | None = None

    def source_columns(self) -> list[str]:
        cols = [*self.case, self.activity, self.timestamp]
        cols += [c for c in (self.channel, self.lifecycle) if c]
        return cols

    def to_dict(self) -> dict[str, object]:
        return {
            "case": list(self.case),
            "activity": self.activity,
            "timestamp": self.timestamp,
            "channel": self.channel,
            "lifecycle": self.lifecycle,
            "timestamp_unit": self.timestamp_unit,
        }


@dataclass(frozen=True)
class Preset:
    """Candidate names per role, first present wins (or all present, when `coalesce_case`)."""

    name: str
    case: tuple[str, ...]
    activity: tuple[str, ...]
    timestamp: tuple[str, ...]
    channel: tuple[str, ...] = ()
    lifecycle: tuple[str, ...] = ()
    timestamp_unit: str | None = None
    coalesce_case: bool = False
    description: str = ""


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "pm4py",
            case=("case:concept:name",),
            activity=("concept:name",),
            timestamp=("time:timestamp",),
            channel=("case:channel", "channel", "org:channel"),
            lifecycle=("lifecycle:transition",),
            description="XES / pm4py standard keys",
        ),
        Preset(
            # BigQuery export: one row per event, event_timestamp in microseconds (UTC).
            "ga4",
            case=("user_pseudo_id", "user_id"),
            activity=("event_name",),
            timestamp=("event_timestamp",),
            channel=(
                "platform",
                "traffic_source.medium",
                "traffic_source_medium",
                "device.category",
                "device_category",
            ),
            timestamp_unit="us",
            description="Google Analytics 4 BigQuery export",
        ),
        Preset(
            # Raw export API: {"event": ..., "properties": {"time": epoch s, "distinct_id": ...}}
            "mixpanel",
            case=("distinct_id", "properties.distinct_id", "$distinct_id"),
            activity=("event", "event_name"),
            timestamp=("time", "properties.time", "$time"),
            channel=("mp_lib", "properties.mp_lib", "$os", "properties.$os"),
            timestamp_unit="s",
            description="Mixpanel raw event export",
        ),
        Preset(
            # Export API / S3 export: event_time is "YYYY-MM-DD HH:MM:SS.ffffff" in UTC.
            "amplitude",
            case=("user_id", "amplitude_id"),
            activity=("event_type",),
            timestamp=("event_time", "client_event_time", "server_upload_time"),
            channel=("platform", "os_name"),
            coalesce_case=True,
            description="Amplitude event export",
        ),
        Preset(
            # Warehouse tables use snake_case, the JSON spec camelCase.
            "segment",
            case=("anonymous_id", "anonymousId", "user_id", "userId"),
            activity=("event", "event_text", "name"),
            timestamp=("timestamp", "original_timestamp", "originalTimestamp", "sent_at"),
            channel=("channel", "context_channel", "context.channel", "context_library_name"),
            coalesce_case=True,
            description="Segment tracks (warehouse or JSON)",
        ),
    )
}

# Auto-detection candidates, most specific first; compared case-insensitively.
AUTO_CASE = (
    "case_id",
    "case:concept:name",
    "caseid",
    "case",
    "session_id",
    "sessionid",
    "user_pseudo_id",
    "user_id",
    "userid",
    "customer_id",
    "customerid",
    "distinct_id",
    "anonymous_id",
    "visitor_id",
    "client_id",
    "account_id",
    "id",
)
AUTO_ACTIVITY = (
    "activity",
    "concept:name",
    "event_name",
    "eventname",
    "event_type",
    "event",
    "action",
    "touchpoint",
    "step",
    "name",
)
AUTO_TIMESTAMP = (
    "timestamp",
    "time:timestamp",
    "event_timestamp",
    "event_time",
    "datetime",
    "date_time",
    "time",
    "ts",
    "date",
    "created_at",
)
AUTO_CHANNEL = ("channel", "case:channel", "platform", "medium", "source", "device")
AUTO_LIFECYCLE = ("lifecycle", "lifecycle:transition", "transition")


def _find(columns: Sequence[str], candidates: Sequence[str]) -> str | None:
    lower = {c.lower(): c for c in reversed(columns)}
    for cand in candidates:
        hit = lower.get(cand.lower())
        if hit is not None:
            return hit
    return None


def detect_mapping(columns: Sequence[str]) -> ColumnMapping | None:
    """Guess a mapping from obvious header names; None when case/activity/time are not all found.

    Known vendor layouts are tried first because their generic names (e.g. GA4's user_id, which
    is usually empty) would otherwise win over the right column.
    """
    cols = list(columns)
    for preset in PRESETS.values():
        if preset.name == "amplitude" and "event_type" not in cols:
            continue
        if preset.name == "segment" and not ({"anonymous_id", "anonymousId"} & set(cols)):
            continue
        try:
            return resolve_preset(preset.name, cols)
        except ImportDataError:
            continue
    case = _find(cols, AUTO_CASE)
    activity = _find([c for c in cols if c != case], AUTO_ACTIVITY)
    timestamp = _find([c for c in cols if c not in (case, activity)], AUTO_TIMESTAMP)
    if not (case and activity and timestamp):
        return None
    used = {case, activity, timestamp}
    channel = _find([c for c in cols if c not in used], AUTO_CHANNEL)
    lifecycle = _find([c for c in cols if c not in used], AUTO_LIFECYCLE)
    return ColumnMapping((case,), activity, timestamp, channel, lifecycle)


def _missing(
    source: str, role: str, wanted: Sequence[str], columns: Sequence[str]
) -> ImportDataError:
    return ImportDataError(
        f"{source}: no {role} column ({' or '.join(repr(w) for w in wanted)}) found; "
        f"available columns: {name_list(columns)}"
    )


def resolve_preset(name: str, columns: Sequence[str], source: str = "input") -> ColumnMapping:
    """Pick the preset's columns that exist in `columns`; ImportDataError when a role is missing."""
    preset = PRESETS.get(name.lower())
    if preset is None:
        raise ImportDataError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    cols = list(columns)
    if preset.coalesce_case:
        case = tuple(c for c in preset.case if c in cols)
    else:
        first = _find(cols, preset.case)
        case = (first,) if first else ()
    if not case:
        raise _missing(source, "case id", preset.case, cols)
    activity = _find(cols, preset.activity)
    if activity is None:
        raise _missing(source, "activity", preset.activity, cols)
    timestamp = _find(cols, preset.timestamp)
    if timestamp is None:
        raise _missing(source, "timestamp", preset.timestamp, cols)
    return ColumnMapping(
        case=case,
        activity=activity,
        timestamp=timestamp,
        channel=_find(cols, preset.channel),
        lifecycle=_find(cols, preset.lifecycle),
        timestamp_unit=preset.timestamp_unit,
    )


@dataclass(frozen=True)
class MappingRequest:
    """What the user asked for: a preset and/or explicit columns; unset roles are detected."""

    preset: str | None = None
    case: str | Sequence[str] | None = None
    activity: str | None = None
    timestamp: str | None = None
    channel: str | None = None
    lifecycle: str | None = None
    timestamp_unit: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


def resolve_mapping(
    request: MappingRequest | ColumnMapping | None, columns: Sequence[str], source: str
) -> ColumnMapping:
    """Turn a request into concrete columns, checking every named column exists."""
    cols = list(columns)
    if isinstance(request, ColumnMapping):
        mapping = request
    else:
        request = request or MappingRequest()
        if request.preset:
            base = resolve_preset(request.preset, cols, source)
        else:
            base = detect_mapping(cols) or ColumnMapping(("",), "", "")
        case: tuple[str, ...]
        if request.case is None:
            case = base.case
        elif isinstance(request.case, str):
            case = (request.case,)
        else:
            case = tuple(request.case)
        mapping = replace(
            base,
            case=case,
            activity=request.activity or base.activity,
            timestamp=request.timestamp or base.timestamp,
            channel=request.channel if request.channel is not None else base.channel,
            lifecycle=request.lifecycle if request.lifecycle is not None else base.lifecycle,
            timestamp_unit=request.timestamp_unit or base.timestamp_unit,
        )
        if mapping.channel == "":
            mapping = replace(mapping, channel=None)
        if mapping.lifecycle == "":
            mapping = replace(mapping, lifecycle=None)
    for role, col in (
        *(("case id", c) for c in mapping.case),
        ("activity", mapping.activity),
        ("timestamp", mapping.timestamp),
        ("channel", mapping.channel),
        ("lifecycle", mapping.lifecycle),
    ):
        if col is None:
            continue
        if col == "":
            raise ImportDataError(
                f"{source}: cannot tell which column is the {role}; name it explicitly "
                f"(e.g. --{role.split()[0]} COLUMN); available columns: {name_list(cols)}"
            )
        if col not in cols:
            raise ImportDataError(
                f"{source}: {role} column {excerpt(col)} not found; available columns: {name_list(cols)}"
            )
    return mapping
