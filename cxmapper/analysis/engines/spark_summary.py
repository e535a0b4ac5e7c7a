"""The Spark step: a SUMMARY of an event log computed where the data lives, small enough to mail.

Why: a warehouse's billions of events cannot come to the laptop, and should not (they are
personal). Spark reads them in place (`--master local[N]`, a standalone or YARN cluster) and
returns only aggregates: per touchpoint (activity), transition, ISO week (Monday 00:00 UTC) and
the chosen segment's labels, the exact counts and sums the overlays need and approximate
quantiles of the transition times. No case id and no attribute value other than the chosen
segment's labels leaves the cluster.

Counts and sums are exact (Spark's `count`, `count(DISTINCT)` and `sum`). Medians and p90 come
from `percentile_approx(x, p, ACCURACY)`; Spark documents that the returned value's rank is
within `1 / ACCURACY` of the requested rank (a relative *rank* error of 1e-4 here), which the
summary states as `error_bound` so every figure read from it carries it (docs/metrics.md,
"Summaries").

Order within a case: by timestamp, ties keep the source order (`monotonically_increasing_id` is
increasing within and across partitions of one read), as the metric definitions say.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxmapper.analysis.columns import ACTIVITY, CASE_ID, TIMESTAMP
from cxmapper.errors import CxError

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

FORMAT = "cxmapper-summary"
VERSION = 1
#: percentile_approx accuracy; Spark's documented relative rank error is 1 / ACCURACY.
ACCURACY = 10_000
RANK_ERROR = 1.0 / ACCURACY
_RN = "__cx_rn"
_SEG = "__cx_segment"


@dataclass(frozen=True)
class SparkSource:
    """Where the events are: a path (Parquet file/folder, CSV, Delta folder) or a table name."""

    location: str
    format: str | None = None  # parquet | csv | delta | table; None: guessed from the location


def spark_available() -> str | None:
    """None when pyspark imports and `java` is on the PATH; else why the Spark engine cannot run."""
    import shutil

    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "the Spark engine needs pyspark: pip install 'cxmapper[spark]'"
    if shutil.which("java") is None and not _java_home():
        return "the Spark engine needs a Java 17+ runtime (Debian: openjdk-17-jre-headless)"
    return None


def _java_home() -> bool:
    import os

    return bool(os.environ.get("JAVA_HOME"))


def session(master: str | None = "local[2]", app: str = "cxmapper") -> SparkSession:
    """The (one per process) SparkSession; UTC so weeks start Monday 00:00 UTC everywhere.

    `master` None under `spark-submit` keeps the master it was submitted to (a master set here
    would override it); None elsewhere means local[2]."""
    import os

    why = spark_available()
    if why:
        raise CxError(why)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:  # spark-submit sets the port
        builder = builder.master(master or "local[2]")
        if (master or "local").startswith("local"):  # workers on this machine: this Python,
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # not the PATH's python3
    builder = (
        builder.appName(app)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")  # no progress bars over the CLI's output
        .config("spark.sql.shuffle.partitions", "4")
    )
    return builder.getOrCreate()


def _guess_format(location: str) -> str:
    path = Path(location)
    if path.is_dir():
        return "delta" if (path / "_delta_log").is_dir() else "parquet"
    if path.suffix.lower() in (".parquet", ".pq"):
        return "parquet"
    if path.suffix.lower() in (".csv", ".tsv", ".txt"):
        return "csv"
    if path.exists():
        raise CxError(f"{location}: the Spark engine reads Parquet, CSV, Delta or a table name")
    return "table"


def read(
    spark: SparkSession, source: SparkSource, rename: dict[str, str] | None = None
) -> DataFrame:
    """The events as a DataFrame with case_id, activity, timestamp (and any other columns);
    `rename` maps source column names to those roles."""
    fmt = source.format or _guess_format(source.location)
    reader = spark.read
    if fmt == "parquet":
        frame = reader.parquet(source.location)
    elif fmt == "csv":
        frame = reader.option("header", True).option("inferSchema", False).csv(source.location)
    elif fmt == "delta":
        try:
            frame = reader.format("delta").load(source.location)
        except Exception as exc:  # the Delta jars are not on the classpath
            raise CxError(
                f"{source.location}: reading Delta needs the delta-spark package on the "
                f"cluster (spark-submit --packages io.delta:delta-spark_2.13:<version>): {exc}"
            ) from exc
    elif fmt == "table":
        frame = spark.table(source.location)
    else:
        raise CxError(f"unknown source format {fmt!r}; use parquet, csv, delta or table")
    for old, new in (rename or {}).items():
        if old != new:
            if old not in frame.columns:
                raise CxError(
                    f"{source.location}: no column {old!r}; columns are {', '.join(frame.columns)}"
                )
            frame = frame.withColumnRenamed(old, new)
    missing = [c for c in (CASE_ID, ACTIVITY, TIMESTAMP) if c not in frame.columns]
    if missing:
        raise CxError(
            f"{source.location}: missing column(s) {', '.join(missing)}; "
            f"columns are {', '.join(frame.columns)}"
        )
    return frame


def summarize(
    frame: DataFrame, segment: str | None = None, source_name: str = ""
) -> dict[str, Any]:
    """The summary (see module doc) of `frame`, as a JSON-ready dict."""
    from pyspark import __version__ as spark_version
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    if segment is not None and segment not in frame.columns:
        raise CxError(f"segment column {segment!r} not in {', '.join(frame.columns)}")
    seg = F.coalesce(F.col(segment).cast("string"), F.lit("")) if segment else F.lit("")
    events = (
        frame.withColumn(_RN, F.monotonically_increasing_id())
        .select(
            F.col(CASE_ID).cast("string").alias("c"),
            F.col(ACTIVITY).cast("string").alias("a"),
            F.to_timestamp(F.col(TIMESTAMP)).alias("t"),
            seg.alias(_SEG),
            F.col(_RN),
        )
        .where(F.col("c").isNotNull() & F.col("a").isNotNull() & F.col("t").isNotNull())
    )
    order = Window.partitionBy("c").orderBy("t", _RN)
    steps = (
        events.withColumn("next_a", F.lead("a").over(order))
        .withColumn("next_t", F.lead("t").over(order))
        .withColumn("pos", F.row_number().over(order))
        .withColumn("week", F.date_trunc("week", F.col("t")))
        .withColumn("gap_s", F.col("next_t").cast("double") - F.col("t").cast("double"))
    )
    steps.cache()
    try:
        touch = steps.groupBy(_SEG, "a").agg(
            F.count("*").alias("events"),
            F.countDistinct("c").alias("cases"),
            F.sum(F.when(F.col("pos") == 1, 1).otherwise(0)).alias("starts"),
            F.sum(F.when(F.col("next_a").isNull(), 1).otherwise(0)).alias("ends"),
        )
        trans = (
            steps.where(F.col("next_a").isNotNull())
            .groupBy(_SEG, "a", "next_a")
            .agg(
                F.count("*").alias("count"),
                F.countDistinct("c").alias("cases"),
                F.sum("gap_s").alias("sum_s"),
                F.percentile_approx("gap_s", [0.5, 0.9], ACCURACY).alias("q"),
            )
        )
        weeks = steps.groupBy(_SEG, "week", "a").agg(
            F.count("*").alias("events"), F.countDistinct("c").alias("cases")
        )
        totals = steps.groupBy(_SEG).agg(
            F.count("*").alias("events"), F.countDistinct("c").alias("cases")
        )
        out: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "engine": "spark",
            "spark_version": spark_version,
            "source": source_name,
            "segment": segment,
            "error_bound": {
                "counts": "exact",
                "quantiles": "percentile_approx",
                "accuracy": ACCURACY,
                "relative_rank_error": RANK_ERROR,
            },
            "totals": [
                {"segment": r[_SEG], "events": r["events"], "cases": r["cases"]}
                for r in totals.collect()
            ],
            "touchpoints": [
                {
                    "segment": r[_SEG],
                    "activity": r["a"],
                    "events": r["events"],
                    "cases": r["cases"],
                    "starts": r["starts"],
                    "ends": r["ends"],
                }
                for r in touch.collect()
            ],
            "transitions": [
                {
                    "segment": r[_SEG],
                    "source": r["a"],
                    "target": r["next_a"],
                    "count": r["count"],
                    "cases": r["cases"],
                    "sum_seconds": r["sum_s"],
                    "median_seconds": r["q"][0],
                    "p90_seconds": r["q"][1],
                }
                for r in trans.collect()
            ],
            "weeks": [
                {
                    "segment": r[_SEG],
                    "week": r["week"].strftime("%Y-%m-%d"),
                    "activity": r["a"],
                    "events": r["events"],
                    "cases": r["cases"],
                }
                for r in weeks.collect()
            ],
        }
    finally:
        steps.unpersist()
    for key in ("totals", "touchpoints", "transitions", "weeks"):
        out[key].sort(key=lambda row: json.dumps(row, sort_keys=True, default=str))
    return out


def write_summary(summary: dict[str, Any], path: Path) -> None:
    """The summary as one JSON file (UTF-8, sorted keys, so two runs diff cleanly)."""
    path.write_text(json.dumps(summary, indent=1, sort_keys=True), encoding="utf-8")


def read_summary(path: Path) -> dict[str, Any]:
    """A summary file, checked for its format and version; CxError naming the file otherwise."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CxError(f"{path}: not a readable summary: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CxError(f"{path}: not a cxmapper summary (format must be {FORMAT!r})")
    if data.get("version") != VERSION:
        raise CxError(
            f"{path}: summary version {data.get('version')!r}; this build reads {VERSION}"
        )
    return data
