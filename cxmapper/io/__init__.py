"""Exchange with the outside world: Excel workbooks, JSON journeys, images.

Stakeholders do not run cxmapper; they get workbooks and pictures. The public functions are
re-exported lazily here so `import cxmapper.io` stays cheap (openpyxl and Qt load on use).
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "export_xlsx": "cxmapper.io.xlsx_export",
    "plan_xlsx_import": "cxmapper.io.xlsx_import",
    "apply_plan": "cxmapper.io.xlsx_import",
    "export_json": "cxmapper.io.json_format",
    "import_json": "cxmapper.io.json_format",
    "export_image": "cxmapper.io.image_export",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cxmapper.io' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
