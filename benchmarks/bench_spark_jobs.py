"""Spark jobs and wall time per Spark-engine report (issue 18: the suite's Spark worker).

Why jobs: on the tests' small logs a Spark job costs 0.2-0.6 s of JVM scheduling whatever its
rows, so a report's time is about its job count. Where the jobs went, before (11 per report of
the 15-event log, with or without a journey): the names' counts (1), the sorted table's
count() only to fill its cache (1) plus a broadcast job for each of its two joins (2), the
per-case table's count() (1), the first-seen order statistics (1, derived journey only), the
transition sums (1), the per-touchpoint counts (1, plus a broadcast for the drop-off join with
a goal), the per-case runs (1), the step order statistics (1) and the funnel (1).
After: derived journey 3 jobs (counts, first-seen, one batch of every measure and the funnel),
a given journey 2 (counts, the batch): tables fill their cache in the first job that reads
them, the sorted table is one window pass (no join: a literal map of names, a window min for
the case's first row), the drop-off is a window, and `SparkSql.batch` puts the measures'
queries and all order statistics (the funnel's too) in one UNION ALL.
On BPIC 2012 (262,200 events) the JVM time goes to scanning the events handed over by Arrow
(the counts and the window sort) and the rank windows of the order statistics (~750,000 rows
sorted per report); the job count matters little there.

Run: PYTHONPATH=$PWD python benchmarks/bench_spark_jobs.py [runs] [--bpic]
Prints per case (small derived, small with a journey, BPIC 2012 with --bpic): jobs, fastest and
median wall seconds over the runs (after one warm-up).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "analysis"))
os.environ.setdefault(
    "PYSPARK_SUBMIT_ARGS",
    "--driver-java-options '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' "
    "--conf spark.default.parallelism=1 --conf spark.sql.adaptive.enabled=false "
    "--conf spark.sql.codegen.wholeStage=false pyspark-shell",
)

from analysis_helpers import small_csv_text

from cxmapper.analysis.dataset_ref import FrameRef
from cxmapper.analysis.engines import ReportOptions, get
from cxmapper.analysis.matching import JourneySpec, TouchpointSpec
from cxmapper.analysis.readers import read_events
from cxmapper.analysis.report import to_json_dict

SPEC = JourneySpec(
    touchpoints=[
        TouchpointSpec("tA", "Awareness", 0, match_events=["A"]),
        TouchpointSpec("tB", "Browse", 1, match_patterns=["b*"]),
        TouchpointSpec("tC", "Checkout", 2, match_events=["C"], is_goal=True),
    ],
    connectors=[("tA", "tB"), ("tB", "tC"), ("tA", "tC")],
)


def _jobs(spark: object) -> int:
    tracker = spark.sparkContext.statusTracker()  # type: ignore[attr-defined]
    return len(tracker.getJobIdsForGroup("cx-bench"))


def main(runs: int) -> None:
    import tempfile

    engine = get("spark")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "small.csv"
        path.write_text(small_csv_text(), encoding="utf-8")
        small = read_events(path).frame
    cases: list[tuple[str, object, JourneySpec | None, ReportOptions]] = [
        ("small, derived", small, None, ReportOptions()),
        ("small, journey", small, SPEC, ReportOptions()),
    ]
    bpic = Path(__file__).resolve().parents[2] / "shared" / "data" / "bpic2012.xes.gz"
    if bpic.exists() and "--bpic" in sys.argv:
        from analysis_helpers import real_log

        cases.append(
            ("bpic2012 all", real_log("bpic2012.xes.gz", "all").frame, None, ReportOptions())
        )
    for label, frame, spec, options in cases:
        times, jobs = [], 0
        for k in range(runs + 1):
            data = engine.load(FrameRef(frame))  # type: ignore[arg-type]
            spark = data.run.spark  # type: ignore[attr-defined]
            spark.sparkContext.setJobGroup("cx-bench", "bench")
            before = _jobs(spark)
            t0 = time.perf_counter()
            report = engine.report(data, spec, options)
            elapsed = time.perf_counter() - t0
            jobs = _jobs(spark) - before
            to_json_dict(report)
            if k:
                times.append(elapsed)
        print(
            f"{label}: {jobs} jobs, fastest {min(times):.3f} s, median "
            f"{statistics.median(times):.3f} s ({runs} runs)"
        )


if __name__ == "__main__":
    main(int(next((a for a in sys.argv[1:] if a.isdigit()), "5")))
