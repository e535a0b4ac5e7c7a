"""Write a command's JSON result to a file or to standard output ('-'): one place for the
format (indented, UTF-8 kept) and for the one-line error when the file cannot be written."""

from __future__ import annotations

import json
import sys
from typing import Any

from cxmapper.errors import CxError


def write_json(data: Any, target: str) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if target == "-":
        sys.stdout.write(text + "\n")
        return
    try:
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    except OSError as exc:
        raise CxError(f"{target}: cannot write ({exc.strerror})") from exc
