"""Datasets kept by link ("link instead of copy"): the workspace stores where a large log is
and how it looked, not its events.

Why: copying a multi-gigabyte log into the workspace doubles it on disk and makes the
workspace unwieldy to mail or back up. A linked dataset stores, in its options (no schema
change), the absolute path, size, modification time and the fingerprint of
`dataset_ref.fingerprint` (size, time and a SHA-256 of the first and last MB), plus how the file
was read (mapping, lifecycle, time zone), and an empty payload. Analysis reads the file from
the path through a `FileRef` carrying the fingerprint, so every engine refuses a changed or
vanished file in one line (`check` says which) instead of analysing other data; the app then
offers to relink (`relinked`), which takes a new fingerprint of the chosen file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxmapper.analysis.columns import ColumnMapping
from cxmapper.analysis.dataset_ref import DatasetRef, FileRef, StoredRef, fingerprint
from cxmapper.errors import ImportDataError

if TYPE_CHECKING:
    import pandas as pd

    from cxmapper.analysis.tasks import ImportedDataset, Progress

KIND = "link"


def _quiet(fraction: float, message: str) -> None:
    pass


def is_linked(options: dict[str, Any]) -> bool:
    return options.get("kind") == KIND


def link_record(path: str | Path) -> dict[str, Any]:
    """Where the file is and how it looks now (absolute path, size, mtime, fingerprint)."""
    path = Path(path).resolve()
    if not path.exists():
        raise ImportDataError(f"{path}: no such file or folder")
    st = path.stat()
    return {
        "path": str(path),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "fingerprint": fingerprint(path),
    }


def link_events(
    path: str | Path,
    *,
    preset: str | None = None,
    columns: dict[str, str | None] | None = None,
    lifecycle: str = "complete",
    dayfirst: bool | None = None,
    name: str | None = None,
    progress: Progress = _quiet,
    tz: str | None = None,
) -> ImportedDataset:
    """As `tasks.import_events` (the whole file is read once, so a bad row is refused now and
    the counts are known), but the dataset keeps the link, not the events."""
    from cxmapper.analysis.tasks import import_events

    record = link_record(path)  # before reading: a file rewritten meanwhile fails later
    copied = import_events(
        path,
        preset=preset,
        columns=columns,
        lifecycle=lifecycle,
        dayfirst=dayfirst,
        name=name,
        progress=progress,
        tz=tz,
    )
    copied.payload = b""
    copied.source = record["path"]
    copied.options = {**copied.options, "kind": KIND, "dayfirst": dayfirst, **record}
    return copied


def check(options: dict[str, Any]) -> str | None:
    """None while the linked file is as it was linked; else one line saying what happened."""
    path = Path(options["path"])
    if not path.exists():
        return f"{path}: linked file is missing (moved or deleted); relink it"
    st = path.stat()
    if st.st_size != options.get("size"):
        return (
            f"{path}: linked file changed since it was linked (size {options.get('size'):,} "
            f"-> {st.st_size:,} bytes); relink it to analyse the new data"
        )
    if fingerprint(path) != options.get("fingerprint"):
        what = "modified" if st.st_mtime_ns != options.get("mtime_ns") else "content differs"
        return (
            f"{path}: linked file changed since it was linked ({what}); "
            "relink it to analyse the new data"
        )
    return None


def relinked(options: dict[str, Any], path: str | Path) -> dict[str, Any]:
    """The options with the link moved to `path` (or renewed for the changed file)."""
    return {**options, **link_record(path)}


def file_ref(options: dict[str, Any]) -> FileRef:
    """How an engine reads a linked dataset: from its path, as it was read when linked, and
    only while its fingerprint matches (`dataset_ref.verify_fingerprint`)."""
    problem = check(options)
    if problem:
        raise ImportDataError(problem)
    mapping = options.get("mapping")
    cols = None
    if isinstance(mapping, dict):
        cols = ColumnMapping(
            case=tuple(mapping["case"]),
            activity=mapping["activity"],
            timestamp=mapping["timestamp"],
            channel=mapping.get("channel"),
            lifecycle=mapping.get("lifecycle"),
            timestamp_unit=mapping.get("timestamp_unit"),
        )
    return FileRef(
        Path(options["path"]),
        cols,
        lifecycle=options.get("lifecycle") or "complete",
        tz=options.get("tz"),
        dayfirst=options.get("dayfirst"),
        fingerprint=options["fingerprint"],
    )


def read_frame(options: dict[str, Any]) -> pd.DataFrame:
    """The linked file's events as the importer reads them (after `check`)."""
    from cxmapper.analysis.readers import read_events

    ref = file_ref(options)
    log = read_events(
        ref.path, ref.mapping, lifecycle=ref.lifecycle, tz=ref.tz, dayfirst=ref.dayfirst
    )
    return log.frame


def dataset_ref(workspace: str, dataset_id: str) -> DatasetRef:
    """The reference an engine loads for a stored dataset: its file if linked, else itself."""
    from cxmapper.model.workspace import Workspace  # only here: the model is big

    with Workspace.open(workspace, read_only=True) as ws:
        options = dict(ws.get("dataset", dataset_id).options)
    return file_ref(options) if is_linked(options) else StoredRef(workspace, dataset_id)
