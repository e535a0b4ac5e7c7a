"""Customer feedback, headless: survey import, linking to cases and cards, measures, drivers,
topics and the before/after verdict of improvement actions. No Qt; the app and the CLI call it.
"""
