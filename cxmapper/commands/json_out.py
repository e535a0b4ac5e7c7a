"""Write a command's JSON result to a file or to standard output ('-'): one place for the
format (indented, UTF-8 kept), for writing atomically (a reader never sees half a file, an
interrupted run leaves the old file) and for the one-line error when it cannot be written."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxmapper.io.atomic import atomic_write
from cxmapper.present.labels import _


def write_json(
    data: Any,
    target: str,
    *,
    announce: bool = False,
    default: Callable[[Any], Any] | None = None,
) -> None:
    """`announce` prints "wrote TARGET" after a file is written (the governance commands do);
    `default` turns values JSON does not know (dates) into something it does."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=default)
    if target == "-":
        sys.stdout.write(text + "\n")
        return

    def write(tmp: Path) -> None:
        tmp.write_text(text + "\n", encoding="utf-8")

    atomic_write(target, write)
    if announce:
        print(_("wrote {path}").format(path=target))
