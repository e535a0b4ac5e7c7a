"""Every workspace command over every hostile workspace, as real processes; prints the counts.

    python benchmarks/bench_hostile.py [--seed N] [--in-process] [--commands info,import ...]

Targets (issue 9): 0 tracebacks, 0 runs over 20 s, every refusal one line with exit code 2 and
the workspace byte-identical; a workspace locked by another program reported quickly (the
seconds of the lock cases are printed). The workspaces come from tests/hostile/make_hostile.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hostile import runner
from tests.hostile.make_hostile import make_all


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--in-process", action="store_true", help="faster, no process start")
    parser.add_argument(
        "--commands", help="comma-separated subset of: " + ", ".join(runner.COMMANDS)
    )
    args = parser.parse_args()
    commands = args.commands.split(",") if args.commands else list(runner.COMMANDS)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        hostile = make_all(Path(tmp) / "cases", args.seed)
        print(f"{len(hostile.cases)} hostile workspaces, {len(commands)} commands "
              f"({'in-process' if args.in_process else 'one process per run'})")  # fmt: skip
        outcomes = []
        for case in hostile.cases:
            for command in commands:
                o = runner.run(
                    case, command, hostile, Path(tmp) / "run", process=not args.in_process
                )
                outcomes.append(o)
                if o.problems:
                    print(f"  PROBLEM {o.case} / {o.command}: {'; '.join(o.problems)}")
    codes = Counter(o.code for o in outcomes)
    tracebacks = sum("traceback" in o.problems for o in outcomes)
    slow = [o for o in outcomes if o.seconds > 20]
    locked = [o.seconds for o in outcomes if o.case.startswith("locked-") and o.code == 2]
    print(f"runs: {len(outcomes)}  exit 0: {codes[0]}  exit 2 (refused): {codes[2]}  "
          f"other exit codes: {len(outcomes) - codes[0] - codes[2]}")  # fmt: skip
    print(
        f"tracebacks: {tracebacks}  runs breaking a promise: {sum(bool(o.problems) for o in outcomes)}"
    )
    print(f"runs over 20 s: {len(slow)}  slowest run: {max(o.seconds for o in outcomes):.2f} s  "
          f"refused workspaces changed: {sum(o.changed and o.code == 2 for o in outcomes)}")  # fmt: skip
    if locked:
        print(f"locked workspace reported in {min(locked):.2f}-{max(locked):.2f} s "
              f"({len(locked)} runs)")  # fmt: skip
    print(f"total {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
