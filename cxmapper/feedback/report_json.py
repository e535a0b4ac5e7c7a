"""The JSON form of a feedback report (CLI `feedback --json`, and the app's exports later)."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from cxmapper.feedback.measures import Figures
from cxmapper.feedback.report import FeedbackReport


def _num(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) else float(f"{value:.6g}")  # p-values stay small
    return value


def figures_dict(f: Figures) -> dict[str, Any]:
    out = {k: _num(v) for k, v in dataclasses.asdict(f).items()}
    out["indicative"] = f.indicative
    return out


def to_json_dict(r: FeedbackReport) -> dict[str, Any]:
    titles = {t.id: t.title for t in r.spec.touchpoints}
    cards = []
    for t in r.spec.touchpoints:
        f = r.per_touchpoint.get(t.id)
        if f is None:
            continue
        cards.append(
            {
                "id": t.id,
                "title": t.title,
                **figures_dict(f),
                "topics": [
                    {
                        "topic": s.topic,
                        "count": s.count,
                        "negative_share": round(s.negative_share, 4),
                        "examples": s.examples,
                    }
                    for s in r.topics.get(t.id, [])
                ],
            }
        )
    return {
        "journey_id": r.journey_id,
        "scale": r.scale,
        "n_responses": len(r.responses),
        "share_linked_case": _num(r.linked.share_case()),
        "share_linked": _num(r.linked.share_linked()),
        "not_linked": [
            {"reason": why, "responses": n, "examples": r.linked.examples.get(why, [])}
            for why, n in r.linked.reasons.items()
        ],
        "journey": figures_dict(r.journey),
        "touchpoints": cards,
        "stages": [{"stage_index": int(k), **figures_dict(f)} for k, f in r.per_stage.items()],
        "segments": {
            a: [{"value": str(k), **figures_dict(f)} for k, f in groups.items()]
            for a, groups in r.per_segment.items()
        },
        "periods": [{"period": str(k), **figures_dict(f)} for k, f in r.per_period.items()],
        "drivers": [
            {
                **{k: _num(v) for k, v in dataclasses.asdict(d).items()},
                "indicative": d.indicative,
            }
            for d in r.drivers
        ],
        "actions": [
            {
                "action_id": a.action_id,
                "title": a.title,
                "touchpoint_id": a.touchpoint_id,
                "touchpoint": titles.get(a.touchpoint_id, ""),
                "done_on": a.done_on,
                "verdict": a.verdict.verdict,
                "measure": a.verdict.measure,
                "effect": _num(a.verdict.effect),
                "p_value": _num(a.verdict.p_value),
                "before": list(a.verdict.before),
                "after": list(a.verdict.after),
                "measures": [
                    {
                        "measure": m.measure,
                        "verdict": m.verdict,
                        **{k: _num(v) for k, v in dataclasses.asdict(m.comparison).items()},
                    }
                    for m in a.verdict.measures
                ],
            }
            for a in r.verdicts
        ],
        "experiments": [
            {
                "control": x.control,
                "variant": x.variant,
                "conversion": _cmp(x.conversion),
                "journey_seconds": _cmp(x.journey_seconds),
                "dropoff": {titles.get(k, k): _cmp(c) for k, c in x.dropoff.items()},
                "needed_per_group": x.needed_per_group,
                "enough": x.enough,
            }
            for x in r.experiments
        ],
        "notes": r.notes,
    }


def _cmp(c: Any) -> dict[str, Any]:
    return {k: _num(v) for k, v in dataclasses.asdict(c).items()}
