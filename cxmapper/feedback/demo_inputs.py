"""Read the demo's event log and survey (written beside the demo workspace) for the app.

`cxmapper demo` + `cxmapper import` + `cxmapper import-survey` give a newcomer on the command
line a workspace whose overlay, badges, drivers and verdicts have data; the app's File ▸ Open Demo
must give the same. Reading both files takes a second or two, so the app runs this in a worker
process (`BackgroundJob`) and stores the two results itself, as one undoable step. Only files
are read here: stopping the worker midway leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cxmapper.analysis.tasks import ImportedDataset, import_events
from cxmapper.feedback.survey_import import ImportedSurvey, read_survey
from cxmapper.model.demo import events_path_for, survey_path_for
from cxmapper.present.keyed_text import keyed
from cxmapper.present.labels import N_

Progress = Callable[[float, str], None]


def _quiet(_fraction: float, _message: str) -> None:
    pass


def read_demo_inputs(
    path: str | Path, progress: Progress = _quiet
) -> tuple[ImportedDataset, ImportedSurvey]:
    """The demo's event log and survey read as the CLI's imports read them (defaults: no
    journey, so both journeys use them; comments kept; ids not pseudonymised)."""
    path = Path(path)
    dataset = import_events(events_path_for(path), progress=lambda f, m: progress(0.8 * f, m))
    progress(0.8, keyed(N_("Reading {name}"), name=survey_path_for(path).name))
    survey = read_survey(survey_path_for(path))
    progress(1.0, keyed(N_("Finished")))
    return dataset, survey
