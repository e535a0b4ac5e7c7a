"""Each kind of hostile or broken event file gets a one-line ImportDataError, never a traceback.

One test per traceback class and resource problem of issue 9 §2; limits are lowered with
monkeypatch where the real-size file would take minutes or gigabytes without the fix.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from cxmapper.analysis import limits
from cxmapper.analysis.readers import preview, read_events
from cxmapper.analysis.report import analyze
from cxmapper.analysis.tasks import import_events
from cxmapper.errors import ImportDataError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from fuzz_corpus import xlsx_bytes

HEAD = "case_id,activity,timestamp\n"


def _refused(path: Path, *, in_preview: bool = False) -> str:
    with pytest.raises(ImportDataError) as info:
        (preview if in_preview else import_events)(path)
    message = str(info.value)
    assert "\n" not in message and len(message) < 400, message
    assert str(path) in message
    return message


def test_timestamp_after_2262_in_csv_names_line(write):
    path = write("late.csv", HEAD + "c1,A,2024-01-01T00:00:00Z\nc1,B,3000-01-01T00:00:00Z\n")
    message = _refused(path)
    assert "line 3, column 'timestamp'" in message and "3000-01-01" in message
    assert "outside the supported range 1677-09-22 to 2262-04-10" in message


def test_timestamp_before_1677_as_text_and_epoch(write):
    text = write("early.csv", HEAD + "c1,A,1500-06-01 10:00\nc1,B,2024-01-01 10:00\n")
    assert "line 2" in _refused(text) and "1500-06-01" in _refused(text)
    epoch = write("epoch.jsonl", '{"case_id": "c", "activity": "A", "timestamp": 1e16}\n')
    assert "outside the supported range" in _refused(epoch)  # 1e16 s is year 316 889 355


def test_timestamp_out_of_range_in_xes(write):
    xes = (
        '<?xml version="1.0"?><log><trace><string key="concept:name" value="c1"/>'
        '<event><string key="concept:name" value="A"/>'
        '<date key="time:timestamp" value="3000-01-01T00:00:00Z"/></event></trace></log>'
    )
    message = _refused(write("late.xes", xes))
    assert "trace 'c1'" in message and "'3000-01-01T00:00:00Z' is outside" in message


def test_events_more_than_292_years_apart_are_refused_not_negative(write):
    path = write("span.csv", HEAD + "c1,A,1700-01-01T00:00:00Z\nc1,B,2200-01-01T00:00:00Z\n")
    message = _refused(path)
    assert "events of one case span more than 292 years" in message
    assert "1700-01-01T00:00:00 at line 2" in message and "2200-01-01T00:00:00 at line 3" in message
    ok = write("ok.csv", HEAD + "c1,A,1800-01-01T00:00:00Z\nc1,B,2000-01-01T00:00:00Z\n")
    assert read_events(ok).n_events == 2  # 200 years apart: fine
    apart = (
        HEAD + "c1,A,1700-01-01T00:00:00Z\nc2,A,2200-01-01T00:00:00Z\nc2,B,2200-01-01T00:01:00Z\n"
    )
    report = analyze(read_events(write("cases.csv", apart)))  # different cases: no duration
    assert report.transitions["median_seconds"].tolist() == [60.0]


def test_newline_inside_unquoted_header_field(write):
    path = write("cr.csv", "case_id,activ\rity,timestamp\nc1,A,2024-01-01\n")
    for in_preview in (False, True):
        message = _refused(path, in_preview=in_preview)
        assert "line 1: cannot read the header row" in message


def test_gzip_of_nul_bytes_field_larger_than_limit(write):
    path = write("nul.csv.gz", gzip.compress(b"\0" * 300_000))
    assert "field larger than field limit" in _refused(path)
    assert "field larger" in _refused(path, in_preview=True)


def test_huge_data_field_is_read_and_preview_shows_rows_before_it(write):
    path = write("wide.csv", HEAD + "c1,A,2024-01-01\n" + 'c1,"' + "x" * 200_000 + '",2024-01-02\n')
    assert read_events(path).n_events == 2
    assert preview(path).rows["case_id"].tolist() == ["c1"]


def test_corrupt_gzip_stream_is_a_user_error(write):
    data = gzip.compress((HEAD + "c1,A,2024-01-01\n" * 1000).encode())
    bad = data[:30] + bytes(b ^ 0x55 for b in data[30:60]) + data[60:]
    for name in ("bad.csv.gz", "bad.jsonl.gz", "bad.xes.gz", "bad.gz"):
        path = write(name, bad)
        assert "cannot read compressed file" in _refused(path)
        assert "cannot read compressed file" in _refused(path, in_preview=True)


def test_truncated_utf16(write):
    path = write("u16.csv", (HEAD + "c1,A,2024-01-01\n").encode("utf-16")[:-1])
    assert "text is not valid utf-16 (truncated data)" in _refused(path)
    jpath = write("u16.jsonl", '{"case_id": "c"}\n'.encode("utf-16")[:-1])
    assert "not valid utf-16" in _refused(jpath)


def test_json_deep_nesting_names_the_line(write):
    deep = '{"a":' * 100_000 + "1" + "}" * 100_000
    path = write("deep.jsonl", '{"case_id": "c"}\n' + deep + "\n")
    assert "line 2: values nested too deeply" in _refused(path)
    shallow_but_deep = '{"a":' * 500 + "1" + "}" * 500  # parses, but 500 dotted levels
    path = write("deep2.jsonl", shallow_but_deep + "\n")
    assert f"nested more than {limits.MAX_JSON_DEPTH} levels" in _refused(path)


def test_json_integer_of_5000_digits(write):
    path = write("int.jsonl", '{"case_id": "c", "activity": "A", "n": ' + "9" * 5000 + "}\n")
    assert "line 1: a number of more than 4,300 digits" in _refused(path)
    assert "4,300 digits" in _refused(path, in_preview=True)


def test_json_1e999_and_infinity(write):
    path = write("inf.json", '[{"case_id": "c", "activity": "A", "timestamp": 1e999}]')
    assert "number '1e999' is out of range" in _refused(path)
    path = write("inf.jsonl", '{"case_id": "c", "activity": "A", "x": -Infinity}\n')
    assert "line 1: -Infinity is not a value" in _refused(path)


def test_json_integer_beyond_64_bits_is_kept_as_text(write):
    rows = [
        {"case_id": "c", "activity": "A", "timestamp": "2024-01-01T00:00:00Z", "n": 1},
        {"case_id": "c", "activity": "B", "timestamp": "2024-01-02T00:00:00Z", "n": 10**30},
    ]
    path = write("big.jsonl", "\n".join(json.dumps(r) for r in rows))
    dataset = import_events(path)  # Arrow cannot store 10**30 as a number: stored as its text
    from cxmapper.analysis.dataset_codec import decode

    assert decode(dataset.payload)["n"].tolist() == ["1", str(10**30)]


def test_corrupt_parquet(write, tmp_path):
    good = tmp_path / "good.parquet"
    pd.DataFrame(
        {
            "case_id": ["a"] * 10,
            "activity": ["x"] * 10,
            "timestamp": pd.date_range("2024", periods=10),
        }
    ).to_parquet(good)
    data = good.read_bytes()
    path = write("bad.parquet", data[:100] + bytes(b ^ 0xFF for b in data[100:300]) + data[300:])
    assert "cannot read as Parquet" in _refused(path)
    assert "cannot read as Parquet" in _refused(path, in_preview=True)


def test_undecodable_ragged_row_is_named_without_stderr_noise(write, capfd):
    rows = b"c1,A,2024-01-01\n" * 70_000  # past the 1 MB the encoding is sniffed from
    path = write("r.csv", HEAD.encode() + rows + b"\xc3\nc2,B,2024-01-02\n")
    message = _refused(path)
    assert "line 70002: 1 fields but the header has 3" in message
    assert "Exception ignored" not in capfd.readouterr().err


def test_gzip_bomb_is_refused(write, monkeypatch):
    monkeypatch.setattr(limits, "GZIP_FLOOR", 1 << 20)
    records = b'{"a": 1}\n' * (20 << 20)  # 180 MB of JSON records
    traces = b"<log>" + b"<trace></trace>" * (12 << 20)  # 180 MB of XES
    for name, data in (("bomb.jsonl.gz", records), ("bomb.xes.gz", traces)):
        bomb = gzip.compress(data, compresslevel=1)
        assert "refused as a possible decompression bomb" in _refused(write(name, bomb))
    line = b"c1,A,2024-01-01T00:00:00Z\n" * (4 << 20)
    csv_bomb = gzip.compress(HEAD.encode() + line, compresslevel=1)
    assert "decompression bomb" in _refused(write("bomb.csv.gz", csv_bomb))


def test_ragged_gzip_csv_stops_at_the_first_bad_row(write, monkeypatch):
    read = []
    original = limits._GuardedGzip.readinto

    def counting(self, buffer):
        n = original(self, buffer)
        read.append(n)
        return n

    monkeypatch.setattr(limits._GuardedGzip, "readinto", counting)
    body = b"c1,A\n" + b"c1,A,2024-01-01T00:00:00Z\n" * (12 << 20)  # 300 MB after the bad row
    path = write("ragged.csv.gz", gzip.compress(HEAD.encode() + body, compresslevel=1))
    message = _refused(path)
    assert "line 2: 2 fields but the header has 3 (column 'timestamp' missing)" in message
    assert 0 < sum(read) < 100 << 20  # two passes of a few 16 MB blocks, not 300 MB


def test_xlsx_cell_far_right_is_refused_before_reading(write):
    cells = [("A1", "case_id"), ("B1", "activity"), ("C1", "timestamp")]
    cells += [("A2", "c1"), ("B2", "A"), ("C2", "2024-01-01"), ("XFD2", "x")]
    path = write("far.xlsx", xlsx_bytes(cells, dimension="A1:C2"))  # the dimension lies
    for in_preview in (False, True):
        message = _refused(path, in_preview=in_preview)
        assert "a cell in column XFD" in message and "A1:XFD2" in message


def test_xlsx_used_range_spanning_too_many_cells(write, monkeypatch):
    monkeypatch.setattr(limits, "XLSX_MAX_CELLS", 5000)
    cells = [("A1", "case_id"), ("B1", "activity"), ("C1", "timestamp"), ("C3000", "x")]
    message = _refused(write("tall.xlsx", xlsx_bytes(cells)))
    assert "used range A1:C3000 spans 9,000 cells" in message


def test_xlsx_sheet_with_doctype(write):
    cells = [("A1", "case_id"), ("B1", "activity"), ("C1", "timestamp")]
    path = write("dtd.xlsx", xlsx_bytes(cells, doctype='<!DOCTYPE x [<!ENTITY a "b">]>'))
    assert "DOCTYPE declaration (refused for safety)" in _refused(path)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xes"])
def test_too_many_columns(write, monkeypatch, fmt):
    monkeypatch.setattr(limits, "MAX_COLUMNS", 10)
    names = ["case_id", "activity", "timestamp", *(f"x{i}" for i in range(12))]
    values = ["c1", "A", "2024-01-01T00:00:00Z", *("1" for _ in range(12))]
    if fmt == "csv":
        data = ",".join(names) + "\n" + ",".join(values) + "\n"
    elif fmt == "jsonl":
        data = json.dumps(dict(zip(names, values, strict=True))) + "\n"
    else:
        attrs = "".join(
            f'<string key="{n}" value="{v}"/>' for n, v in zip(names, values, strict=True)
        )
        data = f'<log><trace><string key="concept:name" value="c"/><event>{attrs}</event></trace></log>'
    message = _refused(write(f"wide.{fmt}", data))
    assert "columns, more than the 10 an event log may have" in message


def test_bad_value_is_quoted_as_a_short_excerpt(write):
    path = write("long.csv", HEAD + "c1,A,2024-01-01\nc1,B," + "9x" * 1_500_000 + "\n")
    message = _refused(path)
    assert "'9x9x9x" in message and "(3,000,000 characters)" in message
    assert len(message) < 300
