"""Fuzz benchmark: the whole seeded corpus through the import, with time and memory per input.

    .venv/bin/python benchmarks/bench_fuzz.py [--seed 9] [--n 5000] [--workers 2] [--cli 150]

Every input of `fuzz_corpus.corpus(seed, n)` is imported in a long-lived worker process through
`cxmapper.analysis.tasks.import_events` (what `cxmapper import` runs). Before each input the
worker resets its peak-RSS counter (`/proc/self/clear_refs`), so the VmHWM read afterwards is
that input's peak (including the ~0.3 GB of loaded libraries). A worker past the time limit is
killed and replaced; workers run under RLIMIT_AS so a runaway input cannot take the machine.
Outcomes: ok, refused (a CxError: the one-line message users get), traceback (anything else),
over time (> 20 s), over memory (peak > 1.5 GB or MemoryError), crash (the worker died).

Then `--cli N` inputs (spread over the corpus) run as real `python -m cxmapper import` and
`analyze` commands; stderr is searched for tracebacks, exit codes other than 0/2 are counted, and
a refused import must leave the workspace byte-identical.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from fuzz_corpus import corpus

ROOT = Path(__file__).resolve().parents[1]
TIME_LIMIT = 20.0
MEMORY_LIMIT = 1.5 * 2**30

CHILD = r"""
import gc, json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))
import pyarrow as pa
from cxmapper.analysis.tasks import import_events
from cxmapper.errors import CxError

def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0

print("ready", flush=True)
for line in sys.stdin:
    path = line.rstrip("\n")
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    start = time.perf_counter()
    detail = ""
    try:
        import_events(path)
        outcome = "ok"
    except CxError as exc:
        text = str(exc)
        outcome = "refused" if "\n" not in text and len(text) < 600 else "traceback"
        detail = "" if outcome == "refused" else "multi-line or long message"
    except MemoryError:
        outcome = "over memory"
    except BaseException as exc:
        outcome, detail = "traceback", f"{type(exc).__name__}: {str(exc)[:100]}"
    seconds = time.perf_counter() - start
    gc.collect()
    pa.default_memory_pool().release_unused()
    print(json.dumps({"outcome": outcome, "detail": detail, "seconds": seconds,
                      "peak": peak()}), flush=True)
"""


class Worker:
    """One child process importing inputs sent on stdin; replaced when it hangs or dies."""

    def __init__(self, address_space: int) -> None:
        self.address_space = address_space
        self.proc: subprocess.Popen[str] | None = None

    def _start(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(self.address_space)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, env=env, cwd=ROOT,
        )  # fmt: skip
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == "ready"

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def run(self, path: Path, timeout: float) -> dict:
        if self.proc is None:
            self._start()
        assert self.proc is not None and self.proc.stdin and self.proc.stdout
        start = time.perf_counter()
        try:
            self.proc.stdin.write(f"{path}\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            self.stop()
            return {"outcome": "crash", "detail": "worker gone", "seconds": 0.0, "peak": 0}
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            self.stop()
            seconds = time.perf_counter() - start
            return {"outcome": "over time", "detail": "", "seconds": seconds, "peak": 0}
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait()
            self.proc = None
            return {"outcome": "crash", "detail": f"exit {code}", "seconds": 0.0, "peak": 0}
        return json.loads(line)


def run_corpus(paths: list[Path], workers: int, timeout: float) -> list[tuple[Path, dict]]:
    todo: queue.Queue[Path] = queue.Queue()
    for p in paths:
        todo.put(p)
    results: list[tuple[Path, dict]] = []
    lock = threading.Lock()

    def loop() -> None:
        worker = Worker(address_space=8 * 2**30)
        try:
            while True:
                try:
                    path = todo.get_nowait()
                except queue.Empty:
                    return
                result = worker.run(path, timeout)
                if result["outcome"] == "ok" and result["peak"] > MEMORY_LIMIT:
                    result["outcome"] = "over memory"
                if result["outcome"] == "ok" and result["seconds"] > TIME_LIMIT:
                    result["outcome"] = "over time"
                with lock:
                    results.append((path, result))
                    if len(results) % 500 == 0:
                        print(f"  {len(results):,} / {len(paths):,}", flush=True)
        finally:
            worker.stop()

    threads = [threading.Thread(target=loop) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def report(results: list[tuple[Path, dict]]) -> None:
    counts = Counter(r["outcome"] for _, r in results)
    slowest = max(results, key=lambda pr: pr[1]["seconds"])
    biggest = max(results, key=lambda pr: pr[1]["peak"])
    over = sum(1 for _, r in results if r["seconds"] > TIME_LIMIT or r["outcome"] == "over time")
    print(f"inputs {len(results):,}")
    for key in ("ok", "refused", "traceback", "over time", "over memory", "crash"):
        print(f"  {key:<12} {counts.get(key, 0):,}")
    print(f"runs over {TIME_LIMIT:.0f} s: {over}")
    print(f"slowest input: {slowest[0].name} {slowest[1]['seconds']:.2f} s")
    print(f"max peak memory: {biggest[1]['peak'] / 2**20:,.0f} MB ({biggest[0].name})")
    kinds = Counter(r["detail"] for _, r in results if r["outcome"] in ("traceback", "crash"))
    for detail, n in kinds.most_common(15):
        print(f"  {n:>4} x {detail}")


def run_cli(paths: list[Path], workdir: Path, workers: int) -> None:
    """Real `python -m cxmapper import/analyze` runs: tracebacks, odd exit codes, touched files."""
    pristine = workdir / "pristine.cxmap"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "cxmapper", "demo", str(pristine)], env=env,
                   check=True, capture_output=True)  # fmt: skip

    def one(i: int, path: Path) -> dict:
        if i % 2:
            cmd, ws = ["analyze", str(path)], None
        else:
            ws = workdir / f"w{i}.cxmap"
            shutil.copyfile(pristine, ws)
            cmd = ["import", str(ws), str(path)]
        done = subprocess.run([sys.executable, "-m", "cxmapper", *cmd], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
        changed = (
            ws is not None and done.returncode != 0 and ws.read_bytes() != pristine.read_bytes()
        )
        err = done.stderr
        return {
            "traceback": "Traceback (most recent call last)" in err or "Exception ignored" in err,
            "code": done.returncode,
            "multiline": done.returncode == 2 and err.count("\n") > 1,
            "changed": changed,
            "name": path.name,
        }

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(workers) as pool:
        runs = list(pool.map(lambda ip: one(*ip), enumerate(paths)))
    codes = Counter(r["code"] for r in runs)
    print(f"CLI runs {len(runs)} (import and analyze alternating); exit codes {dict(codes)}")
    print(f"  stderr tracebacks {sum(r['traceback'] for r in runs)}")
    print(f"  exit codes other than 0/2: {sum(r['code'] not in (0, 2) for r in runs)}")
    print(f"  errors longer than one line: {sum(r['multiline'] for r in runs)}")
    print(f"  refused imports that changed the workspace: {sum(r['changed'] for r in runs)}")
    for r in runs:
        if r["traceback"] or r["code"] not in (0, 2) or r["multiline"] or r["changed"]:
            print(f"  ! {r['name']}: exit {r['code']}")


def _cli_sample(paths: list[Path], n: int) -> list[Path]:
    """One input of each mutation kind (heavy ones included), then evenly spread ones."""
    chosen: dict[str, Path] = {}
    for p in paths:
        chosen.setdefault(p.name.split("-", 1)[1].split(".")[0], p)
    picked = list(chosen.values())[:n]
    step = max(1, len(paths) // n)
    for p in paths[::step]:
        if len(picked) >= n:
            break
        if p not in picked:
            picked.append(p)
    return picked


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0, help="kill an input after this")
    ap.add_argument("--cli", type=int, default=150, help="CLI subprocess runs (0: none)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="cxfuzz-") as tmp:
        workdir = Path(tmp)
        start = time.perf_counter()
        paths = [case.write(workdir) for case in corpus(args.seed, args.n)]
        print(f"generated {len(paths):,} inputs in {time.perf_counter() - start:.1f} s "
              f"(seed {args.seed})")  # fmt: skip
        start = time.perf_counter()
        results = run_corpus(paths, args.workers, args.timeout)
        print(f"ran them in {time.perf_counter() - start:.0f} s with {args.workers} workers")
        report(sorted(results, key=lambda pr: pr[0].name))
        if args.cli:
            run_cli(_cli_sample(paths, args.cli), workdir, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
