"""The History tab in an Italian app: what hangs off the card is worded as one Italian phrase
("aggiunta di rilevazione KPI", not "rilevazione KPI aggiunta" with the wrong gender for a
comment) and a reading's value has the decimal comma; an English app keeps the English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from cxmapper.ui import translations
from cxmapper.ui.inspector.touchpoint_history import HistoryRow, TouchpointHistory
from cxmapper.ui.inspector.touchpoint_kpis import TouchpointKpis
from tests.ui.rigs import Rig


@pytest.fixture
def italian(qapp: QCoreApplication) -> Iterator[None]:
    assert translations.install_language(qapp, "it") == "it"
    yield
    translations.install_language(qapp, "en")


def history_of_home(rig: Rig) -> list[HistoryRow]:
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    page = rig.tp.show_tab("history")
    assert isinstance(page, TouchpointHistory)
    return page.rows


def test_history_reads_italian(italian: None, rig: Rig) -> None:
    whats = [r.what for r in history_of_home(rig)]
    assert "aggiunta di rilevazione KPI: 3,9" in whats, whats
    assert not any("3.9" in w or w.endswith(" aggiunta") for w in whats), whats


def test_history_reads_english(qapp: QCoreApplication, rig: Rig) -> None:
    translations.install_language(qapp, "en")
    whats = [r.what for r in history_of_home(rig)]
    assert "KPI reading added: 3.9" in whats


def test_kpi_tab_writes_decimal_commas(italian: None, rig: Rig) -> None:
    """The KPI tab read "4.27 1-5" and "Obiettivo 4.3" in the Italian gallery."""
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    page = rig.tp.show_tab("kpis")
    assert isinstance(page, TouchpointKpis)
    assert page.table.item(0, 1).text() == "3,9 score"
    assert page.target.text() == "4,2"
    assert "3,9" in page.kpi.currentText()


def test_date_fields_write_dates_as_the_language_does(
    italian: None, rig: Rig, qapp: QCoreApplication
) -> None:
    """The KPI tab's and the analysis panel's date fields read "2026-04-26" in Italian."""
    from PySide6.QtCore import QDate

    from cxmapper.ui.overlay.panel import AnalysisPanel

    rig.panel.show_entity("touchpoint", rig.ids["home"])
    page = rig.tp.show_tab("kpis")
    assert isinstance(page, TouchpointKpis)
    page.date.setDate(QDate(2026, 4, 26))
    assert page.date.text() == "26/04/2026"
    panel = AnalysisPanel()
    try:
        panel.period_from.setDate(QDate(2026, 4, 26))
        assert panel.period_from.text() == "26/04/2026"
    finally:
        panel.deleteLater()


def test_tables_write_dates_as_the_language_does(italian: None, rig: Rig) -> None:
    """The KPI readings and the History tab listed ISO dates in Italian."""
    rig.panel.show_entity("touchpoint", rig.ids["home"])
    page = rig.tp.show_tab("kpis")
    assert isinstance(page, TouchpointKpis)
    assert page.table.item(0, 0).text() == "01/01/2026"
    when = history_of_home(rig)[0].when
    assert when[2] == "/" and when[5] == "/" and len(when) == len("06/12/2026 03:16:49")
