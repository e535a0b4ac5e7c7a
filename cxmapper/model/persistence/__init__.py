"""The only code that speaks SQL. Everything above it deals in tables, ids and row dicts."""
