"""Channels view: the channel-to-channel matrix of the analysed log, with the headline figures.

Each row is one (from, to) channel pair of `analysis.channels`' matrix (docs/metrics.md,
*Omnichannel continuity*): how many hops, by how many cases, and the median time between the
two events; the line above it gives the hop rate, the share of cases that finish in another
channel than they started in, the repeat-contact rate and first-contact resolution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cxmapper.present.labels import channel_label
from cxmapper.present.palette import CHANNELS
from cxmapper.present.units import format_duration
from cxmapper.ui.locale_format import number, percent
from cxmapper.ui.overlay.views.table import ROLE_SORT, ResultTable, number_cell, text_cell

if TYPE_CHECKING:
    from cxmapper.analysis.channels import ChannelFigures

HOPS_COL = 2


def channel_name(key: str) -> str:
    """A channel key as people read it (an unknown channel as it was typed)."""
    return channel_label(key) if key in CHANNELS else key


def _share(value: float) -> str:
    return "–" if value != value else percent(value, 1)


class ChannelsView(QWidget):
    """The matrix as a sortable table (most hops first) and a summary line above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(
            QCoreApplication.translate(
                "ChannelsView", "Analyse a dataset to see how customers move between channels."
            )
        )
        self.summary.setWordWrap(True)
        self.summary.setObjectName("channelsSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # short titles: the dock beside the map is ~360 px at 1366x768 and "Share of cases"
        # pushed the last column past its edge; each header's tooltip says it in full
        headers = [QCoreApplication.translate("ChannelsView", "From"), QCoreApplication.translate("ChannelsView", "To"), QCoreApplication.translate("ChannelsView", "Hops"), QCoreApplication.translate("ChannelsView", "Cases"), QCoreApplication.translate("ChannelsView", "Share"),
                   QCoreApplication.translate("ChannelsView", "Median gap")]  # fmt: skip
        tips = [
            QCoreApplication.translate("ChannelsView", "The channel of the event before the hop"),
            QCoreApplication.translate(
                "ChannelsView", "The channel of the next event of the same case"
            ),
            QCoreApplication.translate(
                "ChannelsView",
                "Consecutive events of a case in these two channels, within the hop window",
            ),
            QCoreApplication.translate("ChannelsView", "Distinct cases with at least one such hop"),
            QCoreApplication.translate(
                "ChannelsView", "Share of cases: those cases ÷ all cases with a channel"
            ),
            QCoreApplication.translate(
                "ChannelsView",
                "Median time between: from the event before the hop to the one after it",
            ),
        ]
        self.table = ResultTable(
            headers, tips=tips, sort=(HOPS_COL, Qt.SortOrder.DescendingOrder), names=()
        )  # both channels of a hop may shrink to a few letters (whole in the tooltip)
        self.table.setObjectName("channelsMatrix")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def clear(self) -> None:
        self.table.set_rows([])
        self.summary.setText(
            QCoreApplication.translate(
                "ChannelsView", "Analyse a dataset to see how customers move between channels."
            )
        )

    def fill(self, channels: ChannelFigures | None) -> None:
        """Show `ChannelFigures` (None: the analysis has no channel figures)."""
        if channels is None:
            self.table.set_rows([])
            self.summary.setText(
                QCoreApplication.translate("ChannelsView", "This analysis has no channel figures.")
            )
            return
        self.summary.setText(
            QCoreApplication.translate(
                "ChannelsView",
                "{hop_cases} of {cases} cases change channel ({hop_rate}); {switched} finish in "
                "another channel than they started in. Repeat contacts: {repeat}; first-contact "
                "resolution: {fcr}.",
            ).format(
                hop_cases=number(channels.hop_cases),
                cases=number(channels.n_cases),
                hop_rate=_share(channels.hop_rate),
                switched=_share(channels.switched_share),
                repeat=_share(channels.repeat_contact_rate),
                fcr=_share(channels.fcr),
            )
        )
        rows = []
        m = channels.matrix
        for src, dst, hops, cases, rate, median in m[
            ["from", "to", "hops", "cases", "case_rate", "median_seconds"]
        ].itertuples(index=False):
            rows.append(
                [
                    text_cell(channel_name(str(src))),
                    text_cell(channel_name(str(dst))),
                    number_cell(int(hops), number(int(hops))),
                    number_cell(int(cases), number(int(cases))),
                    number_cell(float(rate), _share(float(rate))),
                    number_cell(float(median), format_duration(float(median))),
                ]
            )
        self.table.set_rows(rows)

    def hops(self) -> list[tuple[str, str, int]]:
        """(from, to, hops) as the table shows them now, top to bottom (for tests)."""
        t = self.table
        return [
            (t.cell(r, 0).text(), t.cell(r, 1).text(), int(t.cell(r, HOPS_COL).data(ROLE_SORT)))
            for r in range(t.rowCount())
        ]


__all__ = ["ChannelsView"]
