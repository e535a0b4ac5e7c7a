"""The parts of the DuckDB engine (`engines.duckdb_engine`) that are DuckDB's own: a connection
that spills to disk (`db`, and `runner`, its `SqlRunner`), sources scanned in place (`source`),
the per-case event sequence's build (`sequence`), exact order statistics (`order_stats`), the
funnel (`funnel_trend`) and the events the money figures read (`impact_frame`). The metrics'
queries are shared with Spark (`engines.sql`).

Every number must equal the numpy engine's (tests/analysis/conformance), so the SQL computes
exact counts and integer-nanosecond sums, and quantiles are interpolated in Python from exact
order statistics (`order_stats`) with the numpy engine's own formulas.
"""
