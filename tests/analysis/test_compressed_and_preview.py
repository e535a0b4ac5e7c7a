"""Gzipped CSV/TSV/JSONL input (recognised by magic bytes) and XES previews that stop early."""

from __future__ import annotations

import gzip
import json

import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis.readers import preview, read_events
from cxmapper.analysis.sniff import detect_format
from cxmapper.errors import ImportDataError


def _same_log(a, b) -> None:
    assert a.frame.equals(b.frame)
    assert (a.mapping, a.delimiter, a.encoding) == (b.mapping, b.delimiter, b.encoding)


@pytest.mark.parametrize("name", ["log.csv.gz", "log.gz", "log.csv"])
def test_gzipped_csv_by_magic_bytes(write, name):
    plain = read_events(write("plain.csv", small_csv_text()))
    path = write(name, gzip.compress(small_csv_text().encode()))  # 'log.csv' is gzip inside
    assert detect_format(path) == "csv"
    log = read_events(path)
    _same_log(log, plain)
    assert log.n_events == 12
    assert preview(path).columns == ["case_id", "event", "timestamp", "channel"]


def test_gzipped_tsv_keeps_tab_delimiter(write):
    text = small_csv_text().replace(",", "\t")
    log = read_events(write("log.tsv.gz", gzip.compress(text.encode())))
    assert log.delimiter == "\t" and log.n_events == 12 and log.n_cases == 4


def test_gzipped_jsonl(write):
    rows = [
        {"user_id": "u1", "event": "visit", "timestamp": "2024-01-01T10:00:00Z"},
        {"user_id": "u1", "event": "buy", "timestamp": "2024-01-01T10:05:00Z"},
        {"user_id": "u2", "event": "visit", "timestamp": "2024-01-02T08:00:00Z"},
    ]
    data = gzip.compress("\n".join(json.dumps(r) for r in rows).encode())
    for name in ("e.jsonl.gz", "e.gz"):
        path = write(name, data)
        assert detect_format(path) == "jsonl"
        log = read_events(path)
        assert log.n_events == 3 and log.frame["activity"].tolist() == ["visit", "buy", "visit"]


def test_gzipped_csv_errors_name_the_line(write):
    text = small_csv_text() + "c9,A\n"  # ragged last row
    with pytest.raises(ImportDataError, match="line 14"):
        read_events(write("bad.csv.gz", gzip.compress(text.encode())))
    truncated = gzip.compress(small_csv_text().encode() * 50)[:-40]
    with pytest.raises(ImportDataError, match=r"truncated\.csv\.gz"):
        read_events(write("truncated.csv.gz", truncated))


def _big_xes(n_traces: int, events_per_trace: int) -> bytes:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n']
    event = (
        '<event><string key="concept:name" value="step{j}"/>'
        '<string key="lifecycle:transition" value="complete"/>'
        '<date key="time:timestamp" value="2024-01-01T10:{m:02d}:00.000+00:00"/></event>\n'
    )
    body = "".join(event.format(j=j, m=j % 60) for j in range(events_per_trace))
    for i in range(n_traces):
        parts.append(f'<trace><string key="concept:name" value="T{i}"/>\n{body}</trace>\n')
    parts.append("</log>\n")
    return "".join(parts).encode()


def test_xes_preview_stops_after_n_events(write):
    # 20,000 events (~3 MB), then a broken tag that only a parser reading to the end meets
    data = _big_xes(2_000, 10).replace(b"</log>", b"<trace><broken></trace></log>")
    path = write("big.xes", data)
    with pytest.raises(ImportDataError, match=r"line \d+: not well-formed"):
        read_events(path)  # the import reads (and checks) the whole file
    pv = preview(path, n=20)  # stops after 20 events: never reaches the broken tag
    assert pv.format == "xes"
    assert len(pv.rows) == 20
    assert pv.columns == [
        "concept:name",
        "lifecycle:transition",
        "time:timestamp",
        "case:concept:name",
    ]
    assert pv.rows["case:concept:name"].tolist() == ["T0"] * 10 + ["T1"] * 10
    assert pv.mapping is not None and pv.mapping.case == ("case:concept:name",)


def test_xes_preview_of_gzipped_log(write):
    path = write("big.xes.gz", gzip.compress(_big_xes(2_000, 10)))
    pv = preview(path, n=5)
    assert len(pv.rows) == 5 and pv.rows["concept:name"].tolist()[:2] == ["step0", "step1"]


def _jsonl_rows(n: int) -> bytes:
    return "".join(
        json.dumps({"user_id": f"u{i}", "event": "visit", "timestamp": "2024-01-01T10:00:00Z"})
        + "\n"
        for i in range(n)
    ).encode()


@pytest.mark.parametrize("name", ["e.jsonl", "e.jsonl.gz"])
def test_jsonl_preview_reads_only_the_start(write, name):
    data = _jsonl_rows(40_000) + b"{this line is broken\n"  # ~3 MB before the bad line
    path = write(name, gzip.compress(data) if name.endswith(".gz") else data)
    pv = preview(path, n=20)  # never reaches the bad line
    assert len(pv.rows) == 20 and pv.rows["user_id"].tolist()[:2] == ["u0", "u1"]
    assert pv.mapping is not None and pv.mapping.case == ("user_id",)
    with pytest.raises(ImportDataError, match=r"line 40001: invalid JSON"):
        read_events(path)  # the import still reads and checks every line


def test_json_array_with_bom_previews_whole(write):
    rows = [{"user_id": "u1", "event": "visit", "timestamp": "2024-01-01T10:00:00Z"}] * 30
    path = write("e.json", b"\xef\xbb\xbf" + json.dumps(rows, indent=1).encode())  # many lines
    pv = preview(path, n=5)
    assert pv.format == "jsonl" and len(pv.rows) == 5


def test_short_jsonl_preview_is_the_whole_file(write):
    pv = preview(write("e.jsonl", _jsonl_rows(3)), n=20)
    assert pv.rows["user_id"].tolist() == ["u0", "u1", "u2"]
