"""The Spark engine's parts: the session's SQL (`sql`), the event view (`source`), the sorted
journey table (`sequence`) and the metrics over it (`measures`, `funnel_trend`).

Why a package of its own beside `duck`: the same definitions (docs/metrics.md) in Spark SQL's
dialect, with Spark's habits (temp views cached in the session, exact order statistics by a
window sort per group); the Python that turns aggregates into tables is shared with the other
engines (`metrics.touchpoint_frame`, `funnel.funnel_table`, `duck.order_stats`).
"""
