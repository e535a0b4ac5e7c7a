"""A workbook part with a DOCTYPE is refused in one line; nothing is read or changed."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from cxmapper.cli import main
from cxmapper.errors import CxError
from cxmapper.io.xlsx_import import plan_xlsx_import
from cxmapper.model.workspace import Workspace

DOCTYPES = {
    # an external entity used in a cell: a ParseError traceback before the fix
    "file-entity": ('<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>', "&xxe;"),
    # nested entities ("billion laughs"), expanded by the standard parser before the fix
    "nested-entities": (
        '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>',
        "&b;",
    ),
    "bare-doctype": ("<!DOCTYPE worksheet>", ""),
}


def with_doctype(source: Path, target: Path, doctype: str, reference: str) -> Path:
    """`source` with `doctype` in every worksheet part and `reference` in its first text cells."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode()
                start = text.index("?>") + 2 if text.startswith("<?xml") else 0
                text = text[:start] + doctype + text[start:]
                text = re.sub(r"<is><t>([^<]*)</t>", rf"<is><t>\1{reference}</t>", text, count=3)
                data = text.encode()
            zout.writestr(item, data)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", sorted(DOCTYPES))
def test_doctype_is_refused_naming_the_part(
    file_ws: Workspace, exported: Path, tmp_path: Path, kind: str
) -> None:
    workbook = with_doctype(exported, tmp_path / f"{kind}.xlsx", *DOCTYPES[kind])
    with pytest.raises(CxError) as info:
        plan_xlsx_import(file_ws, workbook)
    message = str(info.value)
    assert str(workbook) in message and "xl/worksheets/sheet" in message
    assert "DOCTYPE" in message and "\n" not in message


def test_cli_refuses_with_exit_2_and_leaves_the_workspace_alone(
    file_ws: Workspace, exported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = with_doctype(exported, tmp_path / "xxe.xlsx", *DOCTYPES["file-entity"])
    path = Path(file_ws.path)
    file_ws.close()
    before = digest(path)
    assert main(["import-xlsx", str(path), str(workbook)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cxmapper: error:") and err.count("\n") == 1
    assert "Traceback" not in err and "DOCTYPE" in err
    assert digest(path) == before


def test_an_ordinary_export_still_imports(file_ws: Workspace, exported: Path) -> None:
    plan = plan_xlsx_import(file_ws, exported)  # no DOCTYPE: the check lets it through
    assert "no changes" in plan.report() or plan.changes
