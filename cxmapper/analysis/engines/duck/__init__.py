"""The parts of the DuckDB engine (`engines.duckdb_engine`): a connection that spills to disk,
sources scanned in place, the per-case event sequence, and the metrics as SQL aggregates.

Every number must equal the numpy engine's (tests/analysis/conformance), so the SQL computes
exact counts and integer-nanosecond sums, and quantiles are interpolated in Python from exact
order statistics (`order_stats`) with the numpy engine's own formulas.
"""
