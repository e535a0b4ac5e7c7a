"""The app's survey import, as a worker task: `read_survey` with progress and "(none)" columns.

The app's Import Survey wizard reads the file in a worker process (`ui.overlay.jobs`), so a
large file neither freezes the window nor stops Cancel; only the file is read here, storing
is the app's one undoable step. A column the user set to "(none)" is left out even when its
name would be detected: no comments at all for the text column, blank touchpoint or language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from cxmapper.feedback import columns as sc
from cxmapper.feedback.survey_import import ImportedSurvey, read_survey
from cxmapper.present.keyed_text import keyed
from cxmapper.present.labels import N_

Progress = Callable[[float, str], None]
IGNORABLE = {"text": None, "touchpoint": sc.TOUCHPOINT, "lang": sc.LANG}


def _quiet(_fraction: float, _message: str) -> None:
    pass


def read_survey_task(
    path: str,
    columns: dict[str, str | None],
    keep_verbatims: bool = True,
    pseudonym_key: str = "",
    name: str | None = None,
    ignore: Sequence[str] = (),
    progress: Progress = _quiet,
) -> ImportedSurvey:
    """`read_survey`, with the columns named in `ignore` ("text", "touchpoint", "lang") left out."""
    progress(0.1, keyed(N_("Reading {name}"), name=Path(path).name))
    survey = read_survey(
        path,
        columns=columns,
        keep_verbatims=keep_verbatims and "text" not in ignore,
        pseudonym_key=pseudonym_key,
        name=name,
    )
    for key in ignore:
        canonical = IGNORABLE.get(key)
        if canonical is not None:  # blank, as a file without that column gives it
            survey.frame[canonical] = pd.Series([""] * survey.n_responses, dtype="category")
    progress(1.0, keyed(N_("Finished")))
    return survey
