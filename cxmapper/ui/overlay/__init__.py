"""Behavioural overlay: import wizard, background jobs, analysis panel and canvas colouring."""
