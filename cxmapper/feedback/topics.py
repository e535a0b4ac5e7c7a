"""Assign verbatims to topics by keywords and light stems; per card the top topics.

No model, no download: a keyword matches a word that starts with its stem (accents folded,
case ignored). The topic list is editable and kept in the workspace meta as JSON.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from cxmapper.errors import ValidationError
from cxmapper.feedback.topic_lists import STARTER_TOPICS

META_KEY = "feedback_topics"
EXAMPLES = 3
_SUFFIXES = ("zioni", "zione", "mente", "ments", "ment", "ing", "ati", "ate", "ato", "ata",
             "are", "ere", "ire", "ies", "ed", "es", "s", "i", "e", "a", "o")  # fmt: skip
_WORD = re.compile(r"\w+")

Topics = dict[str, dict[str, list[str]]]  # topic key -> language -> keywords


def fold(text: str) -> str:
    """Lower case without accents, so 'qualità' and 'qualita' read the same."""
    if text.isascii():  # most comments: nothing to decompose
        return text.lower()
    norm = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in norm if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """Strip one common English/Italian ending, keeping at least 4 letters (or the word)."""
    w = fold(word)
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


@dataclass
class Matcher:
    """Compiled topic list: one regex per topic over folded text."""

    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, topics: Topics) -> Matcher:
        out: dict[str, re.Pattern[str]] = {}
        for key, by_lang in topics.items():
            alts = []
            for words in by_lang.values():
                for kw in words:
                    parts = [re.escape(stem(p)) for p in _WORD.findall(kw)]
                    if parts:
                        alts.append(r"\W+".join([*parts[:-1], parts[-1] + r"\w*"]))
            if alts:
                out[key] = re.compile(r"\b(?:" + "|".join(sorted(set(alts))) + r")")
        return cls(out)

    def topics_of(self, text: str) -> list[str]:
        folded = fold(text)
        return [k for k, rx in self.patterns.items() if rx.search(folded)]


def assign(verbatims: pd.Series, topics: Topics | None = None) -> list[list[str]]:
    """Topic keys per verbatim (empty for no text or no match). Each distinct text is matched
    once: surveys repeat short answers ("ok", "great service") many times."""
    matcher = Matcher.build(topics or STARTER_TOPICS)
    found: dict[str, list[str]] = {}
    out: list[list[str]] = []
    for v in verbatims:
        if not (isinstance(v, str) and v):
            out.append([])
            continue
        keys = found.get(v)
        if keys is None:
            keys = found[v] = matcher.topics_of(v)
        out.append(keys)
    return out


def in_language(langs: Any, prefer: str) -> np.ndarray:
    """Per answer, whether its language column names `prefer` ("en", "EN", "en-GB" all read
    as "en"); all True without a preference, so nothing is put behind."""
    values = np.asarray(langs, dtype=object)
    if not prefer:
        return np.ones(len(values), dtype=bool)
    codes = [str(v).strip().lower().replace("_", "-").split("-")[0] for v in values]
    same: np.ndarray = np.asarray(codes, dtype=object) == prefer.lower()
    return same


@dataclass(frozen=True)
class TopicSummary:
    topic: str
    count: int
    negative_share: float  # share of these verbatims whose score is in the negative band
    examples: list[str]


def card_topics(
    verbatims: pd.Series,
    tp: np.ndarray,
    negative: np.ndarray,
    n_tp: int,
    topics: Topics | None = None,
    top: int = 5,
    langs: np.ndarray | None = None,
    prefer: str = "",
) -> list[list[TopicSummary]]:
    """Per touchpoint index: its top topics by count, with 3 example verbatims each (in the
    `prefer`red language first when `langs` gives each answer's, then negative ones first:
    they are the ones owners act on) and the share negative."""
    on_card = np.flatnonzero(np.asarray(tp) >= 0)  # answers on no card have no card topics
    found = assign(verbatims.iloc[on_card], topics)
    per_card: list[dict[str, list[int]]] = [{} for _ in range(n_tp)]
    for i, keys in zip(on_card.tolist(), found, strict=True):
        for k in keys:
            per_card[tp[i]].setdefault(k, []).append(i)
    texts = verbatims.to_numpy(dtype=object)
    other = ~in_language(langs, prefer) if langs is not None else np.zeros(len(texts), bool)
    out: list[list[TopicSummary]] = []
    for card in per_card:
        ranked = sorted(card.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]
        rows = []
        for key, idx in ranked:
            neg = negative[idx]
            order = sorted(idx, key=lambda i: (other[i], not negative[i], i))[:EXAMPLES]
            rows.append(TopicSummary(key, len(idx), float(neg.mean()), [texts[i] for i in order]))
        out.append(rows)
    return out


def validate_topics(data: Any, source: str = "topic list") -> Topics:
    """A topic list from JSON-like data: {topic: {lang: [keywords]}} (ValidationError if not)."""
    if not isinstance(data, Mapping):
        raise ValidationError(f"{source}: expected {{topic: {{language: [keywords]}}}}")
    out: Topics = {}
    for key, by_lang in data.items():
        if not isinstance(by_lang, Mapping) or not all(
            isinstance(ws, Sequence)
            and not isinstance(ws, str)
            and all(isinstance(w, str) for w in ws)
            for ws in by_lang.values()
        ):
            raise ValidationError(f"{source}: topic {key!r}: expected {{language: [keywords]}}")
        out[str(key)] = {str(lang): [w for w in ws if w.strip()] for lang, ws in by_lang.items()}
    return out


def load_topics(ws: Any) -> Topics:
    """The workspace's topic list (the starter lists until someone edits it)."""
    raw = ws.get_meta(META_KEY)
    return validate_topics(json.loads(raw), "stored topic list") if raw else STARTER_TOPICS


def save_topics(ws: Any, topics: Topics) -> None:
    ws.set_meta(META_KEY, json.dumps(validate_topics(topics), ensure_ascii=False))
