"""The import wizard's task for a Spark summary file, run in a worker like an event import.

Why a module of its own: the wizard's worker calls `task(**kwargs, progress=...)`, and
`summary_import.import_summary` takes no progress; this keeps that module's API as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cxmapper.analysis.summary_import import import_summary
from cxmapper.present.keyed_text import keyed
from cxmapper.present.labels import N_

if TYPE_CHECKING:
    from cxmapper.analysis.tasks import ImportedDataset, Progress


def _quiet(fraction: float, message: str) -> None:
    pass


def import_summary_file(
    path: str | Path, *, name: str | None = None, progress: Progress = _quiet, **_ignored: object
) -> ImportedDataset:
    """The summary checked whole and ready to store (CxError naming the file otherwise); the
    wizard's column and lifecycle choices do not apply to a summary and are ignored."""
    progress(0.1, keyed(N_("Reading the summary {name}"), name=Path(path).name))
    imported = import_summary(path, name=name)
    progress(0.95, keyed(N_("Finished")))
    return imported
