"""The analysis panel's result tabs: which views there are, in which order, under which title.

Why apart from panel.py: the panel is about running an analysis (dataset, filters, background
job); the list of views it shows the result in grows with every feature and is read on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QVBoxLayout

from cxmapper.ui.overlay.fit_widgets import ViewTabs
from cxmapper.ui.overlay.views.before_after import BeforeAfterView
from cxmapper.ui.overlay.views.friction import FrictionView
from cxmapper.ui.overlay.views.funnel import FunnelView
from cxmapper.ui.overlay.views.paths import PathsView
from cxmapper.ui.overlay.views.trend import TrendView
from cxmapper.ui.overlay.views.unmatched import UnmatchedView
from cxmapper.ui.overlay.views.version_periods import VersionPeriods

if TYPE_CHECKING:
    from cxmapper.ui.overlay.panel import AnalysisPanel


def build_views(panel: AnalysisPanel) -> ViewTabs:
    """Make the result views as attributes of `panel` and return the tab widget holding them."""
    panel.funnel = FunnelView()
    panel.trend = TrendView()
    panel.friction = FrictionView()
    panel.unmatched = UnmatchedView()
    panel.unmatched.map_button.clicked.connect(panel.map_selected_events)
    panel.unmatched.bootstrap_button.clicked.connect(panel.create_from_top_events)
    panel.paths = PathsView()
    panel.before_after = BeforeAfterView()
    panel.version_periods = VersionPeriods(panel)  # two versions' live periods as the windows
    layout = panel.before_after.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(0, panel.version_periods)
    tabs = ViewTabs()  # a drop-down instead of the tab bar when the titles do not fit
    for view, title, name in (
        (panel.funnel, QT_TRANSLATE_NOOP("OverlayPanel", "Funnel"), "funnel"),
        (panel.trend, QT_TRANSLATE_NOOP("OverlayPanel", "Weekly trend"), "trend"),
        (panel.friction, QT_TRANSLATE_NOOP("OverlayPanel", "Top friction"), "friction"),
        (panel.unmatched, QT_TRANSLATE_NOOP("OverlayPanel", "Unmatched events"), "unmatched"),
        (panel.paths, QT_TRANSLATE_NOOP("OverlayPanel", "Paths"), "paths"),
        (panel.before_after, QT_TRANSLATE_NOOP("OverlayPanel", "Before / after"), "before_after"),
    ):  # fmt: skip
        view.setObjectName(f"analysisView.{name}")
        tabs.addTab(view, QCoreApplication.translate("OverlayPanel", str(title)))
        if hasattr(view, "touchpoint_clicked"):
            view.touchpoint_clicked.connect(panel._touchpoint_clicked)
    return tabs
