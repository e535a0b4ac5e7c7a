"""The money benchmark still runs end to end (tiny log), so its figures stay reproducible."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_money_prints_every_figure(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/bench_money.py", "--events", "3000", "--cases", "100",
         "--touchpoints", "6", "--repeat", "1", "--rounds", "1", "--data-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert len(re.findall(r"^  figures alone .* of analyze \(target < 25%\)$", out, re.M)) == 2
    assert re.search(r"^a channel per event  \[3,000 events, [1-9][0-9,]* hops", out, re.M)
    assert (tmp_path / "events_mixed.csv").is_file()


def test_bench_money_overhead_prints_both_kinds_and_the_overhead(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/bench_money_overhead.py", "--events", "3000", "--cases",
         "100", "--touchpoints", "6", "--rounds", "2", "--data-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert len(re.findall(r"^  without money\+channels: fastest .* median ", out, re.M)) == 2
    assert len(re.findall(r"^  with    money\+channels: fastest .* median ", out, re.M)) == 2
    assert len(re.findall(r"^  the money \+ channels step alone: ", out, re.M)) == 2
    assert len(re.findall(r"^  overhead: fastest .*\(target < \+25%\)$", out, re.M)) == 2
    assert re.search(r"^a channel per event  \[[1-9][0-9,]* hops\]", out, re.M)
