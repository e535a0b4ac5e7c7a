"""Issue 13's *Done when*, end to end from one CSV event log on every surface: the app (money on
the map's card, the inspector's Money tab, the Channels view), the workbook and the CLI.

Drop log: 1,000 cases browse (web) and reach the cart (web); 700 pay (the goal), 300 leave at
the cart, the second card. A conversion is worth 50 EUR, so the cart's value at risk is
300 × 50 = 15,000.00, `€ 15.000,00` in Italian; no other card loses a case, so its stage and
the journey carry the same 15,000.00 (the sum of their cards).
Hop log: 1,000 cases ask in chat; 150 then call (phone), 850 ask again in chat. The chat →
call centre pair is 150 of 1,000 cases: a 15.0 % hop rate.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from cxmapper.analysis.tasks import AnalysisRequest, AnalysisResult, import_events, run_analysis
from cxmapper.cli import main
from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.model.value_models import set_value_model
from cxmapper.model.workspace import Workspace
from cxmapper.present import language
from cxmapper.present.labels import channel_label
from cxmapper.ui.inspector import InspectorContext, InspectorPanel
from cxmapper.ui.overlay.money_overlay import build_money_overlay
from cxmapper.ui.overlay.panel import AnalysisPanel
from cxmapper.ui.translations import install_language
from cxmapper.ui.undo_stack import GuardedUndoStack

MODEL = {"value_per_conversion": 50, "currency": "EUR", "contact_costs": {"phone": 6.5}}
ITALIAN = "€ 15.000,00"


def drop_log(path: Path) -> Path:
    lines = ["case_id,activity,timestamp,channel"]
    for c in range(1000):
        lines += [f"c{c},browse,2026-01-01T09:00:00Z,web", f"c{c},cart,2026-01-01T09:05:00Z,web"]
        if c >= 300:
            lines.append(f"c{c},pay,2026-01-01T09:10:00Z,web")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def hop_log(path: Path) -> Path:
    lines = ["case_id,activity,timestamp,channel"]
    for c in range(1000):
        lines.append(f"c{c},ask,2026-01-01T09:00:00Z,chat")
        lines.append(
            f"c{c},call,2026-01-01T09:10:00Z,phone"
            if c < 150
            else f"c{c},ask,2026-01-01T09:10:00Z,chat"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def italian(qapp: QCoreApplication) -> Iterator[None]:
    install_language(qapp, "it")
    yield
    install_language(qapp, "en")


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Workspace, str, dict[str, str]]]:
    """Browse and Cart in stage Look, Pay (the goal) in stage Buy; priced by MODEL."""
    ws = Workspace.create(tmp_path / "shop.cxmap")
    j = ws.add_journey("Shop")
    lane = ws.add_lane(j.id, "Web", "channel")
    look, buy = ws.add_stage(j.id, "Look"), ws.add_stage(j.id, "Buy")
    ids = {
        name: ws.add_touchpoint(
            stage.id, lane.id, name.title(), channel="web", match_events=[name],
            is_goal=name == "pay",
        ).id
        for name, stage in (("browse", look), ("cart", look), ("pay", buy))
    }  # fmt: skip
    set_value_model(ws, j.id, MODEL)
    yield ws, j.id, ids
    ws.close()


def analysed(ws: Workspace, journey_id: str, log: Path) -> AnalysisResult:
    dataset = import_events(log).add_to(ws)
    return run_analysis(AnalysisRequest(ws.path, journey_id, dataset.id))


def test_300_lost_at_the_second_card_read_15000_in_italian_in_app_workbook_and_cli(
    qtbot: QtBot,
    italian: None,
    shop: tuple[Workspace, str, dict[str, str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ws, jid, ids = shop
    log = drop_log(tmp_path / "drop.csv")
    result = analysed(ws, jid, log)
    money = result.report.money
    assert money is not None
    assert money.cards.loc[ids["cart"], "value_at_risk"] == 15_000.00
    assert money.cards["value_at_risk"].sum() == 15_000.00  # the only card that loses

    # the app: the card's label on the map, and the inspector's card, stage and journey rows
    overlay = build_money_overlay(result)
    assert overlay.cards[ids["cart"]].label == ITALIAN
    panel = AnalysisPanel()
    qtbot.addWidget(panel)
    panel.set_context(ws, jid, GuardedUndoStack())
    panel.show_result(result)
    inspector = InspectorPanel()
    qtbot.addWidget(inspector)
    inspector.set_context(InspectorContext(ws, GuardedUndoStack(), lambda _: None))
    inspector.show_entity("touchpoint", ids["cart"])
    page = inspector.touchpoint_page.show_tab("money")
    assert [page.text("value_at_risk", where) for where in ("card", "stage", "journey")] == [
        ITALIAN
    ] * 3
    inspector.set_context(None)
    panel.set_context(None, None, None)

    # the workbook: a number with the Italian currency format, not text
    book = openpyxl.load_workbook(
        export_xlsx(ws, jid, tmp_path / "it.xlsx", analysis=result, language="it")
    )
    sheet = book["Punti di contatto"]
    heads = [c.value for c in sheet[1]]
    rows = {r[heads.index("ID punto di contatto")].value: r for r in sheet.iter_rows(min_row=2)}
    cell = rows[ids["cart"]][heads.index("Valore a rischio")]
    assert cell.value == 15_000.0 and cell.data_type == "n"
    assert cell.number_format.startswith('"€ "#,##0.00')  # Excel shows € 15.000,00 in Italian

    # the CLI, in Italian: the journey total and the card, and the same figure in its JSON
    argv = ["analyze", str(log), "--workspace", str(ws.path), "--journey", "Shop"]
    argv += ["--value-per-conversion", "50", "--currency", "EUR", "--lang", "it"]
    try:
        assert main(argv) == 0
        text = capsys.readouterr().out
        assert main([*argv, "--json", "-"]) == 0
        data = json.loads(capsys.readouterr().out)
    finally:
        language.use_language("it")  # the fixture puts English back
    assert f"valore a rischio {ITALIAN}" in text
    assert f"  Cart: {ITALIAN}\n" in text
    by_name = {a["name"]: a for a in data["activities"]}
    assert by_name["Cart"]["value_at_risk"] == 15_000.0
    stages = data["money"]["stages"]
    assert [s["value_at_risk"] for s in stages] == [15_000.0, 0.0]
    assert data["money"]["journey"]["value_at_risk"] == 15_000.0
    assert sum(a["value_at_risk"] for a in data["activities"]) == 15_000.0


@pytest.mark.parametrize(("lang", "rate"), [("en", "15.0%"), ("it", "15,0%")])
def test_150_of_1000_hopping_chat_to_phone_read_15_percent_in_cli_and_channels_view(
    qtbot: QtBot,
    qapp: QCoreApplication,
    shop: tuple[Workspace, str, dict[str, str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    rate: str,
) -> None:
    log = hop_log(tmp_path / "hops.csv")
    ws, _, _ = shop
    j = ws.add_journey("Help")
    lanes = {name: ws.add_lane(j.id, name, "channel").id for name in ("Chat", "Call centre")}
    stage = ws.add_stage(j.id, "Ask")
    ws.add_touchpoint(stage.id, lanes["Chat"], "Ask", channel="chat", match_events=["ask"])
    ws.add_touchpoint(stage.id, lanes["Call centre"], "Call", channel="phone",
                      match_events=["call"])  # fmt: skip
    install_language(qapp, lang)
    try:
        result = analysed(ws, j.id, log)
        panel = AnalysisPanel()
        qtbot.addWidget(panel)
        panel.set_context(ws, j.id, GuardedUndoStack())
        panel.show_result(result)
        view = next(
            panel.tabs.widget(i)
            for i in range(panel.tabs.count())
            if panel.tabs.widget(i).objectName() == "analysisView.channels"
        )
        assert view.hops()[0] == (channel_label("chat"), channel_label("call centre"), 150)
        assert [view.table.item(0, c).text() for c in (3, 4)] == ["150", rate]
        panel.set_context(None, None, None)

        argv = ["analyze", str(log), "--channel", "channel", "--lang", lang]
        assert main(argv) == 0
        text = capsys.readouterr().out
        assert main([*argv, "--json", "-"]) == 0
        data = json.loads(capsys.readouterr().out)
    finally:
        install_language(qapp, "en")
    pair = next(
        m for m in data["channels"]["matrix"] if (m["from"], m["to"]) == ("chat", "call centre")
    )
    assert (pair["hops"], pair["cases"], pair["case_rate"]) == (150, 150, 0.15)
    assert data["channels"]["hop_rate"] == 0.15
    line = next(x for x in text.splitlines() if x.startswith("  chat -> call centre: 150 "))
    assert f"{rate} " in line  # the pair's share of cases, as the Channels view writes it
