"""The feedback benchmark still runs end to end (small survey), so its figures stay reproducible."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_feedback_prints_every_figure() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/bench_feedback.py", "--responses", "2000", "--repeat", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert re.search(
        r"^run 1: import [0-9.]+ s .* link [0-9.]+ s, total [0-9.]+ s$", done.stdout, re.M
    )
    assert "2,000 responses" in done.stdout and "import + link, median of 1:" in done.stdout
