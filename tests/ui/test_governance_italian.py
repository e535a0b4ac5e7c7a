"""The governance window in Italian: its texts are looked up under the context they are
catalogued in (a module-level `tr()` wrapper filed them under no context, so the window
stayed English in Italian)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cxmapper.model.workspace import Workspace
from cxmapper.ui import translations
from cxmapper.ui.governance.dialog import GovernanceDialog
from cxmapper.ui.undo_stack import GuardedUndoStack


def test_governance_window_in_italian(
    qapp: QCoreApplication, file_ws: Workspace, small_journey: dict[str, str]
) -> None:
    try:
        assert translations.install_language(qapp, "it") == "it"
        dialog = GovernanceDialog(file_ws, small_journey["journey"], GuardedUndoStack())
        tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        assert tabs == ["Cronologia", "Versioni", "Differenze", "Lignaggio", "Responsabili"]
        assert dialog.save_button.text() == "Salva versione…"
        assert dialog.owners.done_button.text() == "Segna selezionate come fatte"
    finally:
        translations.install_language(qapp, "en")
