"""Change-log labels stored as a language-neutral key, worded when they are read.

Why: the change log's `label` column used to hold the operation's text in whatever language
the app or CLI had when the edit was made, so an Italian reader saw "Imported Excel workbook:
3 change(s)" and an English one Italian, forever. Now the column holds the untranslated
English msgid and its arguments (`present.keyed_text.keyed` with the msgids below), and every
surface that shows an entry (the inspector's History, the governance window, the workbook's
change-log sheet, `cxmapper log`) words it in the current language (`LogEntry.label`). Entries written before this (free text)
do not start with the marker and are shown as stored. The column still holds text: no schema
change.
"""

from __future__ import annotations

from cxmapper.present import value_labels as vl
from cxmapper.present.labels import KINDS, N_

IMPORTED_DATASET = N_("Imported dataset {name}: {events} events, {cases} cases")
IMPORTED_WORKBOOK = N_("Imported Excel workbook: {n} change(s)")
UNDID_WORKBOOK = N_("Undid an Excel import")
IMPORTED_JSON = N_("Imported JSON: {names}")
RESTORED_VERSION = N_("Restored version {name}")
# the action and kind of an entry that stands for a whole operation (an import, a restore)
ACTIONS = {**vl.CHANGE_ACTIONS, "summary": N_("summary"), "moved": N_("moved")}
LOG_KINDS = {**KINDS, "operation": N_("operation")}


def action_word(action: str) -> str:
    """'added', 'summary'... of a log entry in the current language (unknown: as stored)."""
    return vl.value_label(ACTIONS, action)


def kind_word(kind: str) -> str:
    """The kind of record a log entry is about, in the current language."""
    return vl.value_label(LOG_KINDS, kind)


__all__ = ["action_word", "kind_word"]
