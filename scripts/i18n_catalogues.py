"""Extracts the headless texts into cxmapper/locale/cxmapper.pot and merges them into each .po.

Why a stdlib script (not babel/xgettext): the texts are marked `N_("...")` / `_("...")` with
string literals, which Python's `ast` finds exactly; no new dependency or system tool is needed.
Usage: `python scripts/i18n_catalogues.py` (rewrite .pot, merge .po: new texts untranslated,
texts no longer in the code dropped), `--compile` (also write the .mo files), `--check`
(exit 1 if the .pot or a .po is stale; what the test runs). cxmapper/ui/ uses Qt catalogues.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cxmapper.present.language import LOCALE_DIR, SUPPORTED, mo_path, po_path  # noqa: E402
from cxmapper.present.po_files import po_header, read_po, write_mo  # noqa: E402

SKIP = ("ui",)
MARKERS = ("N_", "_")


def extract(package: Path = ROOT / "cxmapper") -> dict[str, list[str]]:
    """msgid -> source files, in first-seen order."""
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        if rel.parts[0] in SKIP:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = f"cxmapper/{rel.as_posix()}"  # no line: edits elsewhere stay clean
                places = found.setdefault(node.args[0].value, [])
                if where not in places:
                    places.append(where)
    return found


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def render(found: dict[str, list[str]], translated: dict[str, str] | None, code: str) -> str:
    header = po_header(code if translated is not None else "LANGUAGE")[""]
    lines = ['msgid ""', 'msgstr ""']
    lines += [_quote(h + "\n") for h in header.rstrip("\n").split("\n")]
    for msgid in sorted(found):
        lines.append("")
        lines.append("#: " + " ".join(found[msgid][:3]))
        lines.append(f"msgid {_quote(msgid)}")
        lines.append(f"msgstr {_quote((translated or {}).get(msgid, ''))}")
    return "\n".join(lines) + "\n"


def outputs() -> dict[Path, str]:
    """Every catalogue file as it should read for today's code."""
    found = extract()
    files = {LOCALE_DIR / "cxmapper.pot": render(found, None, "")}
    for code in SUPPORTED:
        if code == "en":
            continue
        po = po_path(code)
        entries = read_po(po) if po.exists() else []
        old = {e.msgid: e.msgstr for e in entries if e.msgid and "fuzzy" not in e.flags}
        files[po] = render(found, old, code)
    return files


def main(argv: list[str]) -> int:
    files = outputs()
    if "--check" in argv:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text("utf-8") != text]
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}; run python scripts/i18n_catalogues.py")
        return 1 if stale else 0
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if "--compile" in argv:
        for code in SUPPORTED:
            if code != "en":
                entries = read_po(po_path(code))
                messages = {e.msgid: e.msgstr for e in entries if e.msgstr and e.msgid}
                write_mo({**po_header(code), **messages}, mo_path(code))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
