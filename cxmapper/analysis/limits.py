"""Bounds on untrusted event files, so a hostile or broken file gets a refusal, not a crash.

Event logs come from anywhere. A 3 MB gzip can inflate to gigabytes, one stray Excel cell at
XFD1048576 spans 17 billion cells, a header can have 20,000 columns and a bad value can be
megabytes long. Each limit here is far above what a real export needs and far below what
exhausts a laptop (targets: any file under 10 MB reads in under 20 s and 1.5 GB).
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from cxmapper.errors import ImportDataError

#: More columns than any real event export has; wider tables are refused before reading.
MAX_COLUMNS = 2000
#: A gzip may inflate to this many times its size (real logs: 10-45x; zero bombs: 1000x)...
MAX_GZIP_RATIO = 100
#: ...less for formats parsed in Python, whose cost per inflated byte is far higher than
#: Arrow's CSV reader (about 10 s and 0.7 GB per 60 MB of JSON Lines or XES).
JSON_GZIP_RATIO = 25
XES_GZIP_RATIO = 50
#: ...but small files may always inflate to this much.
GZIP_FLOOR = 64 << 20
#: Longest excerpt of a bad value quoted in an error message.
EXCERPT_CHARS = 60
#: JSON records nested deeper than this are refused (Python's own limit is ~1000 frames).
MAX_JSON_DEPTH = 64
#: The cells an Excel sheet's used range may span (a full 1M-row x 10-column sheet).
XLSX_MAX_CELLS = 10_000_000
#: The inflated size of any one part of an .xlsx package.
XLSX_MAX_PART = 256 << 20


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """`repr` of a value cut to `limit` characters, saying how long it really was."""
    text = str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


def short(message: object, limit: int = 200) -> str:
    """A library's error text on one line and cut short (Arrow quotes whole rows)."""
    text = " ".join(str(message).split())
    return text if len(text) <= limit else text[:limit] + "…"


def _printable(text: str) -> str:
    return text if text.isprintable() else repr(text)


def name_list(columns: Sequence[object], limit: int = 30) -> str:
    """Column names for an error message: the first `limit`, each cut short."""
    shown = [_printable(str(c)[:40] + ("…" if len(str(c)) > 40 else "")) for c in columns[:limit]]
    more = f", … ({len(columns):,} columns)" if len(columns) > limit else ""
    return (", ".join(shown) or "(none)") + more


def check_columns(source: object, n_columns: int) -> None:
    if n_columns > MAX_COLUMNS:
        raise ImportDataError(
            f"{source}: {n_columns:,} columns, more than the {MAX_COLUMNS:,} an event log may "
            "have; export only the columns you need"
        )


class _GuardedGzip(io.RawIOBase):
    """A gzip stream that refuses decompression bombs and reports corruption as user errors.

    zlib.error, EOFError and BadGzipFile all mean "this file is damaged"; they become one
    ImportDataError. Reading stops once the output passes `budget` bytes, so a bomb costs
    a few seconds at most, never the memory of its inflated size.
    """

    def __init__(self, path: Path, ratio: int) -> None:
        super().__init__()
        self._path = path
        self._ratio = ratio
        self._inner = gzip.open(path, "rb")  # noqa: SIM115 - closed by close()
        self._budget = max(GZIP_FLOOR, ratio * path.stat().st_size)
        self._total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            n = self._inner.readinto(buffer)
        except (OSError, EOFError, zlib.error) as exc:
            raise ImportDataError(
                f"{self._path}: cannot read compressed file ({short(str(exc), 100)})"
            ) from exc
        self._total += n
        if self._total > self._budget:
            raise ImportDataError(
                f"{self._path}: inflates to more than {self._budget >> 20:,} MB "
                f"({self._ratio}x its size); refused as a possible decompression bomb"
            )
        return n

    def close(self) -> None:
        self._inner.close()
        super().close()


def open_gzip(path: Path, ratio: int = MAX_GZIP_RATIO) -> io.BufferedReader:
    """Decompressing reader with the bomb and corruption checks of `_GuardedGzip`."""
    return io.BufferedReader(_GuardedGzip(path, ratio), buffer_size=1 << 20)


_MAX_NS = (1 << 63) - 1


def _day(ns: np.integer) -> str:
    return str(np.datetime_as_string(np.datetime64(int(ns), "ns"), unit="s"))


def check_span(
    source: str, ns: np.ndarray, case_codes: np.ndarray, locate: Callable[[int], str]
) -> None:
    """Refuse a case whose events are so far apart that a duration overflows int64 nanoseconds.

    Durations are int64 nanosecond differences between events of one case: two valid
    timestamps more than 292 years apart would wrap around to a negative duration and every
    metric would be silently wrong. Different cases may be centuries apart (nothing subtracts
    their times), so the per-case check only runs when the whole log is that wide.
    """
    if ns.size == 0 or int(ns.max()) - int(ns.min()) <= _MAX_NS:
        return
    frame = pd.DataFrame({"case": case_codes, "ns": ns})
    groups = frame.groupby("case", sort=False)["ns"]
    low, high = groups.idxmin().to_numpy(), groups.idxmax().to_numpy()
    wide = ns[high].astype(np.float64) - ns[low].astype(np.float64) > _MAX_NS - (1 << 20)
    for first, last in zip(low[wide], high[wide], strict=True):
        if int(ns[last]) - int(ns[first]) > _MAX_NS:
            raise ImportDataError(
                f"{source}: events of one case span more than 292 years (earliest "
                f"{_day(ns[first])} at {locate(int(first))}, latest {_day(ns[last])} at "
                f"{locate(int(last))}); durations that long cannot be computed: check the "
                "timestamp column"
            )
