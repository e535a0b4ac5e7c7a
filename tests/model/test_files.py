"""Opening files that are not (or no longer) cxmapper workspaces: clear errors, file untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from cxmapper.errors import WorkspaceError
from cxmapper.model.persistence import schema
from cxmapper.model.versions import versions
from cxmapper.model.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(path: Path, *fragments: str) -> None:
    before = digest(path) if path.is_file() else None
    with pytest.raises(WorkspaceError) as info:
        Workspace.open(path)
    message = str(info.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message
    if before is not None:
        assert digest(path) == before, "a refused file must not be modified"


def make_workspace(path: Path) -> None:
    with Workspace.create(path) as ws:
        j = ws.add_journey("J")
        ws.add_stage(j.id, "S")


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.cxmap"
    path.write_text("journey ideas\n")
    assert_refused(path, "not a SQLite database")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.cxmap"
    path.write_bytes(b"")
    assert_refused(path, "empty")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert_refused(tmp_path / "missing.cxmap", "no such workspace")
    assert_refused(tmp_path, "folder")


def test_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.cxmap"
    make_workspace(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert_refused(path, "truncated")


def test_header_only(tmp_path: Path) -> None:
    path = tmp_path / "cut.cxmap"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    assert_refused(path, "truncated")


def test_corrupted_pages(tmp_path: Path) -> None:
    path = tmp_path / "bad.cxmap"
    make_workspace(path)
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # scribble over the b-tree header of every page
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    assert_refused(path, "damaged")


def test_database_of_another_application(tmp_path: Path) -> None:
    path = tmp_path / "crm.cxmap"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    assert_refused(path, "another application", "customers")


def test_empty_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "blank.cxmap"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    assert_refused(path, "empty SQLite database")


@pytest.mark.parametrize(
    "ddl",
    [
        "CREATE TRIGGER evil AFTER INSERT ON comments BEGIN DELETE FROM touchpoints; END",
        "CREATE VIEW spy AS SELECT * FROM parties",
    ],
)
def test_unknown_trigger_or_view(tmp_path: Path, ddl: str) -> None:
    path = tmp_path / "tampered.cxmap"
    make_workspace(path)
    conn = sqlite3.connect(path)
    conn.execute(ddl)
    conn.commit()
    conn.close()
    assert_refused(path, "never creates", ddl.split()[2])


def test_newer_schema_is_refused_naming_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "future.cxmap"
    make_workspace(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.CURRENT_VERSION + 3}")
    conn.commit()
    conn.close()
    assert_refused(path, f"version {schema.CURRENT_VERSION + 3}", f"up to {schema.CURRENT_VERSION}")


def test_missing_table_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "partial.cxmap"
    make_workspace(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE comments")
    conn.commit()
    conn.close()
    assert_refused(path, "comments")


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "x.cxmap"
    make_workspace(path)
    with pytest.raises(WorkspaceError, match="already exists"):
        Workspace.create(path)


def test_file_is_marked_and_configured(tmp_path: Path) -> None:
    path = tmp_path / "ok.cxmap"
    make_workspace(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


# -- migrations ---------------------------------------------------------------------------


def test_v1_fixture_is_migrated_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.cxmap"
    shutil.copy(FIXTURES / "workspace-v1.cxmap", path)
    original = digest(path)
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.CURRENT_VERSION
        [j] = ws.journeys()
        assert (j.name, j.persona_id) == ("Online purchase", "pe1")
        assert [t.title for t in ws.touchpoints(j.id)] == ["Home page", "Checkout"]
        checkout = ws.get("touchpoint", "t2")
        assert (checkout.is_goal, checkout.match_patterns, checkout.emotion) == (
            True,
            ["checkout_*"],
            -2,
        )
        assert [r.value for r in ws.readings("t1")] == [3.9, 4.3]
        assert ws.datasets() == []
        ws.add_dataset("log", b"data", n_events=1, n_cases=1)  # the v2 tables work
    backup = tmp_path / "old.cxmap.v1.bak"
    assert backup.exists() and digest(backup) == original
    with Workspace.open(path) as ws:  # reopening does not migrate again
        assert len(ws.datasets()) == 1
    assert not (tmp_path / "old.cxmap.v2.bak").exists()


@pytest.mark.parametrize("version", range(1, schema.CURRENT_VERSION + 1))
def test_every_released_version_has_a_fixture(version: int) -> None:
    assert (FIXTURES / f"workspace-v{version}.cxmap").exists()


def test_v2_fixture_is_migrated_with_lineage_and_an_empty_log(tmp_path: Path) -> None:
    path = tmp_path / "v2.cxmap"
    shutil.copy(FIXTURES / "workspace-v2.cxmap", path)
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.CURRENT_VERSION
        assert [t.title for t in ws.touchpoints()] == ["Home page", "Checkout"]
        assert ws.dataset_payload("d1") == b"PAR1-not-really"
        assert ws.surveys() == []
        # every existing stage, lane, card and connector starts its own lineage
        assert [t.lineage_id for t in ws.touchpoints()] == ["t1", "t2"]
        assert [c.lineage_id for c in ws.connectors()] == ["c1"]
        assert ws.get("kpi", "k1").frequency == ""
        assert ws.change_log() == []
    assert (tmp_path / "v2.cxmap.v2.bak").exists()


def test_v3_fixture_is_migrated_keeping_its_scores_and_kinds(tmp_path: Path) -> None:
    path = tmp_path / "v3.cxmap"
    shutil.copy(FIXTURES / "workspace-v3.cxmap", path)
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.CURRENT_VERSION
        assert ws.get("touchpoint", "t3").emotion is None
        assert ws.get("kpi", "k2").kind == "nps"
        assert ws.surveys() == []
    assert (tmp_path / "v3.cxmap.v3.bak").exists()


def test_v4_fixture_is_migrated_keeping_its_survey(tmp_path: Path) -> None:
    path = tmp_path / "v4.cxmap"
    shutil.copy(FIXTURES / "workspace-v4.cxmap", path)
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.CURRENT_VERSION
        [survey] = ws.surveys()
        assert (survey.id, survey.n_responses, survey.journey_id) == ("sv1", 2, "j1")
        assert ws.payload("survey", "sv1") == b"PAR1-survey"
        assert ws.change_log() == []
    assert (tmp_path / "v4.cxmap.v4.bak").exists()


def test_current_version_fixture_opens_without_migrating(tmp_path: Path) -> None:
    path = tmp_path / "current.cxmap"
    shutil.copy(FIXTURES / f"workspace-v{schema.CURRENT_VERSION}.cxmap", path)
    with Workspace.open(path) as ws:
        assert ws.schema_version() == schema.CURRENT_VERSION
        assert [t.title for t in ws.touchpoints()][:2] == ["Home", "Checkout"]
        assert ws.dataset_payload("d1") == b"PAR1-not-really"
        assert [s.id for s in ws.surveys()] == ["sv1"]
        assert ws.get("kpi", "k1").frequency == "monthly"
        assert [v.name for v in versions(ws, "j1")] == ["As-is"]
        log = ws.change_log()
        assert [(x.action, x.kind, x.author) for x in log] == [
            ("changed", "kpi", "Fixture Writer"),
            ("added", "version", "Fixture Writer"),
            ("changed", "touchpoint", "Fixture Writer"),
            ("changed", "journey", "Fixture Writer"),  # v6: the value model
        ]
        assert log[2].fields == {"title": ["Home page", "Home"]}
    assert not list(tmp_path.glob("*.bak"))
    assert not list(tmp_path.glob("*.bak"))


def test_migration_steps_apply_in_order(tmp_path: Path) -> None:
    """Each migration applied alone to the previous version gives the same tables as a fresh file."""
    fresh = tmp_path / "fresh.cxmap"
    make_workspace(fresh)
    stepped = tmp_path / "stepped.cxmap"
    shutil.copy(FIXTURES / "workspace-v1.cxmap", stepped)
    Workspace.open(stepped).close()

    def table_sql(path: Path) -> dict[str, str]:
        conn = sqlite3.connect(path)
        try:
            return dict(
                conn.execute("SELECT name, sql FROM sqlite_master WHERE type IN ('table','index')")
            )
        finally:
            conn.close()

    assert table_sql(stepped) == table_sql(fresh)


def test_sqlite_utils_view_of_a_workspace(file_ws: Workspace) -> None:
    db = file_ws._store.db
    assert {"journeys", "touchpoints", "datasets"} <= set(db.table_names())
    assert db["touchpoints"].foreign_keys  # declared references, checked by SQLite
    assert not db.triggers and not db.view_names()
