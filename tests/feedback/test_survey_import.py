"""Survey files: CSV / XLSX / JSON Lines, scales declared or detected, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cxmapper.errors import ImportDataError
from cxmapper.feedback.scales import detect_scale
from cxmapper.feedback.survey_import import read_survey


def write(tmp_path: Path, text: str, name: str = "s.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_every_column_detected(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "respondent_id;submitted_at;NPS score;csat;verbatim;language;event;segment\n"
        "007;2026-03-01T10:00:00Z;9;5;Ottimo;IT;order_confirmed;new\n"
        "008;2026-03-02T10:00:00Z;;2;Slow;en;;returning\n",
    )
    s = read_survey(path)
    f = s.frame
    assert s.scales == ["nps", "csat"] and s.attributes == ["segment"]
    assert list(f["respondent"]) == ["007", "008"]  # ids stay text
    assert list(f["nps"].fillna(-1)) == [9, -1] and list(f["csat"]) == [5, 2]
    assert list(f["lang"]) == ["it", "en"] and list(f["touchpoint"]) == ["order_confirmed", ""]
    assert str(f["answered_at"].dt.tz) == "UTC"


def test_declared_columns_and_scale(tmp_path: Path) -> None:
    path = write(
        tmp_path, "who,when,rating,txt\nA,2026-03-01T10:00:00Z,3,x\nB,2026-03-01T10:00:00Z,5,y\n"
    )
    s = read_survey(
        path,
        columns={"case": "who", "date": "when", "score": "rating", "scale": "ces", "text": "txt"},
    )
    assert s.scales == ["ces"] and list(s.frame["ces"]) == [3, 5]
    assert read_survey(path, columns={"case": "who", "date": "when", "score": "rating"}).scales == [
        "csat"
    ]


def test_scale_detection_rules() -> None:
    assert detect_scale(np.array([1.0, 5, 3])) == "csat"
    assert detect_scale(np.array([1.0, 7, 3])) == "ces"
    assert detect_scale(np.array([0.0, 5])) == "nps"
    assert detect_scale(np.array([2.0, 9])) == "nps"
    assert detect_scale(np.array([1.0, 2]), "CES_score") == "ces"


def test_jsonl_and_xlsx(tmp_path: Path) -> None:
    rows = [
        {"case_id": "P1", "date": "2026-03-01T10:00:00Z", "nps": 10, "comment": "ok"},
        {"case_id": "P2", "date": "2026-03-02T10:00:00Z", "nps": 0, "comment": None},
    ]
    jl = write(tmp_path, "\n".join(json.dumps(r) for r in rows) + "\n", "s.jsonl")
    assert list(read_survey(jl).frame["nps"]) == [10, 0]
    xlsx = tmp_path / "s.xlsx"
    pd.DataFrame(rows).to_excel(xlsx, index=False)
    f = read_survey(xlsx).frame
    assert list(f["nps"]) == [10, 0] and list(f["respondent"]) == ["P1", "P2"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "P1,2026-03-01T10:00:00Z,11\n",
            "line 2: column 'nps': 11 is not a whole number on the NPS scale 0-10",
        ),
        ("P1,2026-03-01T10:00:00Z,9\nP2,2026-03-01T10:00:00Z,7.5\n", "line 3: column 'nps': 7.5"),
        (
            "P1,2026-03-01T10:00:00Z,9\nP2,2026-03-01T10:00:00Z,great\n",
            "line 3: column 'nps': 'great'",
        ),
        ("P1,2026-03-01T10:00:00Z,9\nP2,2026-03-01T10:00:00Z,\n", "line 3: no score in 'nps'"),
        ("P1,yesterday,9\n", "line 2"),
        (",2026-03-01T10:00:00Z,9\n", "line 2: column 'case_id': no id"),
    ],
)
def test_bad_values_name_file_row_and_column(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, "case_id,date,nps\n" + body)
    with pytest.raises(ImportDataError) as err:
        read_survey(path)
    text = str(err.value)
    assert text.startswith(str(path)) and message in text and "\n" not in text


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = write(tmp_path, "case_id,date,comment\nP1,2026-03-01T10:00:00Z,x\n")
    with pytest.raises(ImportDataError, match="no score column found"):
        read_survey(path)
    with pytest.raises(ImportDataError, match=r"no column 'missing' \(--score\)"):
        read_survey(path, columns={"score": "missing"})
    with pytest.raises(ImportDataError, match="no response date column"):
        read_survey(write(tmp_path, "case_id,nps\nP1,9\n", "t.csv"))


def test_score_detection_skips_the_comment_and_asks_which_column_a_scale_is_for(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "case_id,date,nps,comment\nP1,2026-03-01T10:00:00Z,9,the nps is fine\n")
    s = read_survey(path, columns={"text": "comment"})
    assert s.scales == ["nps"]
    two = write(tmp_path, "case_id,date,nps,csat\nP1,2026-03-01T10:00:00Z,9,4\n", "t.csv")
    with pytest.raises(ImportDataError, match="several score columns"):
        read_survey(two, columns={"scale": "nps"})
    both = write(
        tmp_path, "case_id,date,nps score,nps comment\nP1,2026-03-01T10:00:00Z,9,ok\n", "u.csv"
    )
    with pytest.raises(ImportDataError, match="'nps comment'"):
        read_survey(both)  # the comment column is not recognised as text: named, not guessed
    assert read_survey(both, columns={"text": "nps comment"}).scales == ["nps"]
