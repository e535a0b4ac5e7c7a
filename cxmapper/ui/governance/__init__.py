"""Governance views: the change log (History), the journey's versions, and their differences."""
