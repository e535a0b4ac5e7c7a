"""Read survey responses from CSV / XLSX / JSON Lines into one validated, masked table.

Reading reuses the event-log readers (encoding and delimiter sniffing, gzip, line numbers for
errors). Any bad value stops the import with a one-line error naming file, row and column, so
nothing is ever stored partially. Verbatims are masked here, before anything reaches the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cxmapper.analysis import dataset_codec, rawtables
from cxmapper.analysis.readers import canonical_text
from cxmapper.analysis.sniff import detect_format
from cxmapper.analysis.timestamps import parse_timestamps
from cxmapper.errors import ImportDataError
from cxmapper.feedback import columns as sc
from cxmapper.feedback.privacy import mask_series, pseudonymise
from cxmapper.feedback.scales import SCALES, detect_scale


@dataclass
class ImportedSurvey:
    """A survey file read and validated; ready for `cxmapper.model.surveys.add_survey`."""

    name: str
    source: str
    frame: pd.DataFrame
    scales: list[str]
    masked: dict[str, int]
    pseudonymised: bool
    verbatims_kept: bool
    attributes: list[str] = field(default_factory=list)

    @property
    def n_responses(self) -> int:
        return len(self.frame)

    def options(self) -> dict[str, Any]:
        return {
            "scales": self.scales,
            "masked": self.masked,
            "pseudonymised": self.pseudonymised,
            "verbatims": self.verbatims_kept,
            "attributes": self.attributes,
        }

    def add_to(self, ws: Any, journey_id: str | None = None) -> Any:
        from cxmapper.model.surveys import add_survey

        return add_survey(
            ws,
            self.name,
            dataset_codec.encode(self.frame),
            n_responses=self.n_responses,
            source=self.source,
            columns=list(self.frame.columns),
            options=self.options(),
            journey_id=journey_id,
        )


def _read(
    path: Path, source: str, declared: dict[str, str]
) -> tuple[rawtables.RawTable, sc.SurveyColumns]:
    """The raw table and its resolved columns; CSV text columns are read as text ("007")."""
    fmt = detect_format(path)
    if fmt == "csv":
        names, dialect = rawtables.csv_columns(path)
        cols = sc.resolve_columns(names, source, **declared)
        numeric = {cols.date, *cols.scores}
        return rawtables.read_csv(path, dialect, [c for c in names if c not in numeric]), cols
    if fmt == "xlsx":
        raw = rawtables.read_xlsx(path)
    elif fmt == "jsonl":
        raw = rawtables.read_jsonl(path)
    else:
        raise ImportDataError(f"{path}: survey files are CSV, XLSX or JSON Lines, not {fmt}")
    names = [str(c) for c in raw.frame.columns]
    return raw, sc.resolve_columns(names, source, **declared)


def _text(raw: pd.Series) -> pd.Series:
    """Text values as str (None for blanks); numbers become their canonical digits ("7", not
    "7.0"), exactly as event-log ids do. Each distinct value is converted once."""
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    clean = [(canonical_text(u) or "").strip() for u in uniques]
    lookup = np.asarray([c or None for c in clean] + [None], dtype=object)
    return pd.Series(lookup[codes], index=raw.index, dtype=object)


def _scores(raw: pd.Series, column: str, scale: str, source: str, locate: Any) -> np.ndarray:
    """Whole-number scores within the scale; blanks are NaN (not asked or skipped)."""
    numeric: np.ndarray = (
        pd.to_numeric(raw, errors="coerce").to_numpy(dtype="float64", na_value=np.nan).copy()
    )
    blank = raw.isna().to_numpy() | raw.astype(str).str.strip().isin(("", "nan")).to_numpy()
    bad = np.isnan(numeric) & ~blank
    key = scale or detect_scale(numeric, column)
    s = SCALES[key]
    with np.errstate(invalid="ignore"):
        bad |= ~np.isnan(numeric) & ((numeric < s.low) | (numeric > s.high) | (numeric % 1 != 0))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        value = raw.iloc[i]
        shown = canonical_text(value) if isinstance(value, int | float | np.number) else repr(str(value))  # fmt: skip
        raise ImportDataError(
            f"{source}: {locate(i)}: column {column!r}: {shown} is not a whole "
            f"number on the {s.label} scale {s.low}-{s.high}"
        )
    numeric[blank] = np.nan
    return numeric


def read_survey(
    path: str | Path,
    *,
    columns: dict[str, str | None] | None = None,
    keep_verbatims: bool = True,
    pseudonym_key: str = "",
    name: str | None = None,
    tz: str | None = None,
) -> ImportedSurvey:
    """Read and validate a whole survey file (ImportDataError on any bad value)."""
    path = Path(path)
    source = str(path)
    if not path.exists():
        raise ImportDataError(f"{path}: no such file")
    declared = {k: v for k, v in (columns or {}).items() if v}
    raw, cols = _read(path, source, declared)
    frame = raw.frame.reset_index(drop=True)
    names = [str(c) for c in frame.columns]
    respondent = _text(frame[cols.case])
    if respondent.isna().any():
        i = int(np.flatnonzero(respondent.isna().to_numpy())[0])
        raise ImportDataError(f"{source}: {raw.locate(i)}: column {cols.case!r}: no id")
    out = pd.DataFrame(index=frame.index)
    ids = respondent.astype(str)
    if pseudonym_key:
        ids = ids.map(pseudonymise(ids.unique(), pseudonym_key))
    out[sc.RESPONDENT] = ids.astype("category")
    out[sc.ANSWERED_AT] = parse_timestamps(
        frame[cols.date], source=source, column=cols.date, locate=raw.locate, tz=tz
    ).set_axis(out.index)  # a Series, not .to_numpy(): that would box every timestamp
    scales: list[str] = []
    for column, declared_scale in cols.scores.items():
        values = _scores(frame[column], column, declared_scale, source, raw.locate)
        key = declared_scale or detect_scale(values, column)
        if key in scales:
            raise ImportDataError(f"{source}: two score columns on the {key} scale")
        scales.append(key)
        out[key] = values
    asked = np.zeros(len(out), dtype=bool)
    for key in scales:
        asked |= ~np.isnan(out[key].to_numpy())
    if not asked.all():
        i = int(np.flatnonzero(~asked)[0])
        shown = ", ".join(repr(c) for c in cols.scores)
        raise ImportDataError(f"{source}: {raw.locate(i)}: no score in {shown}")
    masked = {"email": 0, "iban": 0, "card": 0, "phone": 0}
    if cols.text and keep_verbatims:
        out[sc.VERBATIM], masked = mask_series(_text(frame[cols.text]))
    else:
        out[sc.VERBATIM] = pd.Series([None] * len(out), dtype=object)
    for canonical, given in ((sc.LANG, cols.lang), (sc.TOUCHPOINT, cols.touchpoint)):
        text = _text(frame[given]) if given else pd.Series([None] * len(out), dtype=object)
        out[canonical] = text.fillna("").str.lower() if canonical == sc.LANG else text.fillna("")
        out[canonical] = out[canonical].astype("category")
    attributes = [c for c in names if c not in cols.used() and c not in out.columns]
    for c in attributes:
        out[c] = _text(frame[c]).fillna("").astype("category")
    return ImportedSurvey(
        name=name or path.name,
        source=path.name,
        frame=out,
        scales=scales,
        masked=masked,
        pseudonymised=bool(pseudonym_key),
        verbatims_kept=keep_verbatims,
        attributes=attributes,
    )


def load_responses(payload: bytes) -> pd.DataFrame:
    """A stored survey's response table (as `read_survey` produced it)."""
    return dataset_codec.decode(payload)
