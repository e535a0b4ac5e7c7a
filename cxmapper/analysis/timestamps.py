"""Turn whatever a source calls a timestamp into `datetime64[ns, UTC]`.

Exports disagree: ISO 8601 with mixed offsets (DST), epoch seconds/ms/µs, or local day-first
text from spreadsheets. Everything is normalised to UTC so durations across DST changes are
right; naive values are read in the `tz` given (UTC by default). A value that cannot be read
is an error naming its row, never a silent NaT.

Local times that a clock change skips or repeats (`--tz` with daylight saving) are not errors:
a skipped time (02:30 when clocks jump from 02:00 to 03:00) moves forward to the first valid
time after the gap (03:00), so it stays between its neighbours; a repeated time (02:30 when
clocks fall back from 03:00 to 02:00) is its first, earlier occurrence. How many rows each rule
touched is reported as a note (CLI output, import summary).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd

from cxmapper.analysis.limits import excerpt
from cxmapper.errors import ImportDataError
from cxmapper.present.labels import _
from cxmapper.present.locale_format import format_number

UTC_NS = "datetime64[ns, UTC]"

#: What nanosecond timestamps can hold (1677-09-21..2262-04-11), a day inside for time zones.
FIRST_DAY = pd.Timestamp("1677-09-22")
LAST_DAY = pd.Timestamp("2262-04-10")

#: Epoch magnitude limits: values below the bound are read in that unit (seconds up to year 5138).
_EPOCH_BOUNDS = ((1e11, "s"), (1e14, "ms"), (1e17, "us"))

_DMY = re.compile(r"^\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T](.*))?$")
_TIME_FORMATS = ("%H:%M:%S.%f", "%H:%M:%S", "%H:%M")

Locator = Callable[[int], str]


def epoch_unit(values: np.ndarray) -> str:
    """Guess the epoch unit from magnitude; present-day ms/µs/ns values are orders apart."""
    finite = np.abs(values[np.isfinite(values)]) if values.dtype.kind == "f" else np.abs(values)
    if finite.size == 0:
        return "s"
    top = float(np.max(finite))
    for bound, unit in _EPOCH_BOUNDS:
        if top < bound:
            return unit
    return "ns"


def _fail(source: str, column: str, locate: Locator, index: int, value: object) -> ImportDataError:
    if value is None or pd.isna(value) or str(value).strip() == "":
        return ImportDataError(f"{source}: {locate(index)}, column {column!r}: timestamp is empty")
    return ImportDataError(
        f"{source}: {locate(index)}, column {excerpt(column)}: cannot read timestamp "
        f"{excerpt(value)}"
    )


def _all_valid(parsed: pd.Series) -> bool:
    """Whether no value is missing or out of range, from one min and max of the integers.

    NaT is the smallest int64, so it fails the lower bound too. Cheaper than the two pandas
    comparisons and the missing mask of `_check` (~0.1 s at 5 M events), which then only run
    to name the first bad row.
    """
    values = parsed.array
    if not isinstance(values, pd.arrays.DatetimeArray) or not len(values):
        return False
    ints = values.asi8  # UTC instants if tz-aware, wall times if naive: as the bounds compare
    # the bounds in the column's own unit (`Timestamp.value` is always in nanoseconds)
    low, high = (
        int(day.as_unit(values.unit).asm8.astype(np.int64)) for day in (FIRST_DAY, LAST_DAY)
    )
    return bool(low <= int(ints.min()) and int(ints.max()) <= high)


def _check(
    raw: pd.Series, parsed: pd.Series, source: str, column: str, locate: Locator
) -> pd.Series:
    if _all_valid(parsed):
        return parsed
    bad = parsed.isna().to_numpy()
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise _fail(source, column, locate, i, raw.iloc[i])
    # pandas parses years 1-9999 (at second resolution); nanoseconds would overflow.
    utc = parsed.dt.tz is not None
    low = FIRST_DAY.tz_localize("UTC") if utc else FIRST_DAY
    high = LAST_DAY.tz_localize("UTC") if utc else LAST_DAY
    outside = ((parsed < low) | (parsed > high)).to_numpy()
    if outside.any():
        i = int(np.flatnonzero(outside)[0])
        raise ImportDataError(
            f"{source}: {locate(i)}, column {excerpt(column)}: timestamp "
            f"{excerpt(raw.iloc[i])} is outside the supported range "
            f"{FIRST_DAY.date()} to {LAST_DAY.date()}"
        )
    return parsed


def _to_utc(parsed: pd.Series, tz: str | None, notes: list[str] | None = None) -> pd.Series:
    if parsed.dt.tz is None:
        naive, zone = parsed, tz or "UTC"
        parsed = naive.dt.tz_localize(zone, ambiguous="NaT", nonexistent="NaT")
        odd = parsed.isna() & naive.notna()
        if odd.any():
            parsed = _clock_change(naive, odd.to_numpy(), zone, notes)
    return parsed.dt.tz_convert("UTC").astype(UTC_NS)


def _clock_change(naive: pd.Series, odd: np.ndarray, tz: str, notes: list[str] | None) -> pd.Series:
    """Localise with the module's rule for skipped and repeated local times, and count them."""
    local = naive.dt.tz_localize(tz, ambiguous="NaT", nonexistent="shift_forward")
    repeated = local.isna().to_numpy() & odd
    if repeated.any():  # the first occurrence: the offset before the change (12 h earlier)
        sub = naive[repeated]
        probe = sub - pd.Timedelta(hours=12)
        before = probe.dt.tz_localize(tz, ambiguous="NaT", nonexistent="shift_forward")
        offset = probe - before.dt.tz_convert("UTC").dt.tz_localize(None)
        local[repeated] = (sub - offset).dt.tz_localize("UTC").dt.tz_convert(tz)
    if notes is not None:
        n_rep = int(np.count_nonzero(repeated))
        n_gap = int(np.count_nonzero(odd)) - n_rep
        skipped = _("{n} in a skipped hour moved to the first time after it")
        repeated_text = _("{n} in a repeated hour read as the first occurrence")
        parts = [skipped.format(n=format_number(n_gap))] * bool(n_gap)
        parts += [repeated_text.format(n=format_number(n_rep))] * bool(n_rep)
        n = n_gap + n_rep
        one = _("{n} local time fell in a daylight-saving change in {tz}: {parts}")
        many = _("{n} local times fell in a daylight-saving change in {tz}: {parts}")
        notes.append(
            (one if n == 1 else many).format(n=format_number(n), tz=tz, parts="; ".join(parts))
        )
    return local


def _day_first_format(sample: pd.Series, dayfirst: bool | None) -> tuple[str, bool] | None:
    """Find an explicit strftime format for dd/mm/yyyy-like text; None if it is not that shape."""
    parts = sample.str.extract(_DMY)
    if parts[0].isna().any():
        return None
    first = parts[0].astype(int)
    second = parts[2].astype(int)
    if dayfirst is None:
        # Day-first when some first field cannot be a month; else month-first (US style).
        dayfirst = bool((first > 12).any()) and not bool((second > 12).any())
    sep = parts[1].iloc[0]
    year = "%Y" if len(parts[3].iloc[0]) == 4 else "%y"
    date_fmt = f"%d{sep}%m{sep}{year}" if dayfirst else f"%m{sep}%d{sep}{year}"
    rest = parts[4].dropna()
    if rest.empty:
        return date_fmt, dayfirst
    joiner = "T" if sample.str.contains("T", regex=False).any() else " "
    probe_rows = sample.iloc[:2000]
    for tfmt in _TIME_FORMATS:
        fmt = f"{date_fmt}{joiner}{tfmt}"
        probe = pd.to_datetime(probe_rows, format=fmt, errors="coerce")
        if not probe.isna().any():
            return fmt, dayfirst
    return f"{date_fmt}{joiner}{_TIME_FORMATS[1]}", dayfirst


def parse_timestamps(
    raw: pd.Series,
    *,
    source: str,
    column: str,
    locate: Locator,
    unit: str | None = None,
    tz: str | None = None,
    dayfirst: bool | None = None,
    notes: list[str] | None = None,
) -> pd.Series:
    """Parse one column to UTC; raise ImportDataError at the first value that cannot be read.
    Local times in a DST change are read as the module docstring says and counted in `notes`."""
    raw = raw.reset_index(drop=True)
    kind = raw.dtype.kind
    if isinstance(raw.dtype, pd.DatetimeTZDtype) or kind == "M":
        return _check(
            raw, _to_utc(_check(raw, raw, source, column, locate), tz, notes), source, column,
            locate,
        )  # fmt: skip
    if kind in "iuf":
        values = raw.to_numpy(dtype="float64" if kind == "f" else "int64", na_value=np.nan)
        if kind == "f" and np.isnan(values).any():
            i = int(np.flatnonzero(np.isnan(values))[0])
            raise _fail(source, column, locate, i, None)
        unit = unit or epoch_unit(values)
        parsed = pd.Series(pd.to_datetime(values, unit=unit, utc=True, errors="coerce"))
        return _check(raw, parsed, source, column, locate).astype(UTC_NS)
    if kind == "b":
        raise ImportDataError(f"{source}: column {column!r} holds true/false, not timestamps")
    text = raw.astype("str")
    text = text.where(raw.notna(), None)
    nonnull = text.dropna()
    if len(nonnull) < len(text):
        i = int(np.flatnonzero(text.isna().to_numpy())[0])
        raise _fail(source, column, locate, i, None)
    stripped = text.str.strip()
    if stripped.str.fullmatch(r"-?\d+(\.\d+)?").all():
        return parse_timestamps(
            pd.to_numeric(stripped),
            source=source,
            column=column,
            locate=locate,
            unit=unit,
            tz=tz,
            dayfirst=dayfirst,
            notes=notes,
        )
    dmy = _day_first_format(stripped, dayfirst)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if dmy is not None:
            parsed = pd.to_datetime(stripped, format=dmy[0], errors="coerce")
            _check(raw, parsed, source, column, locate)
            return _check(raw, _to_utc(parsed, tz, notes), source, column, locate)
        if tz is None:
            parsed = pd.to_datetime(stripped, utc=True, format="ISO8601", errors="coerce")
            _check(raw, parsed, source, column, locate)
            return parsed.astype(UTC_NS)
        try:
            parsed = pd.to_datetime(stripped, format="ISO8601", errors="coerce")
        except (ValueError, TypeError):
            # Mixed offsets and naive values: offsets win, naive values read as UTC.
            parsed = pd.to_datetime(stripped, utc=True, format="ISO8601", errors="coerce")
        _check(raw, parsed, source, column, locate)
        return _check(raw, _to_utc(parsed, tz, notes), source, column, locate)
