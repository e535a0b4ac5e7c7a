"""One vocabulary: the model holds keys; the words people read are made in present/labels.py.

A scan of every module under cxmapper/model for what a label catalogue looks like: a module-level
name with LABEL in it, or a module-level function `label` / `*_label`. (Record fields named
`label`, such as a version's or a log entry's, are people's own words, not the app's, and are
not module-level.) Also: the words that moved are in the catalogue.
"""

from __future__ import annotations

import ast
from pathlib import Path

from cxmapper.model import emotions, kpi_kinds
from cxmapper.present import labels

MODEL = Path(__file__).resolve().parents[2] / "cxmapper" / "model"


def _label_definitions(path: Path) -> list[str]:
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef) and (
            node.name == "label" or node.name.endswith("_label")
        ):
            found.append(f"def {node.name}")
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        found += [
            f"{t.id} =" for t in targets if isinstance(t, ast.Name) and "label" in t.id.lower()
        ]
    return found


def test_no_model_module_defines_labels():
    files = sorted(MODEL.rglob("*.py"))
    assert len(files) > 20  # the scan sees the package
    found = [f"{f.relative_to(MODEL)}: {d}" for f in files for d in _label_definitions(f)]
    assert found == []


def test_the_scan_finds_a_label_catalogue(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'CUSTOM_LABEL = "Custom"\n\ndef label(key):\n    return key\n', encoding="utf-8"
    )
    assert _label_definitions(sample) == ["CUSTOM_LABEL =", "def label"]


def test_every_key_has_its_words_in_the_catalogue():
    assert labels.kpi_kind_label(kpi_kinds.KIND_KEYS[0]) == "Custom"
    assert labels.kpi_kind_label("nps") == "NPS (Net Promoter Score)"
    assert set(labels.KPI_KINDS) == set(kpi_kinds.KIND_KEYS)
    assert set(labels.EMOTION_WORDS) == set(emotions.SCORES)
    assert labels.emotion_label(-2) == "−2  very negative"
    assert labels.emotion_short(None) == "not scored"
    assert labels.emotion_choices(emotions.SCORES)[0] == ("Not scored", None)
    assert labels.dropoff_overlay_label(False) == "Exits (no goal card)"
    assert labels.dropoff_overlay_label(True) == labels.overlay_label("dropoff")
