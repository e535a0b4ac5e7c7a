"""The canvas diff view and a card's history on the big journey (2,000 touchpoints, 3,000
connectors, built as bench_canvas.py builds it).

Run: .venv/bin/python benchmarks/bench_canvas_diff.py  (offscreen unless QT_QPA_PLATFORM is set)
Prints, over 5 runs each: entering the diff view of a version against now after 60 edits (20
renamed, 20 moved to another stage, 20 removed: diff, plan and the scene rebuilt with its
marks and ghosts), leaving it (the scene rebuilt plain), and reading one card's History tab
rows from the change log.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_canvas import build
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from cxmapper.model.versions import CURRENT, save_version
from cxmapper.model.workspace import Workspace
from cxmapper.ui.canvas import JourneyScene
from cxmapper.ui.inspector.touchpoint_history import card_history
from cxmapper.ui.model_bridge import ModelBridge

RUNS = 5


def main() -> int:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.cxmap"
        journey_id = build(path)
        ws = Workspace.open(path)
        save_version(ws, journey_id, "As-is")
        tps, stages = ws.touchpoints(journey_id), ws.stages(journey_id)
        for t in tps[:20]:
            ws.update("touchpoint", t.id, title=t.title + " (new)")
        for t in tps[20:40]:
            other = next(s for s in stages if s.id != t.stage_id)
            ws.move_touchpoints([t.id], other.id, t.lane_id, 0)
        ws.remove_many("touchpoint", [t.id for t in tps[40:60]])
        scene = JourneyScene()
        scene.set_journey(ws, journey_id, QUndoStack(), ModelBridge(ws, poll_ms=0))
        enter, leave, history = [], [], []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            scene.diff.show("As-is", CURRENT)
            enter.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            scene.diff.leave()
            leave.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            rows = card_history(ws, ws.get("touchpoint", tps[0].id))
            history.append(time.perf_counter() - t0)
        scene.diff.show("As-is", CURRENT)
        print(f"diff view marks: {scene.diff.plan.counts()}")
        for name, values in (("enter the diff view", enter), ("leave it", leave),
                             (f"one card's history ({len(rows)} rows)", history)):  # fmt: skip
            ms = [v * 1000 for v in values]
            print(f"{name}: median {statistics.median(ms):.0f} ms "
                  f"(range {min(ms):.0f}-{max(ms):.0f} ms over {RUNS})")  # fmt: skip
        scene.clear_scene()
        ws.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
