"""Exchange with the outside world: Excel workbooks and JSON journeys.

Stakeholders do not run cxmapper; they get workbooks and pictures. Pictures are drawn by the
canvas, so they are made in `cxmapper.ui.render` (this package never imports Qt). The public
functions are re-exported lazily here so `import cxmapper.io` stays cheap (openpyxl loads on use).
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "export_xlsx": "cxmapper.io.xlsx_export",
    "plan_xlsx_import": "cxmapper.io.xlsx_import",
    "apply_plan": "cxmapper.io.xlsx_import",
    "export_json": "cxmapper.io.json_format",
    "import_json": "cxmapper.io.json_format",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cxmapper.io' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
