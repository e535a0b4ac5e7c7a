"""Domain model and SQLite persistence of a .cxmap workspace. Headless: never imports Qt."""
