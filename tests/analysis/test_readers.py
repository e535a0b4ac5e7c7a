"""Import of every supported format and preset, timestamp variants, lifecycle and bad input."""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest
from analysis_helpers import small_csv_text

from cxmapper.analysis.columns import ColumnMapping, MappingRequest
from cxmapper.analysis.readers import preview, read_events
from cxmapper.errors import ImportDataError

CSV = "user_id,event_name,ts,channel,amount\nu1,visit,2024-01-01T10:00:00Z,web,1.5\nu1,buy,2024-01-01T10:05:00+01:00,web,2\nu2,visit,2024-01-02T08:00:00Z,app,3\n"


def _check_basic(log, n_events=3, n_cases=2):
    assert (log.n_events, log.n_cases) == (n_events, n_cases)
    f = log.frame
    assert list(f.columns[:4]) == ["case_id", "activity", "timestamp", "channel"]
    assert str(f["timestamp"].dtype) == "datetime64[ns, UTC]"
    return f


def test_csv_comma_autodetect(write):
    log = read_events(write("e.csv", CSV))
    f = _check_basic(log)
    assert log.mapping == ColumnMapping(("user_id",), "event_name", "ts", "channel", None)
    assert f["case_id"].tolist() == ["u1", "u1", "u2"]  # file order
    assert f["timestamp"].iloc[1] == pd.Timestamp("2024-01-01T09:05:00Z")  # offset -> UTC
    assert f["amount"].tolist() == [1.5, 2.0, 3.0]
    assert (log.encoding, log.delimiter) == ("utf-8", ",")


def test_semicolon_decimal_comma_cp1252(write):
    text = "case;activity;time;amount\nk1;Café;31/12/2024 18:05;1,5\nk1;Zahlung;01/01/2025 09:00;2,25\n"
    log = read_events(write("e.csv", text, "cp1252"))
    f = _check_basic(log, 2, 1)
    assert log.encoding == "cp1252" and log.delimiter == ";"
    assert log.warnings == ["read as cp1252 (not UTF-8)"]
    assert f["activity"].tolist() == ["Café", "Zahlung"]
    assert f["amount"].tolist() == [1.5, 2.25]
    assert f["timestamp"].tolist() == [
        pd.Timestamp("2024-12-31 18:05", tz="UTC"),
        pd.Timestamp("2025-01-01 09:00", tz="UTC"),
    ]


def test_tsv_and_bom(write):
    log = read_events(write("e.tsv", "\ufeff" + CSV.replace(",", "\t")))
    _check_basic(log)
    assert log.delimiter == "\t" and log.mapping.case == ("user_id",)


def test_day_first_only_when_a_day_exceeds_12_and_tz_option(write):
    text = "case_id,event,time\na,x,03/04/2024 10:00\na,y,05/04/2024 11:30\n"
    us = read_events(write("us.csv", text))
    assert us.frame["timestamp"].iloc[0] == pd.Timestamp("2024-03-04 10:00", tz="UTC")
    ams = read_events(write("tz.csv", text + "b,x,13/04/2024 10:00\n"), tz="Europe/Amsterdam")
    assert ams.frame["timestamp"].iloc[0] == pd.Timestamp("2024-04-03 08:00", tz="UTC")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1704103200, 1704103260], "2024-01-01 10:00:00"),
        ([1704103200000, 1704103260000], "2024-01-01 10:00:00"),
        ([1704103200123456, 1704103260000000], "2024-01-01 10:00:00.123456"),
    ],
)
def test_epoch_units_by_magnitude(write, values, expected):
    rows = "\n".join(f"c,e{i},{v}" for i, v in enumerate(values))
    log = read_events(write("e.csv", f"case_id,event,time\n{rows}\n"))
    assert log.frame["timestamp"].iloc[0] == pd.Timestamp(expected, tz="UTC")


def test_mixed_offsets_and_naive_iso(write):
    text = "case_id,event,timestamp\na,x,2011-10-11 13:45:40.276000+02:00\na,y,2011-11-11 13:45:40+01:00\na,z,2011-11-12 10:00:00\n"
    f = read_events(write("e.csv", text)).frame
    assert f["timestamp"].tolist() == [
        pd.Timestamp("2011-10-11 11:45:40.276", tz="UTC"),
        pd.Timestamp("2011-11-11 12:45:40", tz="UTC"),
        pd.Timestamp("2011-11-12 10:00:00", tz="UTC"),
    ]


def test_xlsx(tmp_path):
    path = tmp_path / "e.xlsx"
    pd.DataFrame(
        {
            "customer_id": [101, 101, 102],
            "action": ["open", "close", "open"],
            "datetime": ["13/01/2024 09:00", "13/01/2024 09:30", "14/01/2024 10:00"],
        }
    ).to_excel(path, index=False)
    f = _check_basic(read_events(path))
    assert f["case_id"].tolist() == ["101", "101", "102"]
    assert f["timestamp"].iloc[1] == pd.Timestamp("2024-01-13 09:30", tz="UTC")


def test_xlsx_bad_timestamp_names_excel_row(tmp_path):
    path = tmp_path / "e.xlsx"
    pd.DataFrame(
        {
            "case_id": ["a", "a", "b"],
            "event": ["x", "y", "z"],
            "time": ["2024-01-01", "2024-01-02", "soon"],
        }
    ).to_excel(path, index=False)
    with pytest.raises(
        ImportDataError, match=r"e\.xlsx: row 4, column 'time': cannot read timestamp 'soon'"
    ):
        read_events(path)


def test_parquet_epoch_ms(tmp_path):
    path = tmp_path / "e.parquet"
    pd.DataFrame(
        {
            "distinct_id": ["d1", "d1", "d2"],
            "event": ["Signed Up", "Purchased", "Signed Up"],
            "time": [1704103200000, 1704103260000, 1704103320000],
        }
    ).to_parquet(path)
    f = _check_basic(read_events(path, MappingRequest(timestamp_unit="ms")))
    assert f["timestamp"].iloc[1] == pd.Timestamp("2024-01-01 10:01", tz="UTC")


def test_ga4_bigquery_export_jsonl(write):
    rows = [
        {
            "event_date": "20240101",
            "event_timestamp": 1704103200123456,
            "event_name": "page_view",
            "event_params": [
                {
                    "key": "page_location",
                    "value": {"string_value": "https://x/", "int_value": None},
                },
                {"key": "ga_session_id", "value": {"string_value": None, "int_value": 17}},
            ],
            "user_id": None,
            "user_pseudo_id": "123.456",
            "platform": "WEB",
            "traffic_source": {"name": "(direct)", "medium": "(none)", "source": "(direct)"},
            "device": {"category": "desktop"},
        },
        {
            "event_date": "20240101",
            "event_timestamp": 1704103260000000,
            "event_name": "purchase",
            "event_params": [],
            "user_id": None,
            "user_pseudo_id": "123.456",
            "platform": "WEB",
            "traffic_source": {"name": "(direct)", "medium": "(none)", "source": "(direct)"},
            "device": {"category": "desktop"},
        },
    ]
    path = write("ga4.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    log = read_events(path, preset="ga4")
    f = _check_basic(log, 2, 1)
    assert log.mapping.case == ("user_pseudo_id",) and log.mapping.channel == "platform"
    assert f["timestamp"].iloc[0] == pd.Timestamp("2024-01-01 10:00:00.123456", tz="UTC")
    assert f["event_params.ga_session_id"].iloc[0] == 17
    assert f["traffic_source.medium"].iloc[0] == "(none)"
    assert read_events(path).mapping == log.mapping  # detected without the preset too


def test_mixpanel_export(write):
    rows = [
        {
            "event": "Signed Up",
            "properties": {
                "time": 1704103200,
                "distinct_id": "m1",
                "mp_lib": "web",
                "$os": "Mac OS X",
            },
        },
        {
            "event": "Viewed",
            "properties": {"time": 1704103300, "distinct_id": "m1", "mp_lib": "web"},
        },
    ]
    path = write("mp.json", json.dumps(rows))  # JSON array form
    log = read_events(path, preset="mixpanel")
    f = _check_basic(log, 2, 1)
    assert log.mapping.timestamp == "properties.time" and log.mapping.channel == "properties.mp_lib"
    assert f["timestamp"].iloc[1] == pd.Timestamp("2024-01-01 10:01:40", tz="UTC")


def test_amplitude_user_id_falls_back_to_amplitude_id(write):
    rows = [
        {
            "user_id": None,
            "amplitude_id": 5550001,
            "event_type": "session_start",
            "event_time": "2024-01-01 10:00:00.000000",
            "platform": "iOS",
        },
        {
            "user_id": "alice",
            "amplitude_id": 5550001,
            "event_type": "login",
            "event_time": "2024-01-01 10:01:00.500000",
            "platform": "iOS",
        },
        {
            "user_id": "bob",
            "amplitude_id": 5550002,
            "event_type": "login",
            "event_time": "2024-01-01 10:02:00.000000",
            "platform": "Web",
        },
    ]
    log = read_events(
        write("amp.jsonl", "\n".join(json.dumps(r) for r in rows)), preset="amplitude"
    )
    f = _check_basic(log, 3, 3)
    assert log.mapping.case == ("user_id", "amplitude_id")
    assert f["case_id"].tolist() == ["5550001", "alice", "bob"]
    assert f["channel"].tolist() == ["iOS", "iOS", "Web"]


def test_segment_warehouse_csv(write):
    text = (
        "id,anonymous_id,user_id,event,event_text,timestamp,context_library_name,channel\n"
        "m1,anon-1,,checkout_started,Checkout Started,2024-01-01T10:00:00.000Z,analytics.js,browser\n"
        "m2,anon-1,u9,order_completed,Order Completed,2024-01-01T10:03:00.000Z,analytics.js,browser\n"
        "m3,,u8,order_completed,Order Completed,2024-01-01T11:00:00.000Z,analytics-node,server\n"
    )
    log = read_events(write("seg.csv", text), preset="segment")
    f = _check_basic(log, 3, 2)
    assert f["case_id"].tolist() == ["anon-1", "anon-1", "u8"]
    assert f["activity"].tolist() == ["checkout_started", "order_completed", "order_completed"]
    assert f["channel"].tolist() == ["browser", "browser", "server"]


XES = """<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <string key="concept:name" value="demo"/>
  <trace>
    <string key="concept:name" value="T1"/>
    <float key="AMOUNT" value="1500.5"/>
    <event>
      <string key="concept:name" value="Apply"/>
      <string key="lifecycle:transition" value="start"/>
      <date key="time:timestamp" value="2024-01-01T10:00:00.000+01:00"/>
    </event>
    <event>
      <string key="concept:name" value="Apply"/>
      <string key="lifecycle:transition" value="COMPLETE"/>
      <string key="org:resource" value="R1"/>
      <date key="time:timestamp" value="2024-01-01T10:05:00.000+01:00"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="T2"/>
    <event>
      <string key="concept:name" value="Approve"/>
      <string key="lifecycle:transition" value="complete"/>
      <date key="time:timestamp" value="2024-07-01T10:00:00.000+02:00"/>
    </event>
  </trace>
</log>
"""


def test_xes_gz_lifecycle_and_case_attributes(write):
    path = write("log.xes.gz", gzip.compress(XES.encode()))
    complete = read_events(path)
    f = _check_basic(complete, 2, 2)
    assert f["activity"].tolist() == ["Apply", "Approve"]
    assert f["case:AMOUNT"].tolist() == [1500.5, None] or f["case:AMOUNT"].iloc[0] == 1500.5
    assert f["timestamp"].tolist() == [
        pd.Timestamp("2024-01-01 09:05", tz="UTC"),
        pd.Timestamp("2024-07-01 08:00", tz="UTC"),
    ]
    everything = read_events(path, lifecycle="all")
    assert everything.n_events == 3 and everything.n_events_read == 3
    assert everything.frame["lifecycle"].tolist() == ["start", "COMPLETE", "complete"]


@pytest.mark.parametrize(
    "decl",
    [
        "<!DOCTYPE log [<!ENTITY a 'x'>]>",
        '<!DOCTYPE log [<!ENTITY % e SYSTEM "file:///etc/passwd"> %e;]>',
        "<!DOCTYPE log [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;'>]>",
        '<!DOCTYPE log SYSTEM "http://example.invalid/log.dtd">',
    ],
)
def test_xes_refuses_doctype_and_entities(write, decl):
    text = XES.replace("<log xes.version", decl + "\n<log xes.version", 1)
    with pytest.raises(
        ImportDataError, match=r"evil\.xes: XML DOCTYPE declarations are not allowed"
    ) as err:
        read_events(write("evil.xes", text))
    assert "\n" not in str(err.value)


def test_xes_stray_entity_declaration_is_not_well_formed(write):
    """An entity can only be declared inside a DOCTYPE: outside one it is a syntax error."""
    text = XES.replace("<log xes.version", '<!ENTITY % e SYSTEM "x">\n<log xes.version', 1)
    with pytest.raises(ImportDataError, match=r"evil\.xes: line 2: not well-formed"):
        read_events(write("evil.xes", text))


def test_xes_malformed_names_line(write):
    with pytest.raises(ImportDataError, match=r"bad\.xes: line 11: not well-formed"):
        read_events(write("bad.xes", XES.replace("</event>", "</evnt>", 1)))


def test_lifecycle_filter_in_csv(write):
    text = "case_id,event,timestamp,lifecycle\na,x,2024-01-01T10:00:00Z,START\na,x,2024-01-01T10:01:00Z,Complete\n"
    path = write("lc.csv", text)
    assert read_events(path).n_events == 1
    assert read_events(path, lifecycle="all").n_events == 2
    with pytest.raises(ImportDataError, match="lifecycle must be one of"):
        read_events(path, lifecycle="started")


def test_preview(write):
    pv = preview(write("e.csv", small_csv_text()), n=3)
    assert len(pv.rows) == 3 and pv.columns == ["case_id", "event", "timestamp", "channel"]
    assert pv.mapping is not None and pv.mapping.activity == "event"
    assert (pv.format, pv.delimiter) == ("csv", ",")


# ----------------------------------------------------------------------------- bad input


def test_missing_mapped_column_lists_available(write):
    with pytest.raises(ImportDataError) as exc:
        read_events(write("e.csv", CSV), MappingRequest(case="visitor"))
    assert (
        "e.csv: case id column 'visitor' not found; available columns: user_id, event_name, ts, channel, amount"
        in str(exc.value)
    )


def test_undetectable_mapping_asks_for_columns(write):
    with pytest.raises(
        ImportDataError,
        match=r"cannot tell which column is the case id.*available columns: a, b, c",
    ):
        read_events(write("e.csv", "a,b,c\n1,2,3\n"))


def test_unknown_preset(write):
    with pytest.raises(ImportDataError, match="unknown preset 'heap'"):
        read_events(write("e.csv", CSV), preset="heap")


def test_bad_timestamp_names_line_column_value(write):
    text = CSV + "u3,visit,yesterday,web,1\n"
    with pytest.raises(
        ImportDataError, match=r"e\.csv: line 5, column 'ts': cannot read timestamp 'yesterday'"
    ):
        read_events(write("e.csv", text))


def test_bad_timestamp_in_a_later_block(write):
    good = "".join(f"c{i},e,2024-01-01T10:00:00Z\n" for i in range(120_000))
    with pytest.raises(
        ImportDataError, match=r"line 120002, column 'timestamp': cannot read timestamp 'nope'"
    ):
        read_events(write("big.csv", "case_id,event,timestamp\n" + good + "x,e,nope\n"))


def test_empty_timestamp(write):
    with pytest.raises(ImportDataError, match=r"line 3, column 'ts': timestamp is empty"):
        read_events(write("e.csv", "user_id,event,ts\na,x,2024-01-01T10:00:00Z\nb,y,\n"))


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_file(write, text):
    with pytest.raises(ImportDataError, match=r"e\.csv: file is empty"):
        read_events(write("e.csv", text))


def test_header_only(write):
    with pytest.raises(ImportDataError, match="header but no data rows"):
        read_events(write("e.csv", "case_id,event,timestamp\n"))


def test_ragged_row(write):
    text = CSV + "u3,visit,2024-01-03T08:00:00Z,web,1,EXTRA\nu4,visit,2024-01-03T08:00:00Z,web,1\n"
    with pytest.raises(ImportDataError, match=r"e\.csv: line 5: 6 fields but the header has 5"):
        read_events(write("e.csv", text))


def test_short_row(write):
    text = CSV + "u3,visit\n"
    with pytest.raises(
        ImportDataError, match=r"line 5: 2 fields but the header has 5 \(column 'ts' missing\)"
    ):
        read_events(write("e.csv", text))


def test_empty_case_id(write):
    text = "case_id,event,timestamp\na,x,2024-01-01T10:00:00Z\n  ,y,2024-01-01T10:00:00Z\n"
    with pytest.raises(ImportDataError, match=r"line 3, column 'case_id': case id is empty"):
        read_events(write("e.csv", text))


def test_undecodable_bytes_name_line_and_column(write):
    data = (
        b"case_id,event,timestamp\na,ok,2024-01-01T10:00:00Z\nb,bad\x81name,2024-01-01T10:00:00Z\n"
    )
    with pytest.raises(
        ImportDataError,
        match=r"e\.csv: line 3, column 'event': byte 0x81 is neither UTF-8 nor cp1252",
    ):
        read_events(write("e.csv", data))


def test_late_non_utf8_byte_switches_to_cp1252(write):
    rows = "".join(f"c{i},e,2024-01-01T10:00:00Z\n" for i in range(60_000))
    data = (
        "case_id,event,timestamp\n" + rows
    ).encode() + "z,caf\xe9,2024-01-01T10:00:00Z\n".encode("cp1252")
    log = read_events(write("e.csv", data))
    assert log.encoding == "cp1252" and log.frame["activity"].iloc[-1] == "café"


def test_non_utf8_byte_in_an_unmapped_column_switches_to_cp1252(write):
    rows = "".join(f"c{i},e,2024-01-01T10:00:00Z,fine\n" for i in range(60_000))
    data = ("case_id,event,timestamp,note\n" + rows).encode() + b"z,e,2024-01-01,caf\xe9\n"
    log = read_events(write("e.csv", data))  # the byte lies beyond the sniffed head
    assert log.encoding == "cp1252" and log.frame["note"].iloc[-1] == "caf\u00e9"


def test_bad_json_line(write):
    with pytest.raises(ImportDataError, match=r"e\.jsonl: line 2: invalid JSON"):
        read_events(
            write("e.jsonl", '{"case_id": "a", "event": "x", "timestamp": "2024-01-01"}\n{oops\n')
        )


def test_missing_file(tmp_path):
    with pytest.raises(ImportDataError, match="no such file"):
        read_events(tmp_path / "none.csv")


def test_parquet_text_dictionaries_convert_as_to_pandas_does():
    """`_parquet_frame` converts dictionary text columns itself (faster); the frame must be
    exactly `to_pandas`'s: same column order, categories in the same order, nulls missing,
    the other columns as they were, across several chunks with their own dictionaries."""
    import pyarrow as pa

    from cxmapper.analysis.rawtables import _parquet_frame

    def chunk(cases: list[str | None], acts: list[str]) -> pa.Table:
        return pa.table(
            {
                "n": pa.array(range(len(acts)), pa.int64()),
                "case": pa.array(cases).dictionary_encode(),
                "note": pa.array([f"x{i}" for i in range(len(acts))]),
                "act": pa.array(acts).dictionary_encode(),
            }
        )

    table = pa.concat_tables(
        [chunk(["b", None, "a"], ["y", "x", "y"]), chunk(["c", "a"], ["z", "x"])]
    )
    expected = table.to_pandas()
    frame = _parquet_frame(table)
    pd.testing.assert_frame_equal(frame, expected)
    assert frame["case"].cat.categories.tolist() == ["b", "a", "c"]
    assert frame["case"].isna().tolist() == [False, True, False, False, False]


def test_parquet_dictionaries_are_checked_before_they_become_codes():
    """A corrupt file's dictionary (index out of bounds, repeated or missing values) is an error
    (refused as 'cannot read as Parquet'), never codes pointing nowhere in the frame."""
    import pyarrow as pa

    from cxmapper.analysis.rawtables import _categorical

    words = pa.array(["a", "b"])
    out_of_bounds = pa.DictionaryArray.from_arrays(pa.array([0, 2], pa.int32()), words, safe=False)
    repeated = pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int32()), pa.array(["a", "a"]))
    missing = pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int32()), pa.array(["a", None]))
    for bad in (out_of_bounds, repeated, missing):
        with pytest.raises(pa.ArrowInvalid):
            _categorical(pa.chunked_array([bad]), trusted=False)
    good = pa.DictionaryArray.from_arrays(pa.array([1, None, 0], pa.int32()), words)
    codes = _categorical(pa.chunked_array([good]), trusted=False).codes.tolist()
    assert codes == [1, -1, 0]
