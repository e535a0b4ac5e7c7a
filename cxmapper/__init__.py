"""cxmapper: customer-journey mapping with behavioural overlays, KPIs and governance."""

__version__ = "0.1.0"
