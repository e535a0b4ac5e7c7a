"""What the SQL engines (DuckDB, Spark) share: the dialect seam, the per-case sequence table,
the metrics' queries and the engine's public methods, written once.

Why a package of its own: the DuckDB and Spark engines compute the same definitions
(docs/metrics.md) with the same queries, differing only in a few words of SQL (a type name,
integer division, a filtered count) and in how a query is run (`runner.SqlRunner`). Each engine
keeps only what is truly its own: reading sources, its connection or session, the sorted
sequence's build, the funnel and how order statistics are fetched.
"""
