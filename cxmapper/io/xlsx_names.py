"""How the import finds sheets and columns: by stable key, never by today's label.

A format-3 workbook records in its hidden sheet which title it gave each sheet key and which
header it wrote for each column key; the import reads those, so a label changed (or
translated) after the export, or between two cxmapper installations, does not matter.
Formats 1 and 2 recorded neither and keyed their baseline by the English header: their titles
and headers are frozen here as they were written, and their baseline is re-keyed on reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxmapper.io.xlsx_merge import Sent

# Formats 1-2: sheet titles and column headers exactly as those versions wrote them. Frozen:
# never derived from the label catalogue, which may change.
LEGACY_SHEETS: dict[str, str] = {
    "overview": "Overview", "map": "Map", "friction_map": "Friction map",
    "touchpoints": "Touchpoints", "kpis": "KPIs", "kpi_history": "KPI history",
    "governance": "Governance", "friction": "Friction", "actions": "Actions",
    "comments": "Comments",
}  # fmt: skip
LEGACY_COLUMNS: dict[str, str] = {  # header -> key; one meaning per header in every table
    "Touchpoint ID": "touchpoint_id", "Action ID": "action_id", "Comment ID": "comment_id",
    "Reading ID": "reading_id", "KPI ID": "kpi_id", "Touchpoint": "touchpoint", "Stage": "stage",
    "Lane": "lane", "Order": "order", "Title": "title", "Description": "description",
    "Channel": "channel", "Component": "component", "Emotion": "emotion", "Tags": "tags",
    "Owner": "owner", "Goal": "goal", "Match events": "match_events",
    "Match patterns": "match_patterns", "Accountable": "accountable", "Key KPI": "key_kpi",
    "KPI status": "kpi_status", "Impact": "impact", "Effort": "effort", "Priority": "priority",
    "Status": "status", "Due date": "due_date", "Created": "created", "Author": "author",
    "Time": "time", "Comment": "comment", "Resolved": "resolved", "KPI": "kpi", "Value": "value",
    "Unit": "unit", "Measured at": "measured_at", "Source": "source",
    "Reported by": "reported_by", "Direction": "direction", "Target": "target",
    "Tolerance": "tolerance", "Responsible": "responsible",
    "Touchpoints measured": "touchpoints_measured", "Latest value": "latest_value",
    "KPI owner": "kpi_owner", "New value": "new_value", "New date": "new_date", "Check": "check",
}  # fmt: skip
KEYED_SINCE = 3  # the first format that records titles and headers and keys its baseline
UNKEYED_TABLES = ("RACI",)  # baseline keyed by party id, not by header, in every format


@dataclass
class WorkbookNames:
    """The sheet titles and column headers one workbook was written with, by key."""

    sheets: dict[str, str]
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # table -> key -> header
    legacy: bool = False
    # table -> column key -> word as written -> stored key: the words a workbook showed for
    # choice values (yes/no, statuses), in its own language; absent before they were words
    words: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, version: int, header: dict[str, Any]) -> WorkbookNames:
        if version >= KEYED_SINCE:
            return cls(dict(header.get("sheets", {})), dict(header.get("columns", {})),
                       words=dict(header.get("words", {})))  # fmt: skip
        return cls(dict(LEGACY_SHEETS), legacy=True)

    def sheet(self, key: str) -> str:
        """The title the workbook gave the sheet `key` (falls back to the format-2 title)."""
        return self.sheets.get(key, LEGACY_SHEETS.get(key, key))

    def keys_of(self, table: str) -> dict[str, str]:
        """Header as written -> column key, for one table."""
        if self.legacy:
            return LEGACY_COLUMNS
        return {h: k for k, h in self.columns.get(table, {}).items()}

    def header(self, table: str, key: str) -> str:
        """The header the workbook wrote for column `key` of `table`."""
        if self.legacy:
            return next(h for h, k in LEGACY_COLUMNS.items() if k == key)
        return self.columns.get(table, {}).get(key, key)


def rekey_baseline(baseline: dict[tuple[str, str], Sent]) -> dict[tuple[str, str], Sent]:
    """A format 1-2 baseline (cells by English header) keyed by column key, like format 3."""

    def rekey(cells: dict[str, Any]) -> dict[str, Any]:
        return {LEGACY_COLUMNS.get(h, h): x for h, x in cells.items()}

    return {
        (table, row): sent if table in UNKEYED_TABLES else Sent(rekey(sent.shown), rekey(sent.stored))
        for (table, row), sent in baseline.items()
    }  # fmt: skip
