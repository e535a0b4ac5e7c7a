"""`cxmapper analyze SOURCE --engine spark [--master M] --summary OUT`: the Spark step.

Why a separate module: the Spark step does not return a report of raw-event metrics but writes
a summary (analysis/engines/spark_summary.py) that leaves the cluster and is imported on the
laptop (`cxmapper import WORKSPACE SUMMARY`). pyspark is imported only when this runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cxmapper.present.labels import _

ENGINE = "spark"


def register_options(p: Any) -> None:
    """The Spark-only options of `analyze`."""
    p.add_argument(
        "--master",
        metavar="M",
        help=(
            _(
                "with --engine spark: local[N] (default local[2], or spark-submit's), "
                "spark://HOST:PORT or yarn"
            )
        ),
    )
    p.add_argument(
        "--summary",
        metavar="OUT",
        help=_("with --engine spark: write the summary dataset (JSON) to OUT"),
    )
    p.add_argument(
        "--segment",
        metavar="COL",
        help=_("with --engine spark: split the summary by this column's values (its labels only)"),
    )
    p.add_argument(
        "--format",
        dest="source_format",
        choices=("parquet", "csv", "delta", "table"),
        help=_(
            "with --engine spark: how to read SOURCE (default: from the path; else a table name)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    from cxmapper.analysis.engines import spark_summary as ss
    from cxmapper.errors import CxError

    if args.engine != ENGINE:
        raise CxError("--master, --summary and --segment go with --engine spark")
    if not args.summary:
        raise CxError("--engine spark writes a summary: give --summary OUT")
    if args.workspace or args.journey or getattr(args, "value_per_conversion", None):
        raise CxError("--engine spark summarises every event name; map it after import")
    spark = ss.session(args.master)  # None: local[2], or spark-submit's
    roles = {args.case: "case_id", args.activity: "activity", args.timestamp: "timestamp"}
    rename = {old: new for old, new in roles.items() if old}
    frame = ss.read(spark, ss.SparkSource(args.events, args.source_format), rename)
    summary = ss.summarize(frame, segment=args.segment, source_name=Path(args.events).name)
    out = Path(args.summary)
    ss.write_summary(summary, out)
    bound = summary["error_bound"]["relative_rank_error"]
    sys.stdout.write(
        _(
            "summary: {path} ({touchpoints} touchpoint rows, {transitions} transitions, "
            "{weeks} week rows); counts exact, median/p90 within a rank error of {bound}"
        ).format(
            path=out, touchpoints=len(summary["touchpoints"]),
            transitions=len(summary["transitions"]), weeks=len(summary["weeks"]), bound=f"{bound:g}",
        ) + "\n"
    )  # fmt: skip
    return 0
