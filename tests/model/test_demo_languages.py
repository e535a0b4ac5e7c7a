"""`cxmapper demo PATH --lang it` writes the demo in Italian, and it analyses exactly like the
English one; the journey templates exist in both languages under the same keys."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxmapper.analysis.report import to_json_dict
from cxmapper.analysis.tasks import AnalysisRequest, import_events, run_analysis
from cxmapper.cli import main
from cxmapper.model import demo_content as content
from cxmapper.model.demo import LANES, survey_path_for
from cxmapper.model.demo_it import ITALIAN as DEMO_IT
from cxmapper.model.templates import TEMPLATES, apply_template, new_blank_journey, template_in
from cxmapper.model.templates_it import ITALIAN as TEMPLATES_IT
from cxmapper.model.workspace import Workspace
from cxmapper.present import language

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("model/test_demo_languages")

# the same word in both languages: loanwords and names people use in Italian too
SAME_WORD = {"Web", "App", "E-mail", "Chat", "Social", "Chatbot", "E-commerce", "Marketing",
             "NPS", "CSAT", "CES"}  # fmt: skip


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    language.use_language("en")


def _demo_texts() -> list[str]:
    """Every text of the demo that people read (names of people excepted)."""
    texts = [name for name, _ in LANES]
    for team, role in content.TEAMS.items():
        texts += [team, role]
    texts += [role for _, role, _ in content.PEOPLE]
    texts += [k[0] for k in content.KPIS] + [k[6] for k in content.KPIS]
    for spec in (content.PURCHASE, content.SUPPORT):
        texts += [spec["name"], spec["description"], *spec["persona"], *spec["stages"]]
        texts += [tp[2] for tp in spec["touchpoints"]]
    texts += [c[2] for c in content.COMMENTS] + [a[1] for a in content.ACTIONS]
    texts += [v for d in content.VERBATIMS.values() for v in d["en"]]
    return texts


def _template_texts() -> list[str]:
    texts: list[str] = []
    for t in TEMPLATES.values():
        texts += [t.name, t.description, *t.stages, *t.channels, *(c.title for c in t.cards)]
        texts += [name for name, _ in t.lanes]
    return texts


def test_every_demo_and_template_text_has_an_italian_entry() -> None:
    missing = [t for t in _demo_texts() if t not in DEMO_IT and t not in SAME_WORD]
    assert missing == []
    missing = [t for t in _template_texts() if t not in TEMPLATES_IT]
    assert missing == []


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("demos")
    paths = {}
    for lang in ("en", "it"):
        paths[lang] = tmp / f"demo-{lang}.cxmap"
        assert main(["--lang", lang, "demo", str(paths[lang])]) == 0
    language.use_language("en")
    return paths


def _workspace_texts(path: Path) -> dict[str, list[str]]:
    with Workspace.open(path) as ws:
        out: dict[str, list[str]] = {"journeys": [], "stages": [], "lanes": [], "cards": []}
        for j in ws.journeys():
            out["journeys"] += [j.name, j.description]
            out["stages"] += [s.name for s in ws.stages(j.id)]
            out["lanes"] += [lane.name for lane in ws.lanes(j.id)]
            out["cards"] += [t.title for t in ws.touchpoints(j.id)]
        out["comments"] = [c.text for c in ws.comments()]
        out["actions"] = [a.title for a in ws.actions()]
        out["kpis"] = [k.name for k in ws.kpis()]
        out["personas"] = [p.name for p in ws.personas()]
        return out


def test_the_italian_demo_has_no_english_texts(demos: dict[str, Path]) -> None:
    english = set(_demo_texts()) - SAME_WORD
    italian = _workspace_texts(demos["it"])
    for what, texts in italian.items():
        assert texts, what
        assert sorted(set(texts) & english) == [], what
    assert "Cassa: pagamento" in italian["cards"]
    assert "Acquisto online" in italian["journeys"]
    # the English demo really is English (the check above is not vacuous)
    assert "Checkout: payment" in _workspace_texts(demos["en"])["cards"]


def test_the_italian_survey_comments_are_italian(demos: dict[str, Path]) -> None:
    english = {v for d in content.VERBATIMS.values() for v in d["en"]}

    def rows(path: Path) -> list[dict[str, str]]:
        with survey_path_for(path).open(encoding="utf-8") as f:
            return list(csv.DictReader(f))

    en, it = rows(demos["en"]), rows(demos["it"])
    assert any(r["comment"] in english for r in en)
    assert not any(r["comment"].split(" Call me")[0] in english for r in it)
    assert {r["lang"] for r in it} == {"it"}
    assert sum(bool(r["comment"]) for r in it) > 1000
    # the same respondents with the same scores: only the words changed
    key = ("case_id", "date", "nps", "csat", "ces")
    assert [tuple(r[k] for k in key) for r in en] == [tuple(r[k] for k in key) for r in it]


def _figures(path: Path, index: int) -> dict[str, Any]:
    """The analysis JSON of the demo's journey `index`, with ids and titles replaced by the
    card's position, so two workspaces with other ids and words can be compared."""
    log = path.with_name(f"{path.stem}-events.csv")
    with Workspace.open(path) as ws:
        stored = import_events(log).add_to(ws)
        journey = ws.journeys()[index]
        names = {t.id: f"card{i}" for i, t in enumerate(ws.touchpoints(journey.id))}
        names.update({t.title: f"card{i}" for i, t in enumerate(ws.touchpoints(journey.id))})
    result = run_analysis(AnalysisRequest(str(path), journey.id, stored.id))
    data = to_json_dict(result.report)
    # the top-10 list breaks ties at its end by title (language-dependent): keep its scores,
    # and compare every card's friction from the full table instead
    data["friction"] = sorted(f["score"] for f in data["friction"])  # type: ignore[union-attr]
    data["friction_all"] = json.loads(result.friction.to_json(orient="index"))
    text = json.dumps(data, sort_keys=True)
    for old in sorted(names, key=len, reverse=True):
        text = text.replace(json.dumps(old)[1:-1], names[old])
    data = json.loads(text)
    # rows with equal figures are listed by title, which differs by language: compare as sets
    return {k: sorted(v, key=json.dumps) if isinstance(v, list) else v for k, v in data.items()}


@pytest.mark.parametrize("index", [0, 1])
def test_the_italian_demo_analyses_like_the_english_one(demos: dict[str, Path], index: int) -> None:
    en, it = _figures(demos["en"], index), _figures(demos["it"], index)
    assert en["n_events"] > 1000 and en["friction"]
    assert it == en


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_templates_in_italian_keep_the_structure(key: str, memory_ws: Workspace) -> None:
    english, italian = TEMPLATES[key], template_in(key, "it")
    assert italian.key == english.key and italian.name != english.name
    journey = apply_template(memory_ws, key, lang="it")
    assert journey.name == italian.name
    stages = memory_ws.stages(journey.id)
    assert [s.name for s in stages] == list(italian.stages)
    titles = [t.title for t in memory_ws.touchpoints(journey.id)]
    assert sorted(titles) == sorted(c.title for c in italian.cards)  # listed by grid place
    assert not set(titles) & {c.title for c in english.cards}
    lanes = {lane.name for lane in memory_ws.lanes(journey.id)}
    assert "Punti critici" in lanes and "Pain points" not in lanes
    assert [c.emotion for c in italian.cards] == [c.emotion for c in english.cards]


def test_templates_follow_the_current_language(memory_ws: Workspace) -> None:
    language.use_language("it")
    journey = apply_template(memory_ws, "ecommerce")
    assert journey.name == "Acquisto e-commerce"
    blank = new_blank_journey(memory_ws, "Vuoto")
    assert [s.name for s in memory_ws.stages(blank.id)] == ["Fase 1", "Fase 2", "Fase 3"]
    language.use_language("en")
    assert apply_template(memory_ws, "ecommerce").name == "E-commerce purchase"
