"""The Spark engine's parts: the session's SQL (`sql`, its `SqlRunner`), the event view
(`source`), the sorted journey table's build (`sequence`), exact order statistics
(`order_stats`), the funnel walk (`funnel_trend`), the measures in one job (`measures`) and the
events the money figures read (`impact_frame`).

Why a package of its own beside `duck`: the metrics' queries are shared (`engines.sql`), but
Spark has its own habits (temp views cached in the session, exact order statistics by a window
sort per group in one job, the funnel as one higher-order walk per case).
"""
