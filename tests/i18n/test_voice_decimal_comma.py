"""Survey figures in the reader's language: the Italian Voice tab read "CES media 5.22"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cxmapper.present import language
from cxmapper.present import voice_labels as vl


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    language.use_language("en")
    yield
    language.use_language("en")


def test_survey_figures_use_the_language_decimal_mark() -> None:
    assert vl.ces_text(5.22, 71.0, 307) == "mean 5.22, 71 % easy (5–7), n=307"
    language.use_language("it")
    assert vl.ces_text(5.22, 71.0, 307) == "media 5,22, 71 % facile (5–7), n=307"
    assert vl.csat_text(80.0, 4.27, 30) == "80 % soddisfatti (4–5), media 4,27, n=30"
    assert vl.badge_text("ces", 5.1, 40) == "CES 5,1 (n=40)"
