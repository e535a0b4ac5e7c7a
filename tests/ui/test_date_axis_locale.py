"""Chart date axes name months in the app's language (pyqtgraph's strftime said "May" in an
Italian app: the C locale of the process)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from cxmapper.ui import translations
from cxmapper.ui.date_axis import LocaleDateAxis, local_names, localise


def test_month_names_follow_the_app_language(qapp: QCoreApplication) -> None:
    names = local_names(QLocale("it_IT"))
    assert localise("May 2026", names) == "mag 2026"
    assert localise("Mon 04", names) == "lun 04"
    assert localise("12:30", names) == "12:30"
    try:
        translations.install_language(qapp, "it")
        assert "mag" in _month_ticks()
    finally:
        translations.install_language(qapp, "en")
    assert "May" in _month_ticks()


def _month_ticks() -> list[str]:
    """The labels the axis draws for February to July 2026 on a 400-pixel axis."""
    import pyqtgraph as pg

    axis = LocaleDateAxis(orientation="bottom")
    plot = pg.PlotWidget(axisItems={"bottom": axis})
    start = datetime(2026, 2, 1, tzinfo=UTC).timestamp()
    end = datetime(2026, 7, 15, tzinfo=UTC).timestamp()
    plot.setXRange(start, end, padding=0)
    plot.resize(500, 200)
    plot.grab()  # lays the axis out (its font metrics are set when it is drawn)
    labels = []
    for spacing, values in axis.tickValues(start, end, 400):
        labels += axis.tickStrings(values, 1.0, spacing)
    plot.close()
    return labels
