"""What the canvas and the pictures show for each overlay: heat per card, badge text,
connector widths.

Pure functions of an analysis result (no Qt), so the colouring rules are unit-tested and the
image export draws exactly what the window shows. The result is described by the Protocols
below rather than imported: this package sits below the analysis layer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from cxmapper.present.card_channels import CardChannel
from cxmapper.present.heat import HeatRange, heat_range
from cxmapper.present.labels import legend_label, legend_range_label
from cxmapper.present.units import format_duration, format_score, format_share

if TYPE_CHECKING:  # pandas loads only when an overlay is built: the canvas imports this module
    import pandas as pd

UNEXPECTED_SHOWN = 5  # dashed paths drawn by default, the most walked first; the rest on demand


class PathsLike(Protocol):
    @property
    def unexpected(self) -> pd.DataFrame: ...


class ReportLike(Protocol):
    @property
    def touchpoints(self) -> pd.DataFrame: ...
    @property
    def transitions(self) -> pd.DataFrame: ...
    @property
    def paths(self) -> PathsLike: ...


class AnalysisLike(Protocol):
    """What an overlay needs of `analysis.tasks.AnalysisResult`."""

    @property
    def report(self) -> ReportLike: ...
    @property
    def friction(self) -> pd.DataFrame: ...


@dataclass(frozen=True)
class OverlayValue:
    """One card's overlay: `fraction` 0..1 drives the heat tint, `label` the badge text."""

    fraction: float
    label: str = ""
    tooltip: str = ""


@dataclass
class Overlay:
    cards: dict[str, OverlayValue] = field(default_factory=dict)
    connector_widths: dict[tuple[str, str], float] = field(default_factory=dict)
    unexpected: list[tuple[str, str]] = field(default_factory=list)  # the most walked first
    legend: str = ""
    connector_tooltips: dict[tuple[str, str], str] = field(default_factory=dict)
    scale: tuple[str, str] = ("", "")  # what the legend's palest and darkest colours mean
    all_unexpected: bool = False  # draw every unexpected path, not the UNEXPECTED_SHOWN first
    # channel hops (from key, to key, hops, cases, median seconds), drawn as arcs between lanes
    channel_hops: list[tuple[str, str, int, int, float]] = field(default_factory=list)
    # per card: escalation to an assisted channel and FCR against its KPI (the Money overlay)
    channel_cards: dict[str, CardChannel] = field(default_factory=dict)


def friction_scale(scale: HeatRange | None) -> tuple[str, str]:
    """The legend's two ends for friction coloured relative to the journey's own range."""
    return range_scale(scale, lambda v: f"{format_score(v)}/100")


def range_scale(scale: HeatRange | None, fmt: Callable[[float], str]) -> tuple[str, str]:
    """The legend's two ends for any heat coloured relative to the journey's own range."""
    if scale is None:
        return ("", "")
    return (legend_range_label("low", fmt(scale.low)), legend_range_label("high", fmt(scale.high)))


def card_tooltip(row: pd.Series, friction: float | None) -> str:
    lines = [
        f"<b>{row['title']}</b>",
        f"Reach: {int(row['reach']):,} cases · {int(row['events']):,} events",
        f"Starts here: {int(row['starts']):,} · Exits here: {int(row['ends']):,}",
        f"Drop-off: {format_share(row['dropoff_rate'])} ({int(row['dropoff_cases']):,} cases)",
        f"Repeat: {format_share(row['repeat_rate'])} ({int(row['repeat_cases']):,} cases)",
        f"Back-steps: {int(row['back_steps']):,} ({format_share(row['back_step_rate'])} of next steps)",
        f"Time to next: median {format_duration(row['median_seconds_to_next'])}, "
        f"90th percentile {format_duration(row['p90_seconds_to_next'])}",
    ]
    if friction is not None:
        lines.append(f"Friction score: {format_score(friction)} / 100")
    return "<br>".join(lines)


def build_overlay(result: AnalysisLike, kind: str) -> Overlay:
    """Card heat for `kind` (a key of `labels.OVERLAYS`), plus flows sized by volume on every overlay."""
    if kind == "none":
        return Overlay()
    import pandas as pd

    tps = result.report.touchpoints
    reached = tps[tps["reach"] > 0]
    scores = result.friction["score"] if len(result.friction) else pd.Series(dtype=float)
    cards: dict[str, OverlayValue] = {}
    max_reach = float(reached["reach"].max()) if len(reached) else 0.0
    times = reached["median_seconds_to_next"].dropna()
    slowest = float(times.max()) if len(times) else 0.0
    log_max = math.log10(max(slowest, 1.0) + 1)
    shown_scores = heat_range(float(scores[i]) for i in reached.index if i in scores.index)
    # drop-off and repeats: relative to this journey's own range too (most sit far below 100 %)
    rates = {"dropoff": "dropoff_rate", "repeats": "repeat_rate"}
    shown_rates = heat_range(reached[rates[kind]]) if kind in rates else None
    for tp_id, row in reached.iterrows():
        score = float(scores[tp_id]) if tp_id in scores.index else None
        if kind == "reach":
            fraction, label = (
                row["reach"] / max_reach if max_reach else 0.0,
                f"{int(row['reach']):,}",
            )
        elif kind in rates:
            rate = row[rates[kind]]
            relative = shown_rates.fraction(rate) if shown_rates is not None else None
            fraction, label = relative or 0.0, format_share(rate)
        elif kind == "time":
            seconds = row["median_seconds_to_next"]
            fraction = 0.0 if math.isnan(seconds) else math.log10(seconds + 1) / log_max
            label = format_duration(seconds)
        elif kind == "friction":
            relative = shown_scores.fraction(score) if shown_scores is not None else None
            fraction, label = relative or 0.0, format_score(score)
        else:
            raise ValueError(f"unknown overlay {kind!r}")
        cards[str(tp_id)] = OverlayValue(
            min(max(fraction, 0.0), 1.0), label, card_tooltip(row, score)
        )
    scale = {
        "reach": ("0", f"{int(max_reach):,} cases"),
        "dropoff": range_scale(shown_rates, format_share),
        "repeats": range_scale(shown_rates, format_share),
        "time": ("0 s", format_duration(slowest)),
        "friction": friction_scale(shown_scores) if kind == "friction" else ("", ""),
    }[kind]
    trans = result.report.transitions
    flows = trans[trans["from"] != trans["to"]]
    widths: dict[tuple[str, str], float] = {}
    if len(flows):
        top = float(flows["count"].max())
        widths = {
            (str(a), str(b)): 1.0 + 9.0 * float(c) / top
            for a, b, c in zip(flows["from"], flows["to"], flows["count"], strict=True)
        }
    walked = result.report.paths.unexpected
    if "count" in walked.columns:  # strongest first: the canvas draws the first few by default
        walked = walked.sort_values("count", ascending=False, kind="stable")
    unexpected = [(str(a), str(b)) for a, b in zip(walked["from"], walked["to"], strict=True)]
    titles = {str(k): str(v) for k, v in tps["title"].items()}
    tooltips = {
        (str(a), str(b)): transition_tooltip(titles.get(str(a), "?"), titles.get(str(b), "?"), n, c, mean, med)
        for a, b, n, c, mean, med in flows[["from", "to", "count", "cases", "mean_seconds",
                                            "median_seconds"]].itertuples(index=False)
    }  # fmt: skip
    return Overlay(cards, widths, unexpected, legend_label(kind), tooltips, scale)


def transition_tooltip(
    src: str, dst: str, count: int, cases: int, mean: float, median: float
) -> str:
    return (
        f"<b>{src} → {dst}</b><br>{int(count):,} times by {int(cases):,} cases<br>"
        f"time between: median {format_duration(median)}, mean {format_duration(mean)}"
    )


def _nz(value: float) -> float:
    return 0.0 if value is None or math.isnan(value) else float(value)
