"""Analysis engines by name: `get("numpy")` gives the engine that computes every metric.

Callers (the CLI, the app's analysis worker, the exports) name an engine and talk to it only
through the `AnalysisEngine` protocol, so another engine (DuckDB, Spark, ...) is one entry in
`_FACTORIES` plus a module that passes tests/analysis/conformance unchanged. Engines are
imported on first use, so naming one costs nothing at startup.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from cxmapper.analysis.engines.base import AnalysisEngine, Dataset, DatasetProfile, ReportOptions
from cxmapper.errors import CxError

__all__ = ["DEFAULT", "AnalysisEngine", "Dataset", "DatasetProfile", "ReportOptions", "get"]

DEFAULT = "numpy"

#: name -> "module:factory"; the factory takes no arguments and returns an `AnalysisEngine`.
_FACTORIES: dict[str, str] = {
    "numpy": "cxmapper.analysis.engines.numpy_engine:NumpyEngine",
    "duckdb": "cxmapper.analysis.engines.duckdb_engine:DuckDBEngine",
    "spark": "cxmapper.analysis.engines.spark_engine:SparkEngine",  # needs pyspark and Java
}
_ENGINES: dict[str, AnalysisEngine] = {}


def names() -> list[str]:
    """Every registered engine, in registration order (the conformance suite runs them all)."""
    return list(_FACTORIES)


def get(name: str = DEFAULT) -> AnalysisEngine:
    """The engine called `name` (one instance per process); CxError naming the choices if none."""
    engine = _ENGINES.get(name)
    if engine is None:
        target = _FACTORIES.get(name)
        if target is None:
            raise CxError(f"unknown analysis engine {name!r}; available: {', '.join(names())}")
        module, attr = target.split(":")
        factory: Callable[[], AnalysisEngine] = getattr(import_module(module), attr)
        engine = _ENGINES[name] = factory()
    return engine
