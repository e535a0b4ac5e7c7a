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

from typing import Any

from cxmapper.present import value_labels as vl
from cxmapper.present.labels import KINDS, N_, column_label, field_label, kind_label

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


def field_word(name: str) -> str:
    """A changed field as people read it: its label, else the kind it names ('stage_id': the
    stage), else its column's label; unknown names with spaces for underscores. The log's
    Fields column read raw keys ('owner_id: ...') in every language."""
    bare = name.removesuffix("_id")
    for lookup, key in ((field_label, name), (field_label, bare), (kind_label, bare),
                        (column_label, name), (column_label, bare)):  # fmt: skip
        try:
            return str(lookup(key))
        except KeyError:
            continue
    return name.replace("_", " ")


def fields_text(fields: dict[str, Any]) -> str:
    """'field: old → new' for each changed field of a log entry, fields worded."""
    return "; ".join(
        f"{field_word(k)}: {v[0]!r} → {v[1]!r}"
        if isinstance(v, list) and len(v) == 2
        else field_word(k)
        for k, v in fields.items()
    )


__all__ = ["action_word", "field_word", "fields_text", "kind_word"]
