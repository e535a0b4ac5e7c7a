"""Per-user preferences (recent files, window layout, comment author, the last analysis of
each journey) in one place.

Everything goes through `AppSettings` so tests and benchmarks can point QSettings at a
temporary folder (`use_settings_dir`, or the CXMAPPER_SETTINGS_DIR environment variable) and
never touch the user's real configuration.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "cxmapper"
APPLICATION = "cxmapper"
MAX_RECENT = 10
SETTINGS_DIR_ENV = "CXMAPPER_SETTINGS_DIR"


def use_settings_dir(folder: str | Path) -> None:
    """Store all settings as INI files under `folder` from now on (tests, benchmarks)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def apply_environment() -> None:
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        use_settings_dir(folder)


class AppSettings:
    """Typed access to the values cxmapper keeps between sessions."""

    def __init__(self) -> None:
        self._s = QSettings(
            QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    def sync(self) -> None:
        self._s.sync()

    # -- recent workspaces -------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self._s.value("recent_files", [])
        if isinstance(value, str):  # QSettings returns a bare string for one-item lists
            value = [value]
        if not isinstance(value, list | tuple):  # None when the key is empty
            return []
        return [str(v) for v in value if v]

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        files = [path, *[f for f in self.recent_files() if f != path]][:MAX_RECENT]
        self._s.setValue("recent_files", files)

    def remove_recent(self, path: str) -> None:
        self._s.setValue("recent_files", [f for f in self.recent_files() if f != path])

    def clear_recent(self) -> None:
        self._s.setValue("recent_files", [])

    @property
    def last_workspace(self) -> str | None:
        value = self._s.value("last_workspace", "")
        return str(value) if value else None

    @last_workspace.setter
    def last_workspace(self, path: str | None) -> None:
        self._s.setValue("last_workspace", path or "")

    # -- comment author ----------------------------------------------------------------------

    @property
    def author(self) -> str:
        return str(self._s.value("author", "") or "")

    @author.setter
    def author(self, name: str) -> None:
        self._s.setValue("author", name)

    # -- window layout -----------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    # -- the last analysis of each journey (see ui/overlay/memory.py) -------------------------

    def analysis_state(self, key: str) -> str:
        return str(self._s.value(f"analysis/{key}", "") or "")

    def save_analysis_state(self, key: str, state: str) -> None:
        self._s.setValue(f"analysis/{key}", state)

    # -- overlay options ---------------------------------------------------------------------

    @property
    def all_unexpected_paths(self) -> bool:
        """Draw every unexpected path of an overlay, not only the most walked few."""
        return str(self._s.value("overlay/all_unexpected_paths", "false")).lower() == "true"

    @all_unexpected_paths.setter
    def all_unexpected_paths(self, on: bool) -> None:
        self._s.setValue("overlay/all_unexpected_paths", "true" if on else "false")
