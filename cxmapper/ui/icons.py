"""The app's own icons (SVG in cxmapper/resources/icons), so the toolbar looks the same on every
platform instead of depending on the desktop's icon theme."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtGui import QIcon

ICON_DIR = files("cxmapper") / "resources" / "icons"


def icon_path(name: str) -> str:
    return str(ICON_DIR / f"{name}.svg")


@cache
def icon(name: str) -> QIcon:
    """The named icon; a missing file is a packaging bug, so it fails loudly."""
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"icon {name!r} is not bundled ({path})")
    return QIcon(str(path))
