"""Keep names from files out of the terminal's control: everything the CLI prints goes through here.

A journey named `ESC]0;...BEL` retitles the terminal when printed raw, and other escape
sequences can move the cursor, hide text or rewrite earlier lines. Workspaces, workbooks and
event logs come from other people, so every character that a terminal would obey rather than
show (C0 and C1 controls, DEL, bidirectional overrides) is printed as a `\\uXXXX` escape. That
form is also a valid JSON escape, so `--json` output stays valid and decodes to the same text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

# C0 controls but tab and newline, DEL and C1 controls, line/paragraph separators, bidi controls
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
# for one value that must stay on its line: tab and newline too
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT.get(char) or f"\\u{ord(char):04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every terminal control character shown as an escape; with `one_line`,
    newlines and tabs too (for a value printed inside a line or a one-line message)."""
    return (_UNSAFE_IN_LINE if one_line else _UNSAFE).sub(_escape, text)


class SafeStream:
    """A text stream that passes everything written through `printable`."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(printable(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, fileno, isatty, encoding...
        return getattr(self.raw, name)


@contextmanager
def safe_output() -> Iterator[None]:
    """Route sys.stdout and sys.stderr through SafeStream while a command runs."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(saved[0]), SafeStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
