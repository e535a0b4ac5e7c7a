"""View ▸ Language: follow the system, English or Italiano, saved in QSettings.

The choice applies on the next start (menus, docks and dialogs are built once); the menu says
so in its items and a message confirms it, so nobody waits for a change that is not coming.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from cxmapper.present import language
from cxmapper.ui.settings import APPLICATION, ORGANIZATION
from cxmapper.ui.translations import NAMES, SETTING, saved_choice


def settings_store() -> QSettings:
    """The same store as AppSettings (honours use_settings_dir)."""
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def build_language_menu(parent: QWidget, menu: QMenu) -> QMenu:
    sub = menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language (applies on restart)"))
    sub.setObjectName("menu.language")
    group = QActionGroup(sub)
    current = saved_choice(settings_store())
    choices = [("", QCoreApplication.translate("LanguageMenu", "Follow the system"))] + [
        (c, NAMES[c]) for c in language.SUPPORTED
    ]
    for code, name in choices:
        action = QAction(name, sub, checkable=True)
        action.setObjectName(f"language.{code or 'system'}")
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, c=code: choose_language(parent, c))
        group.addAction(action)
        sub.addAction(action)
    return sub


def choose_language(parent: QWidget | None, code: str, ask: bool = True) -> None:
    store = settings_store()
    store.setValue(SETTING, code)
    store.sync()
    if ask and parent is not None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("LanguageMenu", "Language"),
            QCoreApplication.translate(
                "LanguageMenu", "The new language is used the next time cxmapper starts."
            ),
        )
