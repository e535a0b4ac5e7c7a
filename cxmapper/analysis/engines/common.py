"""The steps every engine takes the same way around its own computing.

Why one module: an engine differs in how it computes the metrics, not in which datasets it
accepts, how a file is read when it cannot scan it itself, how a stored dataset is opened, or
how the friction ranking is built from its touchpoint table. Written once here, a new engine
(Spark, ...) cannot drift from the others on those steps, and tests/analysis/conformance only
has to pin what really differs.
"""

from __future__ import annotations

from typing import TypeVar

import pandas as pd

from cxmapper.analysis import dataset_codec
from cxmapper.analysis.dataset_ref import FileRef, StoredRef
from cxmapper.analysis.engines.base import Dataset, ReportOptions
from cxmapper.analysis.friction import FrictionItem, friction_items, friction_scores
from cxmapper.analysis.readers import EventLog, read_events

D = TypeVar("D")


def own(data: Dataset, kind: type[D], engine: str) -> D:
    """`data` as the engine's own dataset type; TypeError naming both engines if another
    engine loaded it (a handle is only meaningful to the engine that made it)."""
    if not isinstance(data, kind):
        raise TypeError(f"the {engine} engine cannot read a dataset loaded by {data.engine!r}")
    return data


def read_file(ref: FileRef) -> EventLog:
    """The whole file in memory, read as the importer reads it, with the reference's options.

    The caller checks the fingerprint first (`verify_fingerprint`), once, before deciding how
    to read the file."""
    return read_events(
        ref.path,
        ref.mapping,
        lifecycle=ref.lifecycle,
        tz=ref.tz,
        dayfirst=ref.dayfirst,
        format=ref.format,
    )


def read_stored(ref: StoredRef) -> pd.DataFrame:
    """The normalised event frame a workspace keeps under `ref.dataset_id`."""
    from cxmapper.model.workspace import Workspace  # only here: the model is big

    with Workspace.open(ref.workspace) as ws:
        return dataset_codec.decode(ws.dataset_payload(ref.dataset_id))


def friction(
    touchpoints: pd.DataFrame, median: float, reference: float, options: ReportOptions
) -> tuple[pd.DataFrame, list[FrictionItem]]:
    """The ranked friction table and its top items; the table names the slowness reference
    the engine used (the journey median, or the median of non-zero steps when that is 0)."""
    name = "the journey median" if reference == median else "the median of non-zero steps"
    table = friction_scores(touchpoints, reference, options.kpis_off_target, name)
    return table, friction_items(table, options.top_n_friction)
