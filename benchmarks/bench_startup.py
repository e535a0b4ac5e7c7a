"""Cold start of `python -m cxmapper WORKSPACE` to the first painted window.

Workshops open the app in front of a room, so start-up has a budget: < 1.5 s on 2 cores.
Each run is a fresh process with CXMAPPER_EXIT_AFTER_PAINT=1: the app prints the seconds from
process start to its first paint and quits; the subprocess wall time is measured too.
Settings go to a temporary folder so the user's recent files are not touched.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--platform offscreen|xcb] [PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bytecode import precompile

BUDGET_S = 1.5


def run_once(workspace: Path, platform: str, settings_dir: Path) -> tuple[float, float]:
    env = dict(os.environ, CXMAPPER_EXIT_AFTER_PAINT="1", QT_QPA_PLATFORM=platform,
               CXMAPPER_SETTINGS_DIR=str(settings_dir))  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cxmapper", str(workspace)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    wall = time.perf_counter() - start
    match = re.search(r"first paint after ([0-9.]+) s", done.stdout)
    if done.returncode != 0 or match is None:
        raise SystemExit(f"app failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    return float(match.group(1)), wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", nargs="?", type=Path, help="default: a fresh demo workspace")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    precompile()
    with tempfile.TemporaryDirectory() as tmp:
        workspace = args.workspace
        if workspace is None:
            from cxmapper.model.demo import write_demo

            workspace = Path(tmp) / "demo.cxmap"
            write_demo(workspace)
        settings_dir = Path(tmp) / "settings"
        run_once(workspace, args.platform, settings_dir)  # warm the OS file cache once
        results = [run_once(workspace, args.platform, settings_dir) for _ in range(args.runs)]
    paint = [r[0] for r in results]
    wall = [r[1] for r in results]
    print(f"platform {args.platform}, {args.runs} runs, {os.cpu_count()} CPUs, {workspace.name}")
    print(
        f"first paint: median {statistics.median(paint):.3f} s  min {min(paint):.3f}  max {max(paint):.3f}"
    )
    print(
        f"process wall: median {statistics.median(wall):.3f} s  min {min(wall):.3f}  max {max(wall):.3f}"
    )
    verdict = "OK" if statistics.median(paint) < BUDGET_S else "OVER BUDGET"
    print(f"budget {BUDGET_S} s to first paint: {verdict}")
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
