"""The exported workbook, read back with openpyxl and pandas, sheet by sheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from cxmapper.io.xlsx_export import export_xlsx
from cxmapper.io.xlsx_safe import MAX_CELL_CHARS, put, sheet_title
from cxmapper.model.workspace import Workspace
from cxmapper.present.labels import status_label
from cxmapper.present.palette import channel_style

SHEETS = [
    "Overview",
    "Map",
    "Touchpoints",
    "KPIs",
    "KPI history",
    "Governance",
    "Actions",
    "Follow-ups",
    "Value model",
    "Comments",
    "Governance health",
    "Versions",
    "Change log",
    "Changes",
    "_cxmapper",
]


def load(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def test_sheets_and_hidden_meta(exported: Path) -> None:
    wb = load(exported)
    assert wb.sheetnames == SHEETS
    assert wb["_cxmapper"].sheet_state == "veryHidden"
    assert all(wb[n].sheet_state == "visible" for n in SHEETS[:-1])
    assert wb.active.title == "Overview"


def test_overview(exported: Path, journey: dict[str, str]) -> None:
    ws = load(exported)["Overview"]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert "Online purchase" in text
    assert "Touchpoints" in text and "5 (1 goal)" in text
    assert "Search: 2 Accountables" in text  # governance warnings
    assert "Slow checkout: no Accountable" in text
    assert status_label("green") in text and status_label("red") in text  # legend
    assert "web" in text


def test_map_grid(exported: Path, file_ws: Workspace, journey: dict[str, str]) -> None:
    ws = load(exported)["Map"]
    assert [ws.cell(3, j).value for j in range(2, 5)] == ["Discover", "Buy", "Use"]
    lanes = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value]
    assert lanes == ["Web", "Pain points"]
    cards = {
        str(ws.cell(r, c).value)
        for r in range(4, ws.max_row + 1)
        for c in range(2, 5)
        if ws.cell(r, c).value
    }
    home = next(t for t in cards if t.startswith("Home page"))
    assert "Owner: Ann Owner" in home and "CSAT 4.5" in home and "on target" in home
    assert any(t.startswith("Search") for t in cards) and any(t.startswith("=1+1") for t in cards)
    # Web lane has two cards stacked in Discover: label merged over two rows
    assert any(str(m) == "A4:A5" for m in ws.merged_cells.ranges)
    assert ws.freeze_panes == "B4"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$3" and ws.print_title_cols == "$A:$A"
    home_cell = next(
        ws.cell(r, 2) for r in range(4, 6) if str(ws.cell(r, 2).value).startswith("Home")
    )
    assert home_cell.fill.fgColor.rgb.endswith(channel_style("web").tint)  # the one palette
    assert home_cell.alignment.wrap_text


def test_touchpoints_table(exported: Path, journey: dict[str, str]) -> None:
    wb = load(exported)
    ws = wb["Touchpoints"]
    assert "Touchpoints" in ws.tables
    assert ws.tables["Touchpoints"].ref.startswith("A1:Q")
    df = pd.read_excel(exported, sheet_name="Touchpoints")
    assert set(df["Touchpoint ID"]) == {
        journey[k] for k in ("home", "search", "cart", "slow", "formula")
    }
    row = df[df["Touchpoint ID"] == journey["formula"]].iloc[0]
    assert row["Title"] == "=1+1" and row["Description"] == "-5 minus"
    assert row["Tags"] == "x, y" and row["Match events"] == "open app" and row["Channel"] == "app"
    home = df[df["Touchpoint ID"] == journey["home"]].iloc[0]
    assert (
        home["Owner"] == "Ann Owner" and home["Accountable"] == "Ann Owner" and home["Goal"] == "no"
    )
    assert df[df["Touchpoint ID"] == journey["cart"]].iloc[0]["Goal"] == "yes"
    assert ws.freeze_panes == "B2"
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"yes,no"' in lists


def test_formulas_are_text(exported: Path, journey: dict[str, str]) -> None:
    wb = load(exported)
    for sheet in ("Touchpoints", "Actions", "Comments"):
        for row in wb[sheet].iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value[:1] in "=+-@":
                    assert c.data_type == "s", (sheet, c.coordinate, c.value)
                    assert c.quotePrefix
                elif isinstance(c.value, str):  # the mark stays on its own cell
                    assert not c.quotePrefix, (sheet, c.coordinate, c.value)
    # the raw XML holds no <f> element except our own Check formulas on Governance
    import zipfile

    with zipfile.ZipFile(exported) as z:
        names = {n: z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")}
    assert sum("<f>" in x for x in names.values()) == 1


def test_kpis_sheet(exported: Path, journey: dict[str, str]) -> None:
    G, A, R = (status_label(k) for k in ("green", "amber", "red"))
    wb = load(exported)
    ws = wb["KPIs"]
    df = pd.read_excel(exported, sheet_name="KPIs")
    home = df[(df["Touchpoint ID"] == journey["home"])].iloc[0]
    assert home["Latest value"] == 4.5 and home["Target"] == 4.2 and home["Status"] == G
    assert home["KPI owner"] != home["KPI owner"] or home["KPI owner"] == ""  # CSAT has no owner
    statuses = dict(zip(df["KPI"], df["Status"], strict=True))
    assert statuses == {"CSAT": G, "Conversion": R, "Handling time": A}
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert {r.formula[0] for r in rules} == {f'"{G}"', f'"{A}"', f'"{R}"'}
    hist = pd.read_excel(exported, sheet_name="KPI history")
    assert len(hist) == 4 and set(hist["KPI"]) == {"CSAT", "Conversion", "Handling time"}
    csat = hist[(hist["Touchpoint ID"] == journey["home"])]
    assert list(csat["Value"]) == [3.9, 4.5]  # dated history, oldest first
    assert str(csat["Measured at"].iloc[0]).startswith("2026-01-01")


def test_governance_sheet(exported: Path, journey: dict[str, str]) -> None:
    ws = load(exported)["Governance"]
    header = [c.value for c in ws[4]]
    assert header[:4] == ["Touchpoint ID", "Touchpoint", "Stage", "Check"]
    assert header[4:7] == ["Ann Owner", "Bob Service", "Logistics"]
    rows = {ws.cell(r, 1).value: [ws.cell(r, j).value for j in range(5, 8)] for r in range(5, 10)}
    assert rows[journey["cart"]] == ["A/R", "R", None]
    assert rows[journey["search"]] == ["A", "A", None]
    assert ws.cell(5, 4).value.startswith("=IF(COUNTIF(")
    dv = ws.data_validations.dataValidation[0]
    assert dv.formula1 == '"R,A,C,I,A/R"' and "E5" in str(dv.sqref)
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert any('COUNTIF($E5:$G5,"*A*")<>1' in r.formula[0] for r in rules)
    kpi_rows = pd.read_excel(exported, sheet_name="Governance", header=None)
    start = kpi_rows.index[kpi_rows[0] == "KPI ID"][0]
    table = kpi_rows.iloc[start + 1 :, :8]
    owners = dict(zip(table[1], table[6], strict=True))
    assert owners["Conversion"] == "Ann Owner"
    assert "KpiOwnership" in ws.tables


def test_actions_and_comments(exported: Path) -> None:
    actions = pd.read_excel(exported, sheet_name="Actions")
    assert list(actions["Title"]) == ["Retry payments", "Faster checkout", "+ new banner"]
    assert list(actions["Priority"]) == [5.0, 1.0, 1.0]
    assert list(actions["Status"]) == ["open", "in progress", "open"]
    assert str(actions["Due date"].iloc[0]).startswith("2026-06-30")
    comments = pd.read_excel(exported, sheet_name="Comments")
    assert list(comments["Author"]) == ["Ann", "Bob"]
    assert list(comments["Resolved"]) == ["yes", "no"]
    assert comments["Comment"].iloc[1] == "@channel card errors spike"


def test_fonts_are_named(exported: Path) -> None:
    wb = load(exported)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None and c.has_style:
                    assert c.font.name == "Calibri", (ws.title, c.coordinate)


def test_cell_limits_and_control_characters(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    file_ws.update("touchpoint", journey["home"], description="x" * 40_000, title="bell\x07 ok")
    out = export_xlsx(file_ws, journey["journey"], tmp_path / "big.xlsx")
    df = pd.read_excel(out, sheet_name="Touchpoints")
    home = df[df["Touchpoint ID"] == journey["home"]].iloc[0]
    assert len(home["Description"]) == MAX_CELL_CHARS and home["Title"] == "bell ok"


def test_sheet_titles() -> None:
    taken: set[str] = set()
    assert sheet_title("Q1: [draft] a/b?*\\", taken) == "Q1- -draft- a-b---"
    assert len(sheet_title("x" * 50)) == 31
    assert sheet_title("Map", taken) == "Map" and sheet_title("map", taken) == "map (2)"
    assert sheet_title("") == "Sheet"


def test_put_keeps_types() -> None:
    wb = openpyxl.Workbook()
    c = put(wb.active["A1"], "\tnot a formula")
    assert c.data_type == "s" and c.quotePrefix
    assert put(wb.active["A2"], 3.5).value == 3.5
    assert put(wb.active["A3"], "plain").quotePrefix is False


def test_friction_sheets_with_plain_data(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    data = {
        "dataset_name": "web log", "n_cases": 100, "n_events": 900,
        "metrics": [
            {"touchpoint_id": journey["cart"], "reach": 80, "events": 120, "dropoff_rate": 0.4,
             "friction": 0.8, "reasons": ["40% drop off here"]},
            {"touchpoint_id": journey["home"], "reach": 100, "events": 150, "friction": 0.1},
        ],
        "transitions": [{"source_id": journey["home"], "target_id": journey["cart"], "cases": 70,
                         "median_seconds": 120.0}],
        "funnel": [{"label": "Discover", "cases": 100, "share": 1.0}, {"label": "Buy", "cases": 80, "share": 0.8}],
    }  # fmt: skip
    out = export_xlsx(file_ws, journey["journey"], tmp_path / "friction.xlsx", analysis=data)
    wb = load(out)
    assert wb.sheetnames.index("Friction map") == 2 and "Friction" in wb.sheetnames
    fmap = wb["Friction map"]
    cart = next(
        c for row in fmap.iter_rows(min_row=4) for c in row if str(c.value).startswith("Cart")
    )
    assert "friction 80.0: 40% drop off here" in str(cart.value)  # the app's 0-100 scale
    ws = wb["Friction"]
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert "1. Cart (Buy)" in values and "Home page" in values and 80 in values and 80.0 in values
    assert any(r.colorScale for cf in ws.conditional_formatting for r in cf.rules)


def test_friction_from_analysis_report(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path
) -> None:
    from cxmapper.analysis import report as analysis
    from cxmapper.analysis.readers import from_frame
    from cxmapper.analysis.workspace_adapter import journey_spec

    ws = file_ws
    for key, event in (("home", "home"), ("search", "search"), ("cart", "cart"), ("slow", "slow")):
        ws.update("touchpoint", journey[key], match_events=[event])
    rows = []
    for case in range(20):
        path = ["home", "search", "cart"] if case % 3 else ["home", "slow"]
        for i, event in enumerate(path):
            rows.append(
                {
                    "case_id": f"c{case}",
                    "activity": event,
                    "timestamp": f"2026-01-01T{case:02d}:{i:02d}:00Z",
                }
            )
    frame = from_frame(pd.DataFrame(rows))
    report = analysis.analyze(frame, journey_spec(ws, journey["journey"]))
    out = export_xlsx(ws, journey["journey"], tmp_path / "report.xlsx", analysis=report)
    df = pd.read_excel(out, sheet_name="Friction", header=None)
    assert (df == "Home page").any().any()


def test_governance_sheet_leaves_out_the_customers_thoughts(
    file_ws, journey: dict[str, str], tmp_path: Path
) -> None:
    from cxmapper.io.xlsx_export import export_xlsx

    thoughts = file_ws.add_lane(journey["journey"], "Thoughts", "thoughts")
    doubt = file_ws.add_touchpoint(journey["buy"], thoughts.id, "Is the price fair?")
    path = export_xlsx(file_ws, journey["journey"], tmp_path / "g.xlsx")
    sheet = load(path)["Governance"]
    ids = {sheet.cell(r, 1).value for r in range(5, sheet.max_row + 1)}
    assert journey["cart"] in ids and doubt.id not in ids
    overview = " ".join(
        str(c.value) for row in load(path)["Overview"].iter_rows() for c in row if c.value
    )
    assert "Is the price fair?" not in overview


def test_map_rich_text_is_the_same_with_cached_run_fonts(
    file_ws: Workspace, journey: dict[str, str], tmp_path: Path, monkeypatch
) -> None:
    """The run fonts' cached XML writes exactly what openpyxl's own serialiser writes."""
    import zipfile

    from openpyxl.cell.text import InlineFont

    from cxmapper.io.xlsx_sheets import map_sheet

    def map_xml(path: Path) -> bytes:
        with zipfile.ZipFile(path) as z:
            return z.read("xl/worksheets/sheet2.xml")  # Map, the second sheet

    cached = map_xml(export_xlsx(file_ws, journey["journey"], tmp_path / "cached.xlsx"))
    monkeypatch.setattr(map_sheet.RunFont, "to_tree", InlineFont.to_tree)
    plain = map_xml(export_xlsx(file_ws, journey["journey"], tmp_path / "plain.xlsx"))
    assert cached == plain and cached.count(b"<rPr") >= 4  # title and meta runs of the cards


def test_every_table_names_its_columns_after_the_header_cells(exported: Path) -> None:
    """Excel repairs a file whose table column names differ from the header cells."""
    wb = load(exported)
    n_tables = 0
    for ws in wb.worksheets:
        for table in ws.tables.values():
            n_tables += 1
            header = next(ws[table.ref].__iter__())
            assert [c.name for c in table.tableColumns] == [str(c.value) for c in header]
            assert len({c.id for c in table.tableColumns}) == len(table.tableColumns)
            assert table.autoFilter is not None and table.autoFilter.ref == table.ref
    assert n_tables >= 5
