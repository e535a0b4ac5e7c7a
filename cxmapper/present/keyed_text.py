"""Texts made in one place and worded in another: a msgid and its arguments, as one string.

Why: some texts are written down (the change log's label) or sent from a worker process (the
progress of an export or an analysis) before the reader's language is known or in a process
whose language is not the reader's. `keyed` packs the untranslated English msgid with its
arguments; `readable` words it in the current language where it is shown, grouping numbers
the reader's way. Anything that does not start with the marker (an older change-log label,
free text) is shown as it is.
"""

from __future__ import annotations

import json
from typing import Any

from cxmapper.present.labels import _
from cxmapper.present.locale_format import format_number

MARKER = "msg:"  # a text that starts with this is a key, not free text


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


__all__ = ["MARKER", "keyed", "readable"]
