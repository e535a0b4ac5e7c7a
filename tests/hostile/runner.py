"""Run every CLI command that takes a workspace over a hostile case and judge the outcome.

A run passes when no traceback escapes, the exit code is 0 or 2, a refusal is one line on
stderr (short, starting `cxmapper: error:`), nothing printed contains a terminal control
character, and the workspace file is byte-identical after a refusal or a read-only command.
Runs go in-process (fast, for the test suite) or as real `python -m cxmapper` processes (the
benchmark); read-only cases as root need a process without the permission override.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.hostile.make_hostile import Case, HostileSet

COMMANDS: dict[str, tuple[str, ...]] = {
    "info": ("info", "{ws}"),
    "info-json": ("info", "{ws}", "--json"),
    "export-xlsx": ("export", "{ws}", "--xlsx", "{out}/o.xlsx"),
    "export-json": ("export", "{ws}", "--json", "{out}/o.json"),
    "export-png": ("export", "{ws}", "--png", "{out}/o.png", "--dpi", "30"),
    "export-svg": ("export", "{ws}", "--svg", "{out}/o.svg"),
    "export-pdf": ("export", "{ws}", "--pdf", "{out}/o.pdf"),
    "analyze": ("analyze", "{events}", "--workspace", "{ws}", "--journey", "Online"),
    "import": ("import", "{ws}", "{events}"),
    "import-xlsx": ("import-xlsx", "{ws}", "{xlsx}"),
    "import-xlsx-dry": ("import-xlsx", "{ws}", "{xlsx}", "--dry-run"),
    "import-json": ("import-json", "{ws}", "{json}"),
}
WRITES = frozenset({"import", "import-xlsx", "import-json"})
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_MESSAGE = 600


@dataclass
class Outcome:
    case: str
    command: str
    code: int | None
    stdout: str
    stderr: str
    changed: bool
    seconds: float
    problems: list[str] = field(default_factory=list)


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def judge(outcome: Outcome) -> list[str]:
    """What is wrong with one run (empty when it kept every promise)."""
    found = []
    if "Traceback (most recent call last)" in outcome.stderr:
        found.append("traceback")
    if outcome.code not in (0, 2):
        found.append(f"exit code {outcome.code}")
    if outcome.code == 2:
        lines = outcome.stderr.strip().splitlines()
        if len(lines) != 1 or not lines[0].startswith("cxmapper: error:"):
            found.append(f"refusal is not one line: {outcome.stderr[:200]!r}")
        elif len(lines[0]) > MAX_MESSAGE:
            found.append(f"message of {len(lines[0])} characters")
        if outcome.changed:
            found.append("refused but the workspace changed")
    elif outcome.changed and outcome.command not in WRITES:
        found.append("a read-only command changed the workspace")
    for stream in ("stdout", "stderr"):
        hit = CONTROL.search(getattr(outcome, stream))
        if hit:
            found.append(f"control character {hit.group()!r} on {stream}")
    return found


@contextlib.contextmanager
def prepared(case: Case, scratch: Path) -> Iterator[Path]:
    """A private copy of the case's files in `scratch`, locked or read-only as the case says."""
    if scratch.exists():
        _writable(scratch)
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    target = scratch / case.path.name
    if case.path.is_file():
        shutil.copyfile(case.path, target)
    for suffix in case.extras:
        shutil.copyfile(f"{case.path}{suffix}", f"{target}{suffix}")
    for suffix in case.read_only:
        os.chmod(f"{target}{suffix}", 0o444)
    holder = _hold(target, case.holder) if case.holder else None
    try:
        yield target
    finally:
        if holder is not None:
            assert holder.stdin is not None
            holder.stdin.close()
            holder.wait(timeout=30)
        _writable(scratch)


def _writable(folder: Path) -> None:
    for item in folder.iterdir():
        os.chmod(item, 0o644)


def _hold(path: Path, statements: tuple[str, ...]) -> subprocess.Popen[str]:
    """A second process that runs `statements` on `path` and keeps its locks until stdin closes."""
    code = (
        "import sqlite3, sys\n"
        f"conn = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        f"for s in {statements!r}:\n    conn.execute(s)\n"
        "conn.execute('SELECT count(*) FROM sqlite_master').fetchone()\n"
        "print('holding', flush=True)\nsys.stdin.read()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "holding"
    return proc


def argv(command: str, hostile: HostileSet, ws: Path, out: Path) -> list[str]:
    values = {"ws": str(ws), "events": str(hostile.events), "xlsx": str(hostile.workbook),
              "json": str(hostile.json), "out": str(out)}  # fmt: skip
    return [part.format(**values) for part in COMMANDS[command]]


def run(case: Case, command: str, hostile: HostileSet, scratch: Path, *, process: bool) -> Outcome:
    """Run one command over a fresh copy of one case and judge it."""
    with prepared(case, scratch) as ws:
        before = digest(ws)
        args = argv(command, hostile, ws, scratch)
        started = time.perf_counter()
        if process or (case.read_only and os.geteuid() == 0):
            code, out, err = _in_subprocess(args, unprivileged=bool(case.read_only))
        else:
            code, out, err = _in_process(args)
        seconds = time.perf_counter() - started
        outcome = Outcome(case.name, command, code, out, err, digest(ws) != before, seconds)
    outcome.problems = judge(outcome)
    return outcome


def _in_process(args: list[str]) -> tuple[int | None, str, str]:
    from cxmapper.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: int | None = main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception:
            err.write(traceback.format_exc())
            code = None
    return code, out.getvalue(), err.getvalue()


def _in_subprocess(args: list[str], *, unprivileged: bool) -> tuple[int | None, str, str]:
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "cxmapper", *args],
        capture_output=True,
        text=True,
        cwd=repo,
        timeout=120,
        preexec_fn=_drop_file_override if unprivileged and os.geteuid() == 0 else None,
    )
    return result.returncode, result.stdout, result.stderr


def _drop_file_override() -> None:
    """As root, give up the right to ignore file modes, so a 0444 file is read-only here too."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop CAP_DAC_OVERRIDE")
