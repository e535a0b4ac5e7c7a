"""Dialogs of the desktop app; each is importable on its own so start-up stays light."""
