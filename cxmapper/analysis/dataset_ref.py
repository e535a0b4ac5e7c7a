"""What an analysis runs on, named rather than loaded: a file, a stored dataset or a frame.

A reference is small and immutable, so it can be pickled into a worker process or handed to
any engine; the engine decides how to read it (the numpy engine reads it into a pandas frame,
a database engine could scan the file or push a `Selection` down into its query).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from cxmapper.analysis.columns import ColumnMapping, MappingRequest
from cxmapper.errors import ImportDataError


@dataclass(frozen=True)
class FileRef:
    """An event file (or a folder of Parquet files) and how to read it (the options of
    `readers.read_events`)."""

    path: Path
    mapping: ColumnMapping | MappingRequest | None = None
    lifecycle: str = "complete"
    tz: str | None = None
    dayfirst: bool | None = None
    format: str | None = None
    fingerprint: str | None = None  # set by `link`: loading checks the file is unchanged


@dataclass(frozen=True)
class StoredRef:
    """A dataset kept in a workspace (`Workspace.add_dataset`), by the workspace's path and id."""

    workspace: str
    dataset_id: str


@dataclass(frozen=True, eq=False)
class FrameRef:
    """An event frame already in memory, normalised by `readers` (case_id, activity, timestamp).

    `warnings` are the reader's notes about it, passed on to the report.
    """

    frame: pd.DataFrame
    warnings: tuple[str, ...] = ()


DatasetRef = FileRef | StoredRef | FrameRef


@dataclass(frozen=True)
class Selection:
    """Which part of a dataset to measure: cases (or events) with an attribute value, and/or
    cases started (or events stamped) in [start, end) UTC. Empty: everything."""

    attribute: str | None = None
    values: tuple[str, ...] = ()
    period: tuple[datetime | str | None, datetime | str | None] | None = None
    scope: str = "case"  # or "event" (see `segments.SCOPES`)

    @property
    def is_everything(self) -> bool:
        return self.attribute is None and self.period is None


# A dataset kept by reference ("link instead of copy"): the source stays where it is, and a
# fingerprint taken when it was linked tells a changed source from the one that was analysed.
FINGERPRINT_BYTES = 1 << 20  # hashed from the start and from the end of each file


def _file_print(path: Path, digest: hashlib._Hash) -> None:
    st = path.stat()
    digest.update(f"{path.name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    with path.open("rb") as fh:
        digest.update(fh.read(FINGERPRINT_BYTES))
        if st.st_size > FINGERPRINT_BYTES:
            fh.seek(max(st.st_size - FINGERPRINT_BYTES, FINGERPRINT_BYTES))
            digest.update(fh.read(FINGERPRINT_BYTES))


def fingerprint(path: str | Path) -> str:
    """Size, modification time and a hash of the head and tail of a file, or of every Parquet
    file in a folder (names included): cheap on any size, and any rewrite changes it."""
    path = Path(path)
    digest = hashlib.sha256()
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".parquet", ".pq"))
        for f in files:
            digest.update(str(f.relative_to(path)).encode())
            _file_print(f, digest)
    else:
        _file_print(path, digest)
    return "v1:" + digest.hexdigest()


def link(path: str | Path, **options: object) -> FileRef:
    """A reference to a file or a folder of Parquet files, with its fingerprint taken now."""
    path = Path(path)
    if not path.exists():
        raise ImportDataError(f"{path}: no such file or folder")
    return FileRef(path, fingerprint=fingerprint(path), **options)  # type: ignore[arg-type]


def verify_fingerprint(ref: FileRef) -> None:
    """ImportDataError (one line) when a linked source is gone or changed since it was linked."""
    if ref.fingerprint is None:
        return
    path = Path(ref.path)
    if not path.exists():
        raise ImportDataError(f"{path}: linked source is missing; link it again")
    if fingerprint(path) != ref.fingerprint:
        raise ImportDataError(
            f"{path}: linked source changed since it was linked (size, time or content); "
            "link it again to analyse the new data"
        )
