"""Ids, timestamps and the kind of a record: the small helpers every workspace operation uses."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from cxmapper.model.kinds import KINDS


def new_id() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def kind_of(entity: Any) -> str:
    for info in KINDS.values():
        if type(entity) is info.cls:
            return info.name
    raise ValueError(f"not a workspace entity: {entity!r}")
