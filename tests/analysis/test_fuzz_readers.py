"""A fixed 1,000-input slice of the seeded fuzz corpus: imported and previewed, 0 tracebacks.

The full corpus (5,000 inputs, with time and memory per input) runs in
`benchmarks/bench_fuzz.py`. Here every input goes through the same entry point as
`cxmapper import` (`tasks.import_events`) and the import wizard's `preview`; anything but
success or an ImportDataError/CxError is a failure. A sample of refused inputs is then imported
into a real workspace through the CLI, which must exit 2 and leave the file byte-identical.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from cxmapper.analysis.readers import preview
from cxmapper.analysis.tasks import import_events
from cxmapper.cli import main
from cxmapper.errors import CxError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from fuzz_corpus import make_case, subset

SEED = 9
# both tests read the module fixture (~30 s): one worker, so xdist computes it once, not twice
pytestmark = pytest.mark.xdist_group("fuzz")


def _outcome(call, path: Path) -> str:
    try:
        call(path)
    except CxError as exc:
        message = str(exc)
        if "\n" in message or len(message) > 600:
            return f"traceback: not a one-line message: {message[:120]!r}"
        return "refused"
    except Exception as exc:  # anything else is a traceback for the user
        return f"traceback {type(exc).__name__}: {str(exc)[:120]}"
    return "ok"


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, str]:
    directory = tmp_path_factory.mktemp("fuzz")
    results: dict[str, str] = {}
    for case in subset(SEED):
        path = case.write(directory)
        results[case.name] = _outcome(import_events, path)
        results[f"{case.name} (preview)"] = _outcome(preview, path)
        path.unlink()
    return results


def test_subset_has_no_tracebacks(outcomes):
    tracebacks = {name: out for name, out in outcomes.items() if out.startswith("traceback")}
    assert tracebacks == {}
    counts = Counter(outcomes.values())
    assert len(outcomes) == 2000
    # both outcomes occur plenty: the corpus exercises the readers, not only their first check
    assert counts["ok"] > 300 and counts["refused"] > 700, counts


def test_refused_imports_leave_the_workspace_byte_identical(outcomes, tmp_path, capsys):
    ws = tmp_path / "w.cxmap"
    assert main(["demo", str(ws)]) == 0
    before = ws.read_bytes()
    refused = [name for name, out in outcomes.items() if out == "refused" and "(" not in name]
    sample: dict[str, str] = {}
    for name in refused:  # one input per mutation kind
        sample.setdefault(name.split("-", 1)[1].split(".")[0], name)
    assert len(sample) >= 12
    capsys.readouterr()
    for name in sample.values():
        path = make_case(SEED, int(name[:5])).write(tmp_path)
        assert main(["import", str(ws), str(path)]) == 2, name
        err = capsys.readouterr().err
        assert err.startswith("cxmapper: error: ") and err.count("\n") == 1, err[:300]
        assert ws.read_bytes() == before, name
        assert not Path(f"{ws}-wal").exists() or Path(f"{ws}-wal").stat().st_size == 0
