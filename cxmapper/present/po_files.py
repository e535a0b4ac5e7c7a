"""Reading `.po` catalogues and writing `.mo` files with the standard library alone.

Why: the translations' source of truth is the `.po` file (what translators edit, what the tests
check); gettext reads only compiled `.mo`. This module does what GNU `msgfmt` does for the
subset cxmapper uses (plain msgid/msgstr, no plurals, no contexts), so neither a build machine
nor a user needs gettext tools or a new dependency.
"""

from __future__ import annotations

import ast
import struct
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class PoEntry:
    """One message: the English text, its translation ("" when untranslated) and its flags."""

    msgid: str
    msgstr: str = ""
    flags: set[str] = field(default_factory=set)


def _unquote(line: str) -> str:
    return str(ast.literal_eval(line.strip()))


def read_po(path: Path) -> list[PoEntry]:
    """The entries of a `.po` file, header included (msgid "")."""
    entries: list[PoEntry] = []
    current: PoEntry | None = None
    section = ""
    flags: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#,"):
            flags = {f.strip() for f in line[2:].split(",") if f.strip()}
        elif line.startswith("#") or not line:
            continue
        elif line.startswith("msgid "):
            current = PoEntry(_unquote(line[6:]), flags=flags)
            entries.append(current)
            flags, section = set(), "id"
        elif line.startswith("msgstr ") and current is not None:
            current.msgstr, section = _unquote(line[7:]), "str"
        elif line.startswith('"') and current is not None:
            if section == "id":
                current.msgid += _unquote(line)
            else:
                current.msgstr += _unquote(line)
    return entries


def translations(path: Path) -> dict[str, str]:
    """msgid -> msgstr for the translated, non-fuzzy entries (what gettext would use)."""
    return {
        e.msgid: e.msgstr for e in read_po(path) if e.msgid and e.msgstr and "fuzzy" not in e.flags
    }


def mo_bytes(messages: dict[str, str]) -> bytes:
    """A GNU `.mo` file's bytes (the format gettext.GNUTranslations reads)."""
    keys = sorted(messages)
    ids = [k.encode("utf-8") for k in keys]
    strs = [messages[k].encode("utf-8") for k in keys]
    count = len(keys)
    header_size = 7 * 4
    ids_table = header_size
    strs_table = ids_table + count * 8
    data_start = strs_table + count * 8
    offsets_ids: list[tuple[int, int]] = []
    blob = b""
    for encoded in ids:
        offsets_ids.append((len(encoded), data_start + len(blob)))
        blob += encoded + b"\0"
    offsets_strs: list[tuple[int, int]] = []
    for encoded in strs:
        offsets_strs.append((len(encoded), data_start + len(blob)))
        blob += encoded + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, count, ids_table, strs_table, 0, 0)
    for length, offset in offsets_ids + offsets_strs:
        out += struct.pack("<2I", length, offset)
    return out + blob


def write_mo(messages: dict[str, str], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(mo_bytes(messages))


def po_header(language: str) -> dict[str, str]:
    """The header entry gettext needs to read the catalogue as UTF-8."""
    return {
        "": f"Language: {language}\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
    }
