"""The steps every engine takes the same way around its own computing.

Why one module: an engine differs in how it computes the metrics, not in which datasets it
accepts, how a file is read when it cannot scan it itself, how a stored dataset is opened, or
how the friction ranking is built from its touchpoint table. Written once here, a new engine
(Spark, ...) cannot drift from the others on those steps, and tests/analysis/conformance only
has to pin what really differs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import pandas as pd

from cxmapper.analysis import dataset_codec
from cxmapper.analysis.columns import ACTIVITY, CASE_ID, CHANNEL
from cxmapper.analysis.dataset_ref import FileRef, StoredRef
from cxmapper.analysis.engines.base import Dataset, ReportOptions
from cxmapper.analysis.friction import FrictionItem, friction_items, friction_scores
from cxmapper.analysis.readers import EventLog, read_events

if TYPE_CHECKING:
    from cxmapper.analysis.channels import ChannelFigures
    from cxmapper.analysis.matching import JourneySpec
    from cxmapper.analysis.money import MoneyFigures

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


def wants_impact(options: ReportOptions) -> bool:
    """True when the report asks for money or channel figures."""
    return options.value_model is not None or options.channels


def impact_columns(columns: list[str], options: ReportOptions) -> list[str]:
    """The columns besides case, event name and time that the money and channel figures read:
    the channel and the value model's segment attribute, where the dataset has them."""
    extra = [c for c in (CHANNEL,) if c in columns]
    model = options.value_model
    if model is not None and model.segment_attribute and model.segment_attribute in columns:
        extra.append(model.segment_attribute)
    return list(dict.fromkeys(c for c in extra if c not in (CASE_ID, ACTIVITY)))


def frame_impact(
    frame: pd.DataFrame, spec: JourneySpec, options: ReportOptions
) -> tuple[MoneyFigures | None, ChannelFigures | None]:
    """(money, channels) of a normalised event frame in file order, by the numpy engine's code.

    Why every engine comes here: the figures (hops, the channel matrix's medians, repeat
    contacts, failure demand with its "latest digital event before" and "no goal yet" rules,
    segment values) are defined once, in `impact`; an engine fetches the few columns they read
    and runs this, so no second definition has to be kept equal."""
    from concurrent.futures import ThreadPoolExecutor

    from cxmapper.analysis.impact import impact
    from cxmapper.analysis.prepared import prepare

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cx-impact")
    try:
        return impact(prepare(frame, spec, pool), frame, options)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
