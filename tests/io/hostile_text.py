"""A journey whose every field the Excel round trip covers holds text Excel cannot store as
is: longer than a cell, control characters, CRLF and lone CR, tabs, formula-looking starts,
emoji (two UTF-16 units each), trailing spaces, empty text, and NULL next to zero (the
schema allows NULL only in targets, tolerances and owners)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cxmapper.model.workspace import Workspace

CONTROL = "".join(chr(i) for i in range(32))
LONG = "".join(f"{i:05d} " for i in range(7_000))  # 42,000 characters, every tail distinct
HOSTILE = {
    "long": LONG,
    "long emoji": "😀" * 20_000,  # 20,000 characters, 40,000 UTF-16 units
    "control": f"a{CONTROL}b",
    "crlf": "line 1\r\nline 2\r\n",
    "lone cr": "line 1\rline 2",
    "tabs": "\tindented\tand\ttabbed",
    "equals": '=HYPERLINK("http://x","y")',
    "plus": "+49 30 1234",
    "minus": "-5 minus",
    "at": "@channel",
    "emoji": "emoji 😀👍🏽 ok",
    "trailing": "trailing spaces   ",
    "number-like": "007",
    "empty": "",
}
NAMES = {  # names are matched when owners type them: hostile but distinct
    "control": "Ann\x07\r\nOwner",
    "equals": "=Bob",
    "emoji": "Team 😀",
    "trailing": "Carol   ",
}


def build(ws: Workspace) -> dict[str, str]:
    """The journey, its ids by role ('tp:long', 'action:control', ...)."""
    ids: dict[str, str] = {}
    j = ws.add_journey("Hostile\r\n😀 " + CONTROL)
    ids["journey"] = j.id
    stages = [ws.add_stage(j.id, name) for name in ("=Stage\x01", "Stage 2 😀", "Stage\r\n3")]
    lanes = [ws.add_lane(j.id, name, "channel") for name in ("@Lane\x1f", "Lane 2   ")]
    parties = {k: ws.add_party(name, kind="team" if "Team" in name else "person").id
               for k, name in NAMES.items()}  # fmt: skip
    ids.update({f"party:{k}": pid for k, pid in parties.items()})
    ids.update(stage0=stages[0].id, stage1=stages[1].id, stage2=stages[2].id)
    ids.update(lane0=lanes[0].id, lane1=lanes[1].id)
    kpi = ws.add_kpi("CSAT\x0b " + "😀", unit="\tscore", target=4.2, tolerance=0.25,
                     owner_id=parties["control"])  # fmt: skip
    kpi2 = ws.add_kpi("=Conversion", unit="%", target=None, tolerance=None, owner_id=None)
    kpi3 = ws.add_kpi("Zero\r\nwait", unit="", target=0.0, tolerance=0.0, direction="lower")
    ids.update(kpi=kpi.id, kpi2=kpi2.id, kpi3=kpi3.id)
    owners = list(parties.values())
    for n, (key, text) in enumerate(HOSTILE.items()):
        tp = ws.add_touchpoint(
            stages[n % 3].id, lanes[n % 2].id, f"{key}: {text}" if text else key,
            description=text, channel=text[:40_000], tags=[text] if text.strip() else [],
            owner_id=owners[n % len(owners)] if text else None, emotion=(n % 5) - 2, is_goal=n % 4 == 0,
            match_events=[text] if text.strip() else [], match_patterns=[text[:100]] if text.strip() else [],
        )  # fmt: skip
        ids[f"tp:{key}"] = tp.id
        ws.add_reading(tp.id, kpi.id, 3.5 + n / 10, measured_at="2026-01-01T00:00:00+00:00")
        ws.assign(tp.id, owners[n % len(owners)], "A")
        action = ws.add_action(tp.id, f"{key}: {text}" if text else key, description=text,
                               owner_id=owners[(n + 1) % len(owners)] if text else None, impact=1 + n % 5,
                               effort=1 + (n * 2) % 5, due_date="2026-06-30" if n % 2 else "")  # fmt: skip
        ids[f"action:{key}"] = action.id
        comment = ws.add_comment(tp.id, "Ann", text or "empty", resolved=n % 3 == 0,
                                 created_at="2026-02-01T10:00:00+00:00")  # fmt: skip
        ids[f"comment:{key}"] = comment.id
    ws.add_reading(ids["tp:long"], kpi2.id, 2.5, measured_at="2026-01-02T00:00:00+00:00")
    ws.add_reading(ids["tp:control"], kpi3.id, 0.0, measured_at="2026-01-02T00:00:00+00:00")
    return ids


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a fixed order: the workspace's content, compared whole."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        db.close()
