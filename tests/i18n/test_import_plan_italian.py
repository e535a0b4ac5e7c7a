"""The workbook import's plan reads in the user's language (`cxmapper import-xlsx --dry-run`,
the app's confirmation): its frame lines were English f-strings."""

from __future__ import annotations

from cxmapper.io.xlsx_plan import Conflict, ImportPlan, PlannedChange
from cxmapper.present import language


def test_plan_report_in_italian() -> None:
    plan = ImportPlan("mappa.xlsx", "j1", "Acquisto online", "2026-05-01")
    plan.changes.append(
        PlannedChange("update", "touchpoint", "t1", {}, "Carrello: titolo", "Righe 3")
    )
    plan.conflicts.append(Conflict("Righe 4", "cella cambiata in entrambi"))
    with language.in_language("it"):
        text = plan.report()
        empty = ImportPlan("mappa.xlsx", "j1", "Acquisto online", "2026-05-01").report()
    assert text.splitlines()[:2] == [
        "mappa.xlsx: percorso 'Acquisto online', esportato il 2026-05-01",
        "modifiche (1):",
    ]
    assert "conflitti, non applicati (1):" in text
    assert empty.endswith("nessuna modifica da applicare")
    assert "no changes to apply" in ImportPlan("x.xlsx", "j", "J", "t").report()  # English
