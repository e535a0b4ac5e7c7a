"""The analysis benchmark still runs end to end (tiny log), so its figures stay reproducible."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_analysis_prints_every_figure(tmp_path):
    done = subprocess.run(
        [sys.executable, "benchmarks/bench_analysis.py", "--events", "3000", "--cases", "100",
         "--touchpoints", "6", "--repeat", "1", "--data-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("bare pyarrow.csv.read_csv") == 2  # cold and warm
    rows = re.findall(
        r"^(CSV|Parquet) .* ratio to bare CSV read [0-9.]+x \(medians [0-9.]+x\) .*\(3,000 ev",
        out,
        re.M,
    )
    assert rows == ["CSV", "Parquet", "CSV", "Parquet"]
    assert (tmp_path / "events.csv").is_file() and (tmp_path / "events.parquet").is_file()
