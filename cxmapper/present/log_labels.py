"""Change-log labels stored as a language-neutral key, worded when they are read.

Why: the change log's `label` column used to hold the operation's text in whatever language
the app or CLI had when the edit was made, so an Italian reader saw "Imported Excel workbook:
3 change(s)" and an English one Italian, forever. Now the column holds the untranslated
English msgid and its arguments (`keyed`), and every surface that shows an entry (the
inspector's History, the governance window, the workbook's change-log sheet, `cxmapper log`)
words it in the current language through `readable`. Entries written before this (free text)
do not start with the marker and are shown as stored. The column still holds text: no schema
change.
"""

from __future__ import annotations

import json
from typing import Any

from cxmapper.present import value_labels as vl
from cxmapper.present.labels import KINDS, N_, _
from cxmapper.present.locale_format import format_number

MARKER = "msg:"  # a stored label that starts with this is a key, not free text

IMPORTED_DATASET = N_("Imported dataset {name}: {events} events, {cases} cases")
IMPORTED_WORKBOOK = N_("Imported Excel workbook: {n} change(s)")
UNDID_WORKBOOK = N_("Undid an Excel import")
IMPORTED_JSON = N_("Imported JSON: {names}")
RESTORED_VERSION = N_("Restored version {name}")
# the action and kind of an entry that stands for a whole operation (an import, a restore)
ACTIONS = {**vl.CHANGE_ACTIONS, "summary": N_("summary"), "moved": N_("moved")}
LOG_KINDS = {**KINDS, "operation": N_("operation")}


def keyed(msgid: str, **args: Any) -> str:
    """What the log stores for `msgid` with `args` (names as text, counts as numbers, which
    are grouped in the reader's language when shown)."""
    payload = {"msgid": msgid, "args": args}
    return MARKER + json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)


def _shown(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value)
    return str(value)


def readable(stored: str) -> str:
    """The stored label in the current language; free text (an older entry) as stored."""
    if not stored.startswith(MARKER):
        return stored
    try:
        payload = json.loads(stored[len(MARKER) :])
        msgid, args = str(payload["msgid"]), dict(payload.get("args") or {})
    except (ValueError, KeyError, TypeError, AttributeError):
        return stored
    shown = {k: _shown(v) for k, v in args.items()}
    try:
        return _(msgid).format(**shown)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return msgid.format(**shown)


def action_word(action: str) -> str:
    """'added', 'summary'... of a log entry in the current language (unknown: as stored)."""
    return vl.value_label(ACTIONS, action)


def kind_word(kind: str) -> str:
    """The kind of record a log entry is about, in the current language."""
    return vl.value_label(LOG_KINDS, kind)


__all__ = ["MARKER", "action_word", "keyed", "kind_word", "readable"]
