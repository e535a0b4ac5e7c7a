"""Lifecycle values (XES `lifecycle:transition`): which events to keep and what to call them.

Values are compared after trimming and ignoring case (`' COMPLETE '` is `complete`); an event
without a value counts as complete (the XES default meaning).

- `complete` (default) keeps the complete events only.
- `all` keeps every event. When the log has more than one lifecycle value, each event name gets
  its lifecycle appended (`W_Call+start`, `W_Call+complete`), the XES standard classifier
  "concept:name lifecycle:transition": otherwise the start and the completion of one work
  item would read as a self-loop and a repeat, and repeat rates would mean nothing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxmapper.analysis.columns import ACTIVITY, LIFECYCLE
from cxmapper.errors import ImportDataError
from cxmapper.present.labels import _

COMPLETE = "complete"
SEPARATOR = "+"


def _per_event(lc: pd.Series) -> tuple[np.ndarray, list[str]]:
    """(code per event, distinct normalised values): trimmed, lower case, missing = complete."""
    cats = [str(c).strip().lower() for c in lc.cat.categories]
    values = sorted({*cats, COMPLETE}) if (lc.cat.codes.to_numpy() < 0).any() else sorted(set(cats))
    position = {v: i for i, v in enumerate(values)}
    remap = np.asarray([position[c] for c in cats], dtype=np.int64)
    codes = lc.cat.codes.to_numpy()
    missing = position.get(COMPLETE, -1)
    per_event = np.where(codes >= 0, remap[np.maximum(codes, 0)] if remap.size else -1, missing)
    return per_event, values


def keep_complete(frame: pd.DataFrame, source: str, column: str) -> pd.DataFrame:
    """Only the complete events (ImportDataError when there are none)."""
    per_event, values = _per_event(frame[LIFECYCLE])
    keep = per_event == values.index(COMPLETE) if COMPLETE in values else np.zeros(0, bool)
    if not keep.any():
        raise ImportDataError(
            f"{source}: column {column!r} has no 'complete' events; "
            "import with lifecycle 'all' to keep every event"
        )
    return frame if keep.all() else frame[keep].reset_index(drop=True)


def name_with_lifecycle(frame: pd.DataFrame, notes: list[str]) -> pd.DataFrame:
    """Every event, its name suffixed with its lifecycle when the log has several values."""
    per_event, values = _per_event(frame[LIFECYCLE])
    if len(values) <= 1:
        return frame
    activity = frame[ACTIVITY]
    names = [str(c) for c in activity.cat.categories]
    combined = activity.cat.codes.to_numpy().astype(np.int64) * len(values) + per_event
    labels = [f"{n}{SEPARATOR}{v}" for n in names for v in values]
    renamed = pd.Categorical.from_codes(combined, categories=pd.Index(labels, dtype="str"))
    out = frame.copy()
    out[ACTIVITY] = pd.Series(renamed, index=frame.index).cat.remove_unused_categories()
    notes.append(
        _(
            "lifecycle 'all' with {n} lifecycle values ({values}): each event name carries its "
            "lifecycle (e.g. {example}), so the start and end of one step are two steps, not a "
            "repeat"
        ).format(n=len(values), values=", ".join(values), example=repr(out[ACTIVITY].iloc[0]))
    )
    return out
