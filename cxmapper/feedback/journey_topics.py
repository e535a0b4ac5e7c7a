"""The topics of a whole journey: every response's verbatim, whichever card it is about.

The report keeps per card its top topics; the Topics view also reads them across the journey
("what do customers talk about most?"). Counted by the same `topics.card_topics` as the cards,
with every response as one card, so a topic's count and share negative mean the same thing on
both levels (docs/metrics.md, Topics).
"""

from __future__ import annotations

import numpy as np

from cxmapper.feedback.columns import VERBATIM
from cxmapper.feedback.report import FeedbackReport
from cxmapper.feedback.scales import negative
from cxmapper.feedback.topics import Topics, TopicSummary, card_topics


def journey_topics(report: FeedbackReport, topics: Topics) -> list[TopicSummary]:
    """Every topic customers of the journey wrote about, most mentioned first."""
    frame = report.responses
    if report.scale is None or frame.empty or VERBATIM not in frame.columns:
        return []
    scores = frame[report.scale].to_numpy(dtype=float)
    neg = negative(np.nan_to_num(scores, nan=99), report.scale)  # no score: not negative
    every = np.zeros(len(frame), dtype=np.int64)  # the journey as one card
    [found] = card_topics(frame[VERBATIM], every, neg, 1, topics, top=max(len(topics), 1))
    return found
