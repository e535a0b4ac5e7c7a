"""Business impact: value at risk, cost to serve, repeat-contact cost and failure demand,
checked against hand-computed values; stage and journey figures are the sums of their cards."""

from __future__ import annotations

import pandas as pd
import pytest
from money_logs import DAY, HOUR, Row, frame, spec

from cxmapper.analysis.report import analyze
from cxmapper.analysis.value_model import ValueModel
from cxmapper.errors import CxError
from cxmapper.present.money import format_money

JOURNEY = spec(("browse", 0, False), ("help", 1, False), ("buy", 2, True))


def test_300_of_1000_cases_dropping_at_the_second_card_put_15000_at_risk() -> None:
    rows: list[Row] = []
    for c in range(1000):
        rows += [(f"c{c}", "browse", "web", 0), (f"c{c}", "help", "web", 60)]
        if c >= 300:  # 700 go on to the goal; 300 leave at the second card
            rows.append((f"c{c}", "buy", "web", 120))
    report = analyze(frame(rows), JOURNEY, value_model=ValueModel(50, "EUR"))
    cards = report.money.cards
    assert cards["conversions_lost"].tolist() == [0, 300, 0]
    assert cards.loc["HELP", "value_at_risk"] == 15000.00
    assert format_money(cards.loc["HELP", "value_at_risk"], "EUR", "it") == "€ 15.000,00"
    assert report.money.journey["value_at_risk"] == 15000.00
    assert report.money.currency == "EUR"


def test_without_a_goal_every_exit_is_a_lost_conversion_as_for_drop_off() -> None:
    no_goal = spec(("browse", 0, False), ("help", 1, False))
    rows: list[Row] = [
        ("a", "browse", "web", 0),
        ("a", "help", "web", 1),
        ("b", "browse", "web", 0),
    ]
    report = analyze(frame(rows), no_goal, value_model=ValueModel(10))
    assert report.money.cards["conversions_lost"].tolist() == [1, 1]
    assert (
        report.money.cards["conversions_lost"].tolist()
        == report.touchpoints["dropoff_cases"].tolist()
    )


def test_segment_values_price_each_lost_case_by_its_segment() -> None:
    rows = [("a", "browse", "web", 0), ("b", "browse", "web", 0), ("c", "browse", "web", 0)]
    data = frame(rows)
    data["tier"] = pd.Series(["gold", "basic", "other"], dtype="category")
    model = ValueModel(10, segment_attribute="tier", segment_values={"gold": 100, "basic": 20})
    report = analyze(data, JOURNEY, value_model=model)
    assert report.money.cards.loc["BROWSE", "value_at_risk"] == 130.0  # 100 + 20 + default 10


def test_cost_to_serve_prices_every_event_by_its_channel() -> None:
    rows: list[Row] = [
        ("a", "browse", "web", 0),
        ("a", "help", "phone", HOUR),
        ("a", "help", "Call Center", 2 * HOUR),  # the same channel, spelt otherwise
        ("b", "help", "chat", 0),
        ("b", "help", None, HOUR),  # no channel: no cost
    ]
    model = ValueModel(0, contact_costs={"phone": 6.5, "chat": 2.25, "web": 0.1})
    report = analyze(frame(rows), JOURNEY, value_model=model)
    cards = report.money.cards
    assert cards.loc["BROWSE", "cost_to_serve"] == 0.1
    assert cards.loc["HELP", "cost_to_serve"] == 15.25  # 6.5 + 6.5 + 2.25
    assert cards.loc["HELP", "contacts"] == 3  # web is digital: no contact


def test_repeat_contact_cost_is_on_the_contact_that_repeats() -> None:
    rows: list[Row] = [
        ("a", "help", "phone", 0),
        ("a", "help", "phone", 7 * DAY),  # exactly 7 days later: a repeat (inclusive)
        ("a", "buy", "store", 7 * DAY + 1),  # within 7 days of the previous contact: a repeat
        ("b", "help", "phone", 0),
        ("b", "help", "phone", 7 * DAY + 1),  # one second too late: a new contact
    ]
    model = ValueModel(0, contact_costs={"phone": 5, "store": 20})
    cards = analyze(frame(rows), JOURNEY, value_model=model).money.cards
    assert cards.loc["HELP", "repeat_contacts"] == 1
    assert cards.loc["HELP", "repeat_contact_cost"] == 5.0
    assert cards.loc["BUY", "repeat_contacts"] == 1
    assert cards.loc["BUY", "repeat_contact_cost"] == 20.0


def test_failure_demand_is_a_contact_after_a_digital_card_before_converting() -> None:
    rows: list[Row] = [
        ("a", "browse", "web", 0),
        ("a", "help", "phone", HOUR),  # failure demand of BROWSE
        ("b", "browse", "app", 0),
        ("b", "help", "chat", 8 * DAY),  # more than 7 days after the digital event: not
        ("c", "browse", "web", 0),
        ("c", "buy", "web", 60),  # converted ...
        ("c", "help", "phone", 120),  # ... so this contact is not failure demand
        ("d", "help", "phone", 0),  # no digital event before it: not
        ("e", "browse", "web", 0),
        ("e", "help", "letter", 60),  # a letter is no assisted contact
        ("e", "help", "chat", 120),  # failure demand of BROWSE (latest digital: browse)
    ]
    model = ValueModel(0, contact_costs={"phone": 6, "chat": 2})
    money = analyze(frame(rows), JOURNEY, value_model=model).money
    assert money.cards.loc["BROWSE", "failure_demand"] == 2
    assert money.cards.loc["BROWSE", "failure_demand_cost"] == 8.0
    assert money.cards.loc["HELP", "failure_demand"] == 0
    assert money.journey["failure_demand"] == 2


def test_stage_and_journey_figures_are_the_sums_of_their_cards() -> None:
    two_per_stage = spec(("a", 0, False), ("b", 0, False), ("c", 1, False), ("d", 1, True))
    rows: list[Row] = []
    for c in range(30):
        rows.append((f"k{c}", "a" if c % 2 else "b", "web", 0))
        rows.append((f"k{c}", "c", ["phone", "chat", "store"][c % 3], 60))
        if c % 5:
            rows.append((f"k{c}", "d", "phone", DAY))
    model = ValueModel(33.33, contact_costs={"phone": 0.1, "chat": 0.2, "store": 0.7, "web": 0.01})
    money = analyze(frame(rows), two_per_stage, value_model=model).money
    cards, stages = money.cards, money.stages
    for column in stages.columns:
        by_stage = cards.groupby("stage_index")[column].sum().round(2)
        assert stages[column].tolist() == pytest.approx(by_stage.tolist(), abs=0)
        assert money.journey[column] == round(float(cards[column].sum()), 2)
    # hand-computed: 6 cases never reach d, all leaving at c: 6 x 33.33
    assert stages.loc[1, "value_at_risk"] == 199.98
    # web 30 x 0.01 + c: 10 x 0.1 + 10 x 0.2 + 10 x 0.7 + d: 24 x 0.1
    assert money.journey["cost_to_serve"] == 12.7


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"value_per_conversion": -1}, "conversion value: -1 must be a finite amount"),
        ({"value_per_conversion": "x"}, "conversion value: 'x' is not a number"),
        ({"currency": "euro"}, "currency: 'euro' is not a three-letter code"),
        ({"contact_costs": {"phone": float("nan")}}, "contact cost of 'phone'"),
        ({"segment_values": {"gold": 1}}, "segment values need the attribute"),
    ],
)
def test_a_bad_value_model_is_refused_with_one_line(kwargs: dict, message: str) -> None:
    with pytest.raises(CxError, match=message):
        ValueModel(**kwargs)


def test_the_value_model_keeps_costs_by_channel_key() -> None:
    model = ValueModel(1, contact_costs={"Phone": 4, "E-mail": 1})
    assert dict(model.contact_costs) == {"call centre": 4.0, "email": 1.0}
    assert model.cost_of("call center") == 4.0 and model.cost_of("web") == 0.0
    assert (model.failure_window_days, model.repeat_window_days) == (7.0, 7.0)


def test_the_value_model_round_trips_as_plain_data_and_hashes() -> None:
    model = ValueModel(
        12.5,
        "USD",
        {"phone": 3},
        segment_attribute="tier",
        segment_values={"gold": 40},
        failure_window_days=3,
    )
    back = ValueModel.from_dict(model.as_dict())
    assert back == model and hash(back) == hash(model)
    assert back.as_dict()["contact_costs"] == {"call centre": 3.0}
    with pytest.raises(CxError, match="unknown field"):
        ValueModel.from_dict({"value": 1})
