"""What an analysis runs on, named rather than loaded: a file, a stored dataset or a frame.

A reference is small and immutable, so it can be pickled into a worker process or handed to
any engine; the engine decides how to read it (the numpy engine reads it into a pandas frame,
a database engine could scan the file or push a `Selection` down into its query).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from cxmapper.analysis.columns import ColumnMapping, MappingRequest


@dataclass(frozen=True)
class FileRef:
    """An event file and how to read it (the options of `readers.read_events`)."""

    path: Path
    mapping: ColumnMapping | MappingRequest | None = None
    lifecycle: str = "complete"
    tz: str | None = None
    dayfirst: bool | None = None
    format: str | None = None


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
