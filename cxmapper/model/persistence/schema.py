"""Schema of a .cxmap file, as ordered migrations.

A migration is never edited once released: a file of version N is brought to the current
version by running migrations N+1.. in order. `RELATIONS` mirrors the foreign keys so that a
removal can be snapshotted (for undo) before SQLite cascades it.
"""

from __future__ import annotations

from dataclasses import dataclass

APPLICATION_ID = 0x43584D50  # "CXMP": marks a SQLite file as a cxmapper workspace

MIGRATIONS: tuple[str, ...] = (
    # 1: the journey map, governance and annotations
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE parties (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'team')),
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        team_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
        email TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE personas (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE kpis (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        direction TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
        target REAL,
        tolerance REAL,
        owner_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE journeys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        persona_id TEXT REFERENCES personas(id) ON DELETE SET NULL,
        state TEXT NOT NULL DEFAULT 'current' CHECK (state IN ('current', 'future')),
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE stages (
        id TEXT PRIMARY KEY,
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        width REAL NOT NULL DEFAULT 220
    );
    CREATE INDEX stages_journey ON stages(journey_id, position);
    CREATE TABLE lanes (
        id TEXT PRIMARY KEY,
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'custom' CHECK (kind IN ('channel', 'actions', 'thoughts',
            'emotions', 'pain points', 'opportunities', 'backstage', 'custom')),
        position INTEGER NOT NULL DEFAULT 0,
        height REAL NOT NULL DEFAULT 140
    );
    CREATE INDEX lanes_journey ON lanes(journey_id, position);
    CREATE TABLE touchpoints (
        id TEXT PRIMARY KEY,
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        stage_id TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        lane_id TEXT NOT NULL REFERENCES lanes(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL DEFAULT '',
        component TEXT NOT NULL DEFAULT '' CHECK (component IN ('', 'product', 'service',
            'brand', 'user experience')),
        emotion INTEGER NOT NULL DEFAULT 0 CHECK (emotion BETWEEN -2 AND 2),
        tags TEXT NOT NULL DEFAULT '[]',
        owner_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
        is_goal INTEGER NOT NULL DEFAULT 0,
        match_events TEXT NOT NULL DEFAULT '[]',
        match_patterns TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX touchpoints_journey ON touchpoints(journey_id);
    CREATE INDEX touchpoints_cell ON touchpoints(stage_id, lane_id, position);
    CREATE INDEX touchpoints_lane ON touchpoints(lane_id);
    CREATE INDEX touchpoints_owner ON touchpoints(owner_id);
    CREATE TABLE connectors (
        id TEXT PRIMARY KEY,
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        source_id TEXT NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
        target_id TEXT NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
        label TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'expected' CHECK (kind IN ('expected', 'alternative'))
    );
    CREATE INDEX connectors_journey ON connectors(journey_id);
    CREATE INDEX connectors_source ON connectors(source_id);
    CREATE INDEX connectors_target ON connectors(target_id);
    CREATE TABLE readings (
        id TEXT PRIMARY KEY,
        touchpoint_id TEXT NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
        kpi_id TEXT NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
        value REAL NOT NULL,
        measured_at TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        owner_id TEXT REFERENCES parties(id) ON DELETE SET NULL
    );
    CREATE INDEX readings_touchpoint ON readings(touchpoint_id, kpi_id, measured_at);
    CREATE INDEX readings_kpi ON readings(kpi_id);
    CREATE INDEX readings_owner ON readings(owner_id);
    CREATE TABLE raci (
        id TEXT PRIMARY KEY,
        touchpoint_id TEXT NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
        party_id TEXT NOT NULL REFERENCES parties(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
        UNIQUE (touchpoint_id, party_id, role)
    );
    CREATE INDEX raci_party ON raci(party_id);
    CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        touchpoint_id TEXT NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        resolved INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX comments_touchpoint ON comments(touchpoint_id, created_at);
    CREATE TABLE actions (
        id TEXT PRIMARY KEY,
        touchpoint_id TEXT NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        owner_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
        impact INTEGER NOT NULL DEFAULT 3 CHECK (impact BETWEEN 1 AND 5),
        effort INTEGER NOT NULL DEFAULT 3 CHECK (effort BETWEEN 1 AND 5),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in progress', 'done',
            'dropped')),
        due_date TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX actions_touchpoint ON actions(touchpoint_id);
    CREATE INDEX actions_owner ON actions(owner_id);
    """,
    # 2: imported behavioural datasets, stored in chunks so the map opens without reading them
    """
    CREATE TABLE datasets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL,
        n_events INTEGER NOT NULL,
        n_cases INTEGER NOT NULL,
        columns TEXT NOT NULL DEFAULT '[]',
        options TEXT NOT NULL DEFAULT '{}',
        journey_id TEXT REFERENCES journeys(id) ON DELETE SET NULL
    );
    CREATE TABLE dataset_chunks (
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (dataset_id, seq)
    );
    """,
    # 3: a card may be "not scored" (emotion NULL: the emotion curve leaves it out), and a KPI
    # names its standard kind (NPS, CSAT...; '' for a custom KPI). SQLite cannot drop NOT NULL
    # in place: the table is rebuilt (with foreign keys off, see Store._migrate) and its indexes
    # made again. Existing scores are kept as they are, 0 included: whether a 0 meant "neutral"
    # or "never scored" cannot be known, and an edit is better than a silent loss.
    """
    CREATE TABLE touchpoints_v3 (
        id TEXT PRIMARY KEY,
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        stage_id TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        lane_id TEXT NOT NULL REFERENCES lanes(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL DEFAULT '',
        component TEXT NOT NULL DEFAULT '' CHECK (component IN ('', 'product', 'service',
            'brand', 'user experience')),
        emotion INTEGER CHECK (emotion BETWEEN -2 AND 2),
        tags TEXT NOT NULL DEFAULT '[]',
        owner_id TEXT REFERENCES parties(id) ON DELETE SET NULL,
        is_goal INTEGER NOT NULL DEFAULT 0,
        match_events TEXT NOT NULL DEFAULT '[]',
        match_patterns TEXT NOT NULL DEFAULT '[]'
    );
    INSERT INTO touchpoints_v3 (id, journey_id, stage_id, lane_id, position, title, description,
        channel, component, emotion, tags, owner_id, is_goal, match_events, match_patterns)
    SELECT id, journey_id, stage_id, lane_id, position, title, description, channel, component,
        emotion, tags, owner_id, is_goal, match_events, match_patterns FROM touchpoints;
    DROP TABLE touchpoints;
    ALTER TABLE touchpoints_v3 RENAME TO touchpoints;
    CREATE INDEX touchpoints_journey ON touchpoints(journey_id);
    CREATE INDEX touchpoints_cell ON touchpoints(stage_id, lane_id, position);
    CREATE INDEX touchpoints_lane ON touchpoints(lane_id);
    CREATE INDEX touchpoints_owner ON touchpoints(owner_id);
    ALTER TABLE kpis ADD COLUMN kind TEXT NOT NULL DEFAULT '';
    """,
    # 4: survey responses (customer feedback), stored like datasets: compressed Parquet chunks
    """
    CREATE TABLE surveys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL,
        n_responses INTEGER NOT NULL,
        columns TEXT NOT NULL DEFAULT '[]',
        options TEXT NOT NULL DEFAULT '{}',
        journey_id TEXT REFERENCES journeys(id) ON DELETE SET NULL
    );
    CREATE TABLE survey_chunks (
        survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (survey_id, seq)
    );
    """,
    # 5: governance: lineage across versions and copies, KPI reading frequency, named
    # versions of a journey, and the change log (audit trail) of every committed operation
    """
    ALTER TABLE stages ADD COLUMN lineage_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE lanes ADD COLUMN lineage_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE touchpoints ADD COLUMN lineage_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE connectors ADD COLUMN lineage_id TEXT NOT NULL DEFAULT '';
    UPDATE stages SET lineage_id = id;
    UPDATE lanes SET lineage_id = id;
    UPDATE touchpoints SET lineage_id = id;
    UPDATE connectors SET lineage_id = id;
    ALTER TABLE kpis ADD COLUMN frequency TEXT NOT NULL DEFAULT ''
        CHECK (frequency IN ('', 'weekly', 'monthly', 'quarterly'));
    CREATE TABLE journey_versions (
        id TEXT PRIMARY KEY,
        journey_id TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        live_from TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        snapshot TEXT NOT NULL
    );
    CREATE INDEX journey_versions_journey ON journey_versions(journey_id, created_at);
    CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        operation INTEGER NOT NULL,
        at TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL DEFAULT '',
        journey_id TEXT,
        details TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX change_log_journey ON change_log(journey_id, seq);
    CREATE INDEX change_log_entity ON change_log(entity_id, seq);
    """,
    # 6: a journey's value model (conversion value, currency, contact cost per channel, value per
    # segment) as one JSON object, read by model.value_models into an analysis ValueModel
    """
    ALTER TABLE journeys ADD COLUMN value_model TEXT NOT NULL DEFAULT '{}';
    """,
)

CURRENT_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Relation:
    """child.column references parent.id; on_delete is what SQLite does to the child."""

    child: str
    column: str
    parent: str
    on_delete: str  # "cascade" | "set null"


RELATIONS: tuple[Relation, ...] = (
    Relation("parties", "team_id", "parties", "set null"),
    Relation("kpis", "owner_id", "parties", "set null"),
    Relation("journeys", "persona_id", "personas", "set null"),
    Relation("stages", "journey_id", "journeys", "cascade"),
    Relation("lanes", "journey_id", "journeys", "cascade"),
    Relation("touchpoints", "journey_id", "journeys", "cascade"),
    Relation("touchpoints", "stage_id", "stages", "cascade"),
    Relation("touchpoints", "lane_id", "lanes", "cascade"),
    Relation("touchpoints", "owner_id", "parties", "set null"),
    Relation("connectors", "journey_id", "journeys", "cascade"),
    Relation("connectors", "source_id", "touchpoints", "cascade"),
    Relation("connectors", "target_id", "touchpoints", "cascade"),
    Relation("readings", "touchpoint_id", "touchpoints", "cascade"),
    Relation("readings", "kpi_id", "kpis", "cascade"),
    Relation("readings", "owner_id", "parties", "set null"),
    Relation("raci", "touchpoint_id", "touchpoints", "cascade"),
    Relation("raci", "party_id", "parties", "cascade"),
    Relation("comments", "touchpoint_id", "touchpoints", "cascade"),
    Relation("actions", "touchpoint_id", "touchpoints", "cascade"),
    Relation("actions", "owner_id", "parties", "set null"),
    Relation("datasets", "journey_id", "journeys", "set null"),
    Relation("surveys", "journey_id", "journeys", "set null"),
    Relation("journey_versions", "journey_id", "journeys", "cascade"),
)

# Parents before children: the order rows are re-inserted in when a removal is undone.
TABLE_ORDER: tuple[str, ...] = (
    "parties",
    "personas",
    "kpis",
    "journeys",
    "stages",
    "lanes",
    "touchpoints",
    "connectors",
    "readings",
    "raci",
    "comments",
    "actions",
    "datasets",
    "surveys",
    "journey_versions",
)

# Indexes SQLite creates for PRIMARY KEY / UNIQUE constraints are named sqlite_autoindex_*.
# The change log has no relations: it outlives what it describes (a deleted card's history).
KNOWN_TABLES: frozenset[str] = frozenset(
    (*TABLE_ORDER, "meta", "dataset_chunks", "survey_chunks", "change_log")
)

# Columns holding JSON, and the shape the program reads from them ("texts": a list of strings).
JSON_COLUMNS: dict[tuple[str, str], str] = {
    ("touchpoints", "tags"): "texts",
    ("touchpoints", "match_events"): "texts",
    ("touchpoints", "match_patterns"): "texts",
    ("datasets", "columns"): "texts",
    ("datasets", "options"): "object",
    ("surveys", "columns"): "texts",
    ("surveys", "options"): "object",
    ("journeys", "value_model"): "object",
}

# The table of stored chunks for each kind of record that has them, and its key column.
CHUNK_TABLES: dict[str, tuple[str, str]] = {
    "datasets": ("dataset_chunks", "dataset_id"),
    "surveys": ("survey_chunks", "survey_id"),
}
