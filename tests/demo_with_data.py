"""The demo workspace with its event log and survey stored, as File ▸ Open Demo and the CLI's
`demo` + `import` + `import-survey` leave it: one helper for the tests that need the demo's
feedback figures, reading both files through the app's own `read_demo_inputs`."""

from __future__ import annotations

from pathlib import Path

from cxmapper.feedback.demo_inputs import read_demo_inputs
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace


def write_demo_with_data(path: Path, lang: str = "en") -> Path:
    write_demo(path, lang=lang)
    dataset, survey = read_demo_inputs(path)
    with Workspace.open(path) as ws:
        dataset.add_to(ws)
        survey.add_to(ws)
    return path
