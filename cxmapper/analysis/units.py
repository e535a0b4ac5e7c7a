"""The number formats now live in `cxmapper.present.units`; re-exported for the analysis code."""

from cxmapper.present.units import format_duration, format_ratio, format_score, format_share

__all__ = ["format_duration", "format_ratio", "format_score", "format_share"]
