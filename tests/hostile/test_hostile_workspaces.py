"""Every CLI command that takes a workspace, over every hostile workspace: the promises hold.

No traceback, exit code 0 or 2, a refusal is one short line, nothing printed carries a terminal
control character, and the file is byte-identical after a refusal or a reading command.
The runs go in-process to stay fast; `benchmarks/bench_hostile.py` runs them as processes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import runner
from tests.hostile.make_hostile import HostileSet, make_all

# one worker runs the whole module, so its module-scoped fixtures are built once, not once
# per worker that gets one of its tests (issue 18)
pytestmark = pytest.mark.xdist_group("hostile/test_hostile_workspaces")

# svg and pdf go through the same code as png; the benchmark runs them too
SUITE_COMMANDS = tuple(c for c in runner.COMMANDS if c not in ("export-svg", "export-pdf"))

# what the message must say, for the cases whose cause the user has to be told
EXPECTED: dict[str, tuple[str, ...]] = {
    "null-title-nullable-column": ("touchpoints.title", "NULL"),
    "text-kpi-value": ("table readings", "column value", "'about four'"),
    "text-stage-position": ("table stages", "column position"),
    "blob-touchpoint-title": ("table touchpoints", "column title"),
    "null-id": ("table parties", "column id", "NULL"),
    "infinite-kpi-target": ("table kpis", "column target", "finite"),
    "dropped-column": ("touchpoints", "no column channel"),
    "renamed-column": ("touchpoints", "no column title"),
    "extra-column": ("readings", "note"),
    "retyped-column": ("readings.value", "TEXT", "REAL"),
    "check-removed": ("table touchpoints", "defined differently"),
    "missing-index": ("index touchpoints_owner", "missing"),
    "foreign-unique-index": ("index mine",),
    "dangling-reference": ("table touchpoints", "column stage_id", "stages"),
    "older-version-with-newer-tables": ("schema version 1", "datasets"),
    "garbage-hot-journal": ("-journal", "not valid"),
    "locked-rollback-mode": ("locked by another program",),
    "locked-exclusive-locking-mode": ("locked by another program",),
}
JSON_CASES = ("tags", "match_events", "match_patterns", "columns", "options")
# writers must refuse these at once and say why; readers may work (WAL lets them read)
WRITERS_REFUSE: dict[str, str] = {
    "locked-wal-mode": "locked by another program",
    "read-only-wal": "read-only",
}
NEVER_DAMAGED = ("locked-", "read-only-wal", "garbage-hot-journal", "rollback-journal-mode")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileSet]:
    yield make_all(tmp_path_factory.mktemp("hostile") / "cases", seed=9)


@pytest.fixture(scope="module")
def outcomes(hostile: HostileSet, tmp_path_factory: pytest.TempPathFactory) -> list[runner.Outcome]:
    scratch = tmp_path_factory.mktemp("scratch")
    return [
        runner.run(case, command, hostile, scratch / "run", process=False)
        for case in hostile.cases
        for command in SUITE_COMMANDS
        if command in _commands_for(case.name, bool(case.read_only))
    ]


def _commands_for(case: str, read_only: bool) -> tuple[str, ...]:
    """Every command, but fewer where each run waits for a lock or starts a process."""
    if read_only:
        return ("info", "import")
    if case.startswith("locked-"):
        return ("info", "export-json", "import", "import-xlsx")
    return SUITE_COMMANDS


def test_the_set_covers_the_hostile_kinds(hostile: HostileSet) -> None:
    names = {c.name for c in hostile.cases}
    assert len(names) >= 60
    for column in JSON_CASES:
        assert any(n.startswith("json-malformed-") and n.endswith(column) for n in names)
    assert {"locked-wal-mode", "read-only-wal", "zero-length", "garbage-hot-journal"} <= names


def test_the_generator_is_deterministic(hostile: HostileSet, tmp_path: Path) -> None:
    """The same seed gives the same damage (record ids are fresh UUIDs, the bytes are not)."""
    again = make_all(tmp_path / "again", seed=9)
    assert [(c.name, c.extras, c.holder) for c in again.cases] == [
        (c.name, c.extras, c.holder) for c in hostile.cases
    ]
    for name, suffix in (("not-sqlite", ""), ("garbage-hot-journal", "-journal"),
                         ("garbage-wal", "-wal")):  # fmt: skip
        first = Path(f"{hostile.folder / name}.cxmap{suffix}")
        second = Path(f"{again.folder / name}.cxmap{suffix}")
        assert runner.digest(first) == runner.digest(second) is not None


def test_no_run_breaks_a_promise(outcomes: list[runner.Outcome]) -> None:
    broken = [
        f"{o.case} / {o.command}: {'; '.join(o.problems)} {o.stderr[-300:]!r}"
        for o in outcomes
        if o.problems
    ]
    assert not broken, "\n".join(broken)
    assert len(outcomes) > 500


def test_refusals_say_what_is_wrong(outcomes: list[runner.Outcome]) -> None:
    for o in outcomes:
        for fragment in EXPECTED.get(o.case, ()):
            assert o.code == 2 and fragment in o.stderr, (o.case, o.command, o.stderr)
        if o.case.startswith(NEVER_DAMAGED):
            assert "damaged" not in o.stderr, (o.case, o.command, o.stderr)
        if o.case.startswith("json-") and o.code == 2:
            column = o.case.rsplit(".", 1)[1]
            assert f"column {column}" in o.stderr, (o.case, o.stderr)


def test_malformed_json_is_refused_by_info(outcomes: list[runner.Outcome]) -> None:
    """The cases that crashed `info` on main: broken JSON in tags and in a dataset's options."""
    for o in outcomes:
        if o.case.startswith(("json-malformed-", "json-deep-")) and o.command == "info":
            assert o.code == 2 and "damaged workspace" in o.stderr, (o.case, o.stderr)


def test_null_title_and_text_kpi_are_refused_by_export(outcomes: list[runner.Outcome]) -> None:
    for o in outcomes:
        if o.case in ("null-title-nullable-column", "text-kpi-value") and o.command.startswith(
            "export"
        ):
            assert o.code == 2 and "Traceback" not in o.stderr


def test_locked_or_read_only_files_are_readable_but_not_writable(
    outcomes: list[runner.Outcome],
) -> None:
    for o in outcomes:
        if o.case in WRITERS_REFUSE:
            if o.command in runner.WRITES:
                assert o.code == 2 and WRITERS_REFUSE[o.case] in o.stderr, (o.case, o.stderr)
                assert not o.changed
            elif o.command in ("info", "info-json", "export-json"):
                assert o.code == 0, (o.case, o.command, o.stderr)


def test_escape_sequences_are_shown_not_printed(outcomes: list[runner.Outcome]) -> None:
    info = next(
        o for o in outcomes if o.case == "escape-sequences-in-names" and o.command == "info"
    )
    assert info.code == 0
    assert "\\u001b]0;owned terminal\\u0007" in info.stdout
    assert "\x1b" not in info.stdout and "\x07" not in info.stdout
    # the forged line stays inside the name it came from
    assert not any(line.startswith("warning: fake") for line in info.stdout.splitlines())


def test_healthy_workspace_passes_every_command(outcomes: list[runner.Outcome]) -> None:
    assert all(o.code == 0 for o in outcomes if o.case == "healthy"), [
        (o.command, o.stderr) for o in outcomes if o.case == "healthy" and o.code
    ]
