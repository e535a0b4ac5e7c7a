"""150 % scale on a 1366x768 laptop screen (911x512 logical pixels): nothing clips. The
factor is read once when Qt starts, so each language runs `clip_probe.py` in a child process
with QT_SCALE_FACTOR=1.5 and an offscreen screen of that size; the probe walks the main
window, every inspector and analysis tab and the main dialogs (see its docstring)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "it"])
def test_nothing_clips_at_150_percent(tmp_path: Path, lang: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "1.5",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "ui" / "clip_probe.py"), str(tmp_path), lang],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["scale"] == 1.5 and report["size"] == [911, 512]
    assert report["clipped"] == []
