"""The one rule of the Excel round trip: did an owner change this cell, and may it be applied?

Three versions of a cell meet on import: what the export wrote (kept in the hidden sheet),
what the returned workbook holds, and the workspace's value now. They are compared as a cell
shows them (`shown()`): text the export had to alter (cut at Excel's limit, control
characters dropped, CRLF made LF, see `xlsx_safe.clean_text`) then reads back exactly as the
export would write it again, so an unedited workbook imports with no changes.

The baseline keeps, per cell, the shown form and, where the export altered the value, the
stored form too: a change made in cxmapper since the export is then seen even where the cell
cannot show it (past the cut, say), and is reported as a conflict instead of overwritten.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from cxmapper.io.xlsx_safe import clean_text
from cxmapper.io.xlsx_values import HASHED_ABOVE, fingerprint


def shown(value: Any, as_text: bool | None = None) -> Any:
    """A cell's value as the export writes it, in comparable form (see `fingerprint`). Text
    columns compare as text (`as_text`, by default when `value` is text): an owner who turns
    '007' into '7' made an edit, even though both read as the number 7."""
    as_text = isinstance(value, str) if as_text is None else as_text
    return fingerprint(clean_text(value) if isinstance(value, str) else value, as_text=as_text)


def stored(value: Any) -> Any:
    """A workspace value in comparable form, as it is, before the export alters it."""
    return fingerprint(value, as_text=isinstance(value, str))


@dataclass(frozen=True)
class Sent:
    """What the export wrote for one row: `shown` per column, `stored` where that differed."""

    shown: dict[str, Any]
    stored: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, values: dict[str, Any]) -> Sent:
        """`shown` of every value, and `stored` where it differs: only text the export had to
        alter can differ (a number or date is shown as stored), so only that is computed
        twice (the baseline of a 2,000-card export is ~140,000 values)."""
        cells: dict[str, Any] = {}
        raw: dict[str, Any] = {}
        for k, x in values.items():
            if not isinstance(x, str):
                cells[k] = fingerprint(x)  # = shown(x) = stored(x)
                continue
            if len(x) <= HASHED_ABOVE and x.isascii() and x.isprintable():  # most cells:
                cells[k] = x.strip()  # clean_text keeps it, fingerprint does not hash it
                continue
            text = clean_text(x)
            cells[k] = fingerprint(text, as_text=True)  # = shown(x)
            if text != x and (fp := fingerprint(x, as_text=True)) != cells[k]:
                raw[k] = fp  # = stored(x)
        return cls(cells, raw)

    def stored_value(self, column: str) -> Any:
        return self.stored.get(column, self.shown.get(column, ""))


class Verdict(enum.Enum):
    SAME = "same"  # no edit, or the workspace already holds it: nothing to do
    APPLY = "apply"  # the owner's edit, on a value nobody changed in cxmapper since
    CONFLICT = "conflict"  # edited in the workbook and, differently, in cxmapper


def decide(sent: Sent, column: str, cell: Any, now: Any) -> Verdict:
    """The three-way merge of one cell. `cell` is the workbook's value, `now` the value the
    export would start from today (the column's getter on the current workspace)."""
    workbook = shown(cell, as_text=isinstance(now, str))  # compared in the column's type
    if workbook == sent.shown.get(column, "") or workbook == shown(now):
        return Verdict.SAME
    if stored(now) == sent.stored_value(column):
        return Verdict.APPLY
    return Verdict.CONFLICT
