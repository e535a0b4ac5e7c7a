"""Opening checks column definitions, values and references, not only which tables exist;
values that slip in after opening are refused by the entity mapping. File always untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from cxmapper.errors import WorkspaceError
from cxmapper.model import entities as e
from cxmapper.model.workspace import Workspace


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "w.cxmap"
    with Workspace.create(path) as ws:
        j = ws.add_journey("J")
        s = ws.add_stage(j.id, "S", id="s1")
        ln = ws.add_lane(j.id, "L", id="l1")
        ws.add_touchpoint(s.id, ln.id, "Card", id="t1", tags=["a"])
        kpi = ws.add_kpi("CSAT", id="k1")
        ws.add_reading("t1", kpi.id, 4.0, id="r1")
        ws.add_dataset("log", b"x", n_events=1, n_cases=1, id="d1", options={"tz": "UTC"})
    return path


def sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA legacy_alter_table = ON")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def refused(path: Path, *fragments: str) -> str:
    before = digest(path)
    with pytest.raises(WorkspaceError) as info:
        Workspace.open(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    assert digest(path) == before
    return message


def rebuild(path: Path, table: str, old: str, new: str) -> None:
    conn = sqlite3.connect(path)
    ddl = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    sql(path, f"ALTER TABLE {table} RENAME TO x_{table}", ddl.replace(old, new),
        f"INSERT INTO {table} SELECT * FROM x_{table}", f"DROP TABLE x_{table}")  # fmt: skip


def test_a_null_title_in_a_column_that_lost_not_null(path: Path) -> None:
    rebuild(path, "touchpoints", "title TEXT NOT NULL", "title TEXT")
    sql(path, "UPDATE touchpoints SET title = NULL")
    refused(path, "column touchpoints.title accepts empty values (NULL)")


def test_dropped_renamed_and_retyped_columns(path: Path, tmp_path: Path) -> None:
    sql(path, "ALTER TABLE touchpoints DROP COLUMN channel")
    refused(path, "table touchpoints has no column channel")
    other = tmp_path / "o.cxmap"
    Workspace.create(other).close()
    sql(other, "ALTER TABLE comments RENAME COLUMN text TO body")
    refused(other, "table comments has no column text")


def test_retyped_column_and_removed_check(path: Path, tmp_path: Path) -> None:
    rebuild(path, "readings", "value REAL NOT NULL", "value TEXT NOT NULL")
    refused(path, "readings.value is declared TEXT, not REAL")
    other = tmp_path / "o.cxmap"
    Workspace.create(other).close()
    rebuild(other, "touchpoints", "CHECK (emotion BETWEEN -2 AND 2)", "")
    refused(other, "table touchpoints is defined differently")


def test_missing_and_foreign_indexes(path: Path, tmp_path: Path) -> None:
    sql(path, "DROP INDEX readings_kpi")
    refused(path, "index readings_kpi on table readings is missing")
    other = tmp_path / "o.cxmap"
    Workspace.create(other).close()
    sql(other, "CREATE UNIQUE INDEX only_one ON touchpoints(title)")
    refused(other, "index only_one")


def test_a_text_kpi_value_names_table_row_and_column(path: Path) -> None:
    sql(path, "UPDATE readings SET value = 'four' WHERE id = 'r1'")
    refused(path, "table readings, row 'r1', column value: holds text 'four'", "a number")


@pytest.mark.parametrize(
    ("table", "column", "value", "problem"),
    [
        ("touchpoints", "tags", '["a", oops', "is not a JSON list of texts"),
        ("touchpoints", "match_events", '{"a": 1}', "is not a JSON list of texts"),
        ("touchpoints", "match_patterns", "[1]", "is not a JSON list of texts"),
        ("datasets", "columns", "[[[]]]", "is not a JSON list of texts"),
        ("datasets", "options", "{tz: UTC}", "is not a JSON object"),
        ("datasets", "options", "[]", "is not a JSON object"),
    ],
)
def test_malformed_json_in_every_json_column(
    path: Path, table: str, column: str, value: str, problem: str
) -> None:
    sql(path, f"UPDATE {table} SET {column} = '{value}'")
    refused(path, f"table {table}, row ", f"column {column}", problem)


def test_huge_values_are_quoted_short(path: Path) -> None:
    sql(path, "UPDATE readings SET value = 'x' || hex(zeroblob(500000))")
    assert len(refused(path, "table readings")) < 400


def test_infinity_and_null_primary_key(path: Path, tmp_path: Path) -> None:
    sql(path, "UPDATE kpis SET target = 9e999")
    refused(path, "table kpis, row 'k1', column target", "finite")
    other = tmp_path / "o.cxmap"
    Workspace.create(other).close()
    sql(other, "INSERT INTO personas (id, name) VALUES (NULL, 'ghost')")
    refused(other, "table personas, row #1, column id: empty (NULL)")


def test_dangling_reference(path: Path) -> None:
    sql(path, "UPDATE touchpoints SET lane_id = 'gone' WHERE id = 't1'")
    refused(path, "table touchpoints, row 't1', column lane_id", "lanes", "does not exist")


def test_version_that_does_not_match_the_tables(path: Path) -> None:
    sql(path, "PRAGMA user_version = 1")
    refused(path, "schema version 1", "dataset_chunks, datasets")
    assert not list(path.parent.glob("*.bak"))  # refused before the migration's backup


def test_a_healthy_file_and_the_fixtures_still_open(path: Path) -> None:
    with Workspace.open(path, read_only=True) as ws:
        assert [t.tags for t in ws.touchpoints()] == [["a"]]
        assert ws.datasets()[0].options == {"tz": "UTC"}


# -- the mapping layer: values written by another program after opening -----------------------


@pytest.mark.parametrize(
    ("statement", "read", "fragments"),
    [
        ("UPDATE touchpoints SET tags = '[oops'", "touchpoints",
         ("table touchpoints, row 't1', column tags", "not valid JSON")),
        ("UPDATE datasets SET options = '[1]'", "datasets",
         ("table datasets, row 'd1', column options", "not a JSON object")),
        ("UPDATE readings SET value = 'four'", "readings",
         ("table readings, row 'r1', column value: str 'four'", "a number")),
        ("UPDATE stages SET position = 'first'", "touchpoints",
         ("table stages, row 's1', column position", "a whole number")),
        ("UPDATE touchpoints SET tags = '[' || '[' || '[1]' || ']' || ']'", "touchpoints",
         ("column tags", "list of texts")),
    ],
)  # fmt: skip
def test_bad_values_after_opening_are_refused_by_the_mapping(
    path: Path, statement: str, read: str, fragments: tuple[str, ...]
) -> None:
    with Workspace.open(path) as ws:
        sql(path, statement)  # another program, after our checks ran
        with pytest.raises(e.BadValue) as info:
            getattr(ws, read)()
    message = str(info.value)
    assert message.startswith(f"{path}: table ") and "\n" not in message
    for fragment in fragments:
        assert fragment in message, message


def test_deeply_nested_json_does_not_recurse_forever() -> None:
    row = {"id": "t9", "journey_id": "j", "stage_id": "s", "lane_id": "l", "title": "T",
           "tags": "[" * 100_000 + "]" * 100_000}  # fmt: skip
    with pytest.raises(e.BadValue, match="row 't9', column tags: str '\\[\\[\\["):
        e.from_row(e.Touchpoint, row, "w.cxmap: table touchpoints")


def test_a_read_only_open_changes_nothing_and_leaves_no_files(path: Path) -> None:
    """info/export open this way: a rollback-journal file keeps its mode (no switch to WAL)."""
    sql(path, "PRAGMA journal_mode = DELETE")
    before = digest(path)
    with Workspace.open(path, read_only=True) as ws:
        assert [t.title for t in ws.touchpoints()] == ["Card"]
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_the_model_never_writes_what_opening_would_refuse(path: Path) -> None:
    from cxmapper.errors import ValidationError

    with Workspace.open(path) as ws:
        [stage], [lane] = ws.stages(ws.journeys()[0].id), ws.lanes(ws.journeys()[0].id)
        with pytest.raises(ValidationError, match="tags must be a list of texts"):
            ws.add_touchpoint(stage.id, lane.id, "T", tags=[1, 2])
        with pytest.raises(ValidationError, match="match_events must be a list of texts"):
            ws.update("touchpoint", "t1", match_events="home")
        with pytest.raises(ValidationError, match="target must be a finite number"):
            ws.update("kpi", "k1", target=float("inf"))
    Workspace.open(path).close()  # still opens
