"""Scores, durations, ratios and badge figures use the language's decimal separator: the
Italian map read "9.7" and "CSAT 4.27" on its cards while every other number had a comma."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cxmapper.present import language
from cxmapper.present.card_text import format_badge_value
from cxmapper.present.units import format_duration, format_ratio, format_score


@pytest.fixture
def italian() -> Iterator[None]:
    language.use_language("it")
    yield
    language.use_language("en")


def test_italian_figures_have_a_decimal_comma(italian: None) -> None:
    assert format_score(28.44) == "28,4"
    assert format_duration(3.5 * 3600) == "3,5 h"
    assert format_duration(2.5 * 86400) == "2,5 giorni"
    assert format_ratio(3.4) == "3,4x"
    assert format_badge_value(4.27) == "4,27"
    assert format_badge_value(1234) == "1.234"


def test_english_figures_keep_the_point() -> None:
    language.use_language("en")
    assert format_score(28.44) == "28.4"
    assert format_duration(3.5 * 3600) == "3.5 h"
    assert format_badge_value(4.27) == "4.27"
    assert format_badge_value(1234) == "1,234"
