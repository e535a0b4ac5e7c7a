"""Pictures of the map (PNG, SVG, PDF) drawn by the canvas scene itself, so they match the
window. Needs Qt, so it lives with the UI; the CLI and the export worker run it with an
offscreen QApplication (`ensure_app`), and `tasks` is what the worker process calls."""
