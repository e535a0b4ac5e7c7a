"""Money and channels in the workbook, from an analysis priced by the journey's value model:
the Actions sheet ordered by yearly impact ÷ effort with both as currency numbers, each card's
value at risk on the Touchpoints sheet (1,000 cases, 300 drop at the second card, 50 a
conversion: 15,000.00, `€ 15.000,00` in Italian), and the Channels sheet (150 of 1,000 cases
hop chat → phone: 15.0 %), translated; an unedited workbook still imports with no change."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from cxmapper.analysis.action_impact import action_impacts, analysed_days
from cxmapper.analysis.readers import from_frame
from cxmapper.analysis.report import analyze
from cxmapper.analysis.tasks import AnalysisResult
from cxmapper.analysis.value_model import ValueModel
from cxmapper.analysis.workspace_adapter import journey_spec
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_import import plan_xlsx_import
from cxmapper.model.value_models import set_value_model
from cxmapper.model.workspace import Workspace
from cxmapper.present import labels, language
from cxmapper.present.money import format_money

T0 = pd.Timestamp("2026-01-01T00:00:00Z")
MODEL = {"value_per_conversion": 50.0, "currency": "EUR",
         "contact_costs": {"chat": 2.0, "phone": 6.5}}  # fmt: skip
SPAN = ("2026-01-01 00:00:00+00:00", "2026-02-06 12:00:00+00:00")  # 36.5 days: a year is 10×


def log() -> pd.DataFrame:
    """1,000 cases browse and reach the cart; 150 chat then phone first; 700 pay (the goal)."""
    rows = []
    for c in range(1000):
        rows.append((f"c{c}", "browse", "web", 0))
        if c < 150:
            rows += [(f"c{c}", "ask", "chat", 60), (f"c{c}", "call", "phone", 120)]
        rows.append((f"c{c}", "cart", "web", 600))
        if c >= 300:
            rows.append((f"c{c}", "pay", "web", 900))
    return from_frame(
        pd.DataFrame(
            {
                "case_id": [r[0] for r in rows],
                "activity": [r[1] for r in rows],
                "channel": [r[2] for r in rows],
                "timestamp": [T0 + pd.Timedelta(seconds=r[3]) for r in rows],
            }
        )
    ).frame


@pytest.fixture
def priced(tmp_path: Path) -> tuple[Workspace, str, AnalysisResult, dict[str, str]]:
    ws = Workspace.create(tmp_path / "m.cxmap")
    j = ws.add_journey("Shop")
    lane = ws.add_lane(j.id, "Front")
    ids: dict[str, str] = {}
    for i, (name, channel) in enumerate(
        [("browse", "web"), ("ask", "chat"), ("call", "phone"), ("cart", "web"), ("pay", "web")]
    ):
        stage = ws.add_stage(j.id, f"S{i}")
        tp = ws.add_touchpoint(stage.id, lane.id, name.title(), channel=channel,
                               match_events=[name], is_goal=name == "pay")  # fmt: skip
        ids[name] = tp.id
    set_value_model(ws, j.id, MODEL)
    ws.add_action(ids["cart"], "Fix the cart", impact=1, effort=2)  # plain priority 0.5
    ws.add_action(ids["browse"], "Better search", impact=5, effort=1)  # plain priority 5.0
    ws.add_action(ids["call"], "Train agents", impact=3, effort=5)
    report = analyze(log(), journey_spec(ws, j.id), value_model=ValueModel.from_dict(MODEL),
                     channels=True)  # fmt: skip
    result = AnalysisResult(report, report.friction_table, pd.DataFrame(), None, span=SPAN)
    yield ws, j.id, result, ids
    ws.close()


def table(sheet, header_row: int = 1) -> list[dict[str, openpyxl.cell.Cell]]:
    rows = list(sheet.iter_rows(min_row=header_row))
    heads = [c.value for c in rows[0]]
    return [dict(zip(heads, r, strict=False)) for r in rows[1:] if r[0].value is not None]


def test_actions_by_yearly_impact_per_effort_as_currency_numbers(priced, tmp_path) -> None:
    """The same figures as the app's Impact × effort view (one implementation)."""
    ws, jid, result, _ = priced
    book = openpyxl.load_workbook(export_xlsx(ws, jid, tmp_path / "a.xlsx", analysis=result))
    rows = table(book["Actions"])
    assert [r["Title"].value for r in rows] == ["Fix the cart", "Better search", "Train agents"]
    cart = rows[0]
    # the cart loses 300 × 50 in 36.5 days: 150,000.00 a year; "Fix the cart" is rated 1: a fifth
    assert cart["Yearly impact"].value == 30_000.0
    assert cart["Priority"].value == 15_000.0 and cart["Priority"].data_type == "n"  # effort 2
    assert cart["Priority"].number_format.startswith('"€"#,##0.00')
    # failure demand on browse: 150 chats (2.00) and 150 calls (6.50) after it, × 10; rated 5
    assert rows[1]["Yearly impact"].value == 12_750.0
    assert rows[2]["Yearly impact"].value == 5_850.0  # 150 repeat calls × 6.50 × 10, rated 3
    assert rows[2]["Priority"].value == 1_170.0  # effort 5


def test_value_at_risk_per_card_reads_15000_in_italian(priced, tmp_path) -> None:
    ws, jid, result, ids = priced
    path = export_xlsx(ws, jid, tmp_path / "it.xlsx", analysis=result, language="it")
    language.use_language("en")
    rows = {
        r["ID punto di contatto"].value: r
        for r in table(openpyxl.load_workbook(path)["Punti di contatto"])
    }
    cell = rows[ids["cart"]]["Valore a rischio"]
    assert cell.value == 15_000.0 and cell.number_format.startswith('"€ "#,##0.00')
    assert format_money(cell.value, "EUR", "it") == "€ 15.000,00"
    assert rows[ids["browse"]]["Valore a rischio"].value == 0


def test_channels_sheet_has_the_matrix_and_the_cards(priced, tmp_path) -> None:
    ws, jid, result, ids = priced
    book = openpyxl.load_workbook(export_xlsx(ws, jid, tmp_path / "c.xlsx", analysis=result))
    sheet = book["Channels"]
    top = next(r[0].row for r in sheet.iter_rows() if r[0].value == "From channel")
    matrix = {(r["From channel"].value, r["To channel"].value): r for r in table(sheet, top)
              if r["Hops"].value is not None}  # fmt: skip
    hop = matrix[("chat", "call centre")]
    assert (hop["Hops"].value, hop["Cases"].value) == (150, 150)
    assert hop["Share of cases"].value == 0.15 and hop["Share of cases"].number_format == "0.0%"
    assert hop["Median time between"].value == timedelta(seconds=60)  # a duration number
    assert hop["Handover to staff"].value == "✓"
    cards_top = next(r[0].row for r in sheet.iter_rows() if r[0].value == "Touchpoint ID")
    cards = {r["Touchpoint ID"].value: r for r in table(sheet, cards_top)}
    assert cards[ids["browse"]]["Escalations"].value == 150
    assert cards[ids["browse"]]["Escalation rate"].value == 0.15
    assert cards[ids["call"]]["Assisted contacts"].value == 150


def test_italian_channels_sheet_has_no_english_headers(priced, tmp_path) -> None:
    ws, jid, result, _ = priced
    path = export_xlsx(ws, jid, tmp_path / "it.xlsx", analysis=result, language="it")
    language.use_language("en")
    book = openpyxl.load_workbook(path)
    assert "Canali" in book.sheetnames and "Modello di valore" in book.sheetnames
    english = {labels.COLUMNS[k] for k in ("yearly_impact", "value_at_risk", "hops", "cases",
               "case_rate", "median_time", "from_channel", "escalation_rate", "fcr_target")}  # fmt: skip
    english |= set(labels.CHANNEL_FIGURES.values()) | set(labels.VALUE_MODEL_ITEMS.values())
    mine = ("Canali", "Modello di valore", "Azioni", "Punti di contatto")  # the sheets with money
    texts = {c.value for title in mine for row in book[title].iter_rows() for c in row
             if isinstance(c.value, str)}  # fmt: skip
    assert english & texts == set()


def test_a_workbook_with_money_columns_imports_unedited_with_no_change(priced, tmp_path) -> None:
    ws, jid, result, _ = priced
    plan = plan_xlsx_import(ws, export_xlsx(ws, jid, tmp_path / "r.xlsx", analysis=result))
    assert plan.changes == [] and plan.conflicts == []


def test_without_the_analysed_period_actions_keep_the_plain_priority(priced, tmp_path) -> None:
    ws, jid, result, _ = priced
    path = export_xlsx(ws, jid, tmp_path / "p.xlsx", analysis=result.report)  # no span
    rows = table(openpyxl.load_workbook(path)["Actions"])
    assert [r["Title"].value for r in rows] == ["Better search", "Train agents", "Fix the cart"]
    assert "Yearly impact" not in rows[0] and rows[0]["Priority"].value == 5


def test_workbook_and_app_share_one_yearly_impact(priced, tmp_path) -> None:
    """Every action's yearly impact and priority on the Actions sheet equal what
    `analysis.action_impact` (the app's Impact × effort view) computes for the same analysis."""
    ws, jid, result, ids = priced
    book = openpyxl.load_workbook(export_xlsx(ws, jid, tmp_path / "s.xlsx", analysis=result))
    sheet = {r["Title"].value: r for r in table(book["Actions"])}
    actions = [a for tp in ids.values() for a in ws.actions(tp)]
    app = action_impacts(actions, result.report.money, analysed_days(SPAN), open_only=False)
    assert len(app) == len(sheet) == 3
    for a in app:
        assert sheet[a.title]["Yearly impact"].value == pytest.approx(a.yearly_impact, abs=0.005)
        assert sheet[a.title]["Priority"].value == pytest.approx(a.priority, abs=0.005)
