"""Benchmark: import and link 100,000 survey responses against the demo's journey (< 2 s).

    .venv/bin/python benchmarks/bench_feedback.py [--responses N] [--repeat N]

Writes the demo workspace with its event log stored as a dataset, and a survey CSV of N
responses tied to the demo's cases (comments in Italian and English, some with contact details
to mask, a third with an explicit touchpoint). Timed, libraries loaded (as in the running app):
read + validate + mask + encode the survey, store it in the workspace (one undoable step, as
`cxmapper import-survey` does), load the stored event log, prepare it for the journey, link
every response (case, explicit column, last event in the window). Prints each step and the
total; the median of the repeats is the figure. Then, once, the whole feedback report on the
stored responses (figures per card, topics, drivers, verdicts: what `cxmapper feedback` and
the app's badges compute), which is not part of the target.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cxmapper.analysis import dataset_codec
from cxmapper.analysis.prepared import prepare
from cxmapper.analysis.tasks import import_events, load_frame
from cxmapper.analysis.workspace_adapter import journey_spec
from cxmapper.feedback.linking import link_responses
from cxmapper.feedback.report import feedback_report
from cxmapper.feedback.survey_import import read_survey
from cxmapper.model import demo_content
from cxmapper.model.demo import write_demo
from cxmapper.model.workspace import Workspace

START = datetime(2026, 1, 5, tzinfo=UTC)


def write_responses(path: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    texts = [
        t for by_lang in demo_content.VERBATIMS.values() for ts in by_lang.values() for t in ts
    ]
    events = ["order_confirmed", "checkout_payment", "Cart", "track_parcel", ""]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["case_id", "date", "nps", "comment", "lang", "touchpoint", "segment"])
        for _ in range(n):
            case = f"P{rng.randrange(7000):05d}" if rng.random() < 0.7 else f"S{rng.randrange(3200):05d}"  # fmt: skip
            when = START + timedelta(seconds=rng.uniform(0, 190 * 86400))
            text = rng.choice(texts) if rng.random() < 0.7 else ""
            if text and rng.random() < 0.03:
                text += rng.choice(demo_content.CONTACT_TAILS)
            tp = rng.choice(events) if rng.random() < 0.33 else ""
            w.writerow([case, when.strftime("%Y-%m-%dT%H:%M:%SZ"), rng.randrange(11), text,
                        rng.choice(("it", "en")), tp, rng.choice(("new", "returning"))])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ws_path = Path(tmp) / "demo.cxmap"
        log = write_demo(ws_path)
        survey = Path(tmp) / "survey.csv"
        write_responses(survey, args.responses)
        with Workspace.open(ws_path) as ws:
            ds = import_events(log).add_to(ws)
            journey = ws.find_journey("Online purchase")
            spec = journey_spec(ws, journey.id)
            totals: list[float] = []
            for run in range(args.repeat):
                t0 = time.perf_counter()
                imported = read_survey(survey)
                payload = dataset_codec.encode(imported.frame)
                t1 = time.perf_counter()
                stored = imported.add_to(ws)
                t2 = time.perf_counter()
                frame = load_frame(ws, ds.id)
                p = prepare(frame, spec)
                t3 = time.perf_counter()
                linked = link_responses(imported.frame, p)
                t4 = time.perf_counter()
                totals.append(t4 - t0)
                print(
                    f"run {run + 1}: import {t1 - t0:.3f} s (read, validate, mask, encode "
                    f"{len(payload) / 1e6:.1f} MB), store {t2 - t1:.3f} s, load + prepare log "
                    f"{t3 - t2:.3f} s, link {t4 - t3:.3f} s, total {t4 - t0:.3f} s"
                )
                if run + 1 < args.repeat:
                    ws.remove("survey", stored.id)  # each run imports into the same state
            t5 = time.perf_counter()
            report = feedback_report(ws, journey.id)
            t6 = time.perf_counter()
        print(
            f"whole feedback report of the stored responses (not in the target): {t6 - t5:.3f} s"
            f" ({len(report.per_touchpoint)} cards with answers, {len(report.drivers)} drivers)"
        )
        masked = ", ".join(f"{k} {v}" for k, v in imported.masked.items())
        print(
            f"{imported.n_responses:,} responses, {linked.share_linked():.1%} linked to a card, "
            f"{linked.share_case():.1%} to a case; masked {masked}"
        )
        print(
            f"import + link, median of {args.repeat}: {statistics.median(totals):.3f} s "
            f"(fastest {min(totals):.3f} s; target < 2 s)"
        )


if __name__ == "__main__":
    main()
