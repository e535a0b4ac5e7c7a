"""No user-visible English literal bypasses the catalogues (a scan of the source with `ast`).

The Qt catalogue test (tests/ui/test_translations.py) proves every text lupdate *finds* has
Italian; this one proves texts cannot hide from it: a string literal or f-string with words,
passed straight to a call that shows text (setText, setToolTip, QLabel, QAction, addItem,
QMessageBox, an undo command's text, ...) in cxmapper/ui, or printed by the CLI's commands, fails
unless it goes through tr()/translate (Qt) or `_` (headless). What is not a word is allowed:
numbers, symbols, format-only strings, product and format names, record-kind keys.

Known limit: a literal first stored in a variable and shown later is not followed; the rule
for reviewers is the same (wrap it where it is written), and the Italian gallery shows the rest.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "cxmapper"

# calls whose text arguments people read; value: which positional arguments carry text
# (None: all of them), keyword names that carry text
TEXT_METHODS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setWindowTitle": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setPlainText": (0,),
    "setHtml": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setSpecialValueText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "setLabelText": (0,),
    "setCancelButtonText": (0,),
    "showMessage": (0,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "setItemToolTip": (1,),
    "addItem": (0,),
    "insertItem": (1,),
    "addItems": (0,),
    "addTab": (1,),
    "insertTab": (2,),
    "addMenu": (0,),
    "addSection": (0,),
    "addAction": (0,),
    "addRow": (0,),
    "addButton": (0,),
    "setHeaderLabels": (0,),
    "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,),
    "drawText": None,
    "set_choices": (0,),
    "ask_text": (1, 2),
    "_tool_button": (1,),
    "text_cell": (0, 2),
}
TEXT_CLASSES = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QStandardItem",
    "QTableWidgetItem",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QGraphicsSimpleTextItem",
    "QGraphicsTextItem",
    "QCommandLinkButton",
    "QProgressDialog",
    "QWidgetAction",
    "ResultTable",
}
STATIC_OWNERS = {"QMessageBox", "QInputDialog", "QToolTip"}
# the text argument of the undo commands (ui/commands) and of the inspector's edit helpers
COMMAND_TEXT = {
    "AddCommand": 3,
    "AddManyCommand": 3,
    "RemoveCommand": 3,
    "RemoveMixedCommand": 2,
    "UpdateCommand": 3,
    "ReorderCommand": 4,
    "MoveCardsCommand": 5,
}
TEXT_KEYWORDS = {"text", "label", "title", "toolTip", "tooltip", "placeholder", "tips", "headers"}
# words that are the same in every language: product, formats, survey scales, units
NOT_WORDS = {
    "cxmapper",
    "CSV",
    "TSV",
    "XLSX",
    "XLS",
    "JSON",
    "JSONL",
    "XES",
    "PNG",
    "SVG",
    "PDF",
    "NPS",
    "CSAT",
    "CES",
    "KPI",
    "KPIs",
    "RACI",
    "UTF",
    "Qt",
    "Python",
    "Parquet",
    "Spark",
    "DuckDB",
    "numpy",
    "ESC",
    "Ctrl",
    "Shift",
    "Alt",
    "Del",
    "px",
    "pt",
    "dpi",
    "yyyy",
    "MM",
    "dd",
    "HH",
    "mm",
    "ss",
    "Esc",
    "Enter",
    "Tab",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
TAG = re.compile(r"<[^>]*>|&\w+;|%\w|\{[^}]*\}")


def has_words(text: str) -> bool:
    """True when `text` holds a word people read (not a key, a symbol or a format name)."""
    if re.fullmatch(r"[a-z][a-z0-9_.\-]*", text):  # a key / object name ("touchpoint", "menu.file")
        return False
    words = WORD.findall(TAG.sub(" ", text))
    return any(w not in NOT_WORDS for w in words)


def literal_words(node: ast.AST) -> bool:
    """The node is (or builds, without translation) a literal with words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return has_words(node.value)
    if isinstance(node, ast.JoinedStr):
        return has_words("".join(v.value for v in node.values if isinstance(v, ast.Constant)))
    if isinstance(node, ast.BinOp):
        return literal_words(node.left) or literal_words(node.right)
    if isinstance(node, ast.IfExp):
        return literal_words(node.body) or literal_words(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(
            literal_words(e.elts[0] if isinstance(e, ast.Tuple) and e.elts else e)
            for e in node.elts
        )
    if (  # "...".format(...) / "...".join(...) on a literal, not on a translated text
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
    ):
        return literal_words(node.func.value)
    return False


def _name(func: ast.expr) -> tuple[str | None, str | None]:
    if isinstance(func, ast.Name):
        return func.id, None
    if isinstance(func, ast.Attribute):
        owner = func.value
        base = (
            owner.id
            if isinstance(owner, ast.Name)
            else owner.attr
            if isinstance(owner, ast.Attribute)
            else None
        )
        return func.attr, base
    return None, None


def text_arguments(call: ast.Call) -> Iterator[ast.expr]:
    """The arguments of `call` that people read, if it is a call that shows text."""
    name, owner = _name(call.func)
    if name is None:
        return
    if name in COMMAND_TEXT:
        at = COMMAND_TEXT[name]
        if len(call.args) > at:
            yield call.args[at]
        yield from (k.value for k in call.keywords if k.arg == "text")
        return
    if name == "edit" and len(call.args) > 2:  # EntityPage.edit(field, value, label)
        yield call.args[2]
        return
    if name == "update" and owner == "ctx" and len(call.args) > 2:
        yield call.args[2]
        return
    if name in TEXT_CLASSES or owner in STATIC_OWNERS:
        positions: tuple[int, ...] | None = None
    elif name in TEXT_METHODS:
        positions = TEXT_METHODS[name]
    else:
        return
    for i, arg in enumerate(call.args):
        if positions is None or i in positions:
            yield arg
    yield from (k.value for k in call.keywords if k.arg in TEXT_KEYWORDS)


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT.parent)) if path.is_relative_to(ROOT.parent) else path.name


def untranslated(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for arg in text_arguments(node):
                    if literal_words(arg):
                        found.append(f"{_where(path)}:{node.lineno}: {ast.unparse(arg)[:80]}")
    return found


def printed_literals(paths: list[Path]) -> list[str]:
    """CLI output: print(...) / out.write(...) of literals with words, not through `_`."""
    found = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func)[0] in ("print", "write"):
                for arg in node.args:
                    if literal_words(arg):
                        found.append(f"{_where(path)}:{node.lineno}: {ast.unparse(arg)[:80]}")
    return found


def hidden_from_lupdate(folder: Path) -> list[str]:
    """Literals passed to a module's own wrapper around translate() (`def _tr(text): return
    QCoreApplication.translate(CTX, text)`): translated at run time, but lupdate only reads
    literal arguments of translate()/tr() itself, so they never reach the catalogue."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = {
            f.name
            for f in ast.walk(tree)
            if isinstance(f, ast.FunctionDef)
            and any(
                isinstance(c, ast.Call)
                and _name(c.func)[0] in ("translate", "tr")
                and any(isinstance(a, ast.Name) for a in c.args)
                for c in ast.walk(f)
            )
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _name(node.func)[0] in wrappers
                and any(literal_words(a) for a in node.args)
            ):
                found.append(f"{_where(path)}:{node.lineno}: {ast.unparse(node)[:80]}")
    return found


TRANSLATORS = ("translate", "tr")


def translate_aliases(folder: Path) -> list[str]:
    """translate()/tr() taken as a value instead of called (`t = QCoreApplication.translate`,
    `tr = self.tr`, `partial(QCoreApplication.translate, "Ctx")`, a default argument) or
    imported under any name (`from m import tr`, `... import translate as t`): lupdate reads
    only literal calls of translate()/tr() written out, so every text passed to the alias is
    missing from the catalogue while the scans above, which look for those calls too, are
    fooled into reading it as translated."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in TRANSLATORS
                and id(node) not in called
            ) or (
                isinstance(node, ast.ImportFrom) and any(a.name in TRANSLATORS for a in node.names)
            ):
                found.append(f"{_where(path)}:{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_no_ui_text_bypasses_translation() -> None:
    assert untranslated(ROOT / "ui") == []
    assert hidden_from_lupdate(ROOT / "ui") == []
    assert translate_aliases(ROOT / "ui") == []


def test_no_cli_output_bypasses_translation() -> None:
    paths = [*sorted((ROOT / "commands").glob("*.py")), ROOT / "cli.py"]
    assert printed_literals(paths) == []


def test_the_scan_catches_what_it_is_for(tmp_path: Path) -> None:
    """Not vacuous: each kind of bypass in a sample module is reported, and translated or
    wordless texts are not."""
    (tmp_path / "sample.py").write_text(
        "label.setText('Touchpoints')\n"
        "QLabel(f'{n} cards')\n"
        "stack.push(RemoveCommand(ws, 'stage', [i], f'Delete {name}'))\n"
        "combo.set_choices([('Current state', 'current')])\n"
        "QMessageBox.warning(self, 'Cannot open', text)\n"
        "page.edit('name', value, 'Rename stage')\n"
        "ok = QLabel(self.tr('Touchpoints'))\n"
        "ok = QLabel(QCoreApplication.translate('X', 'Cards: {n}').format(n=n))\n"
        "ok = button.setText('…'); ok = label.setText('42 %'); ok = QLabel('<b>NPS</b>')\n"
        "ok = RemoveCommand(ws, 'stage', [i], text); ok = w.setObjectName('Not shown')\n"
    )
    hits = untranslated(tmp_path)
    assert sorted(h.split(":")[1] for h in hits) == ["1", "2", "3", "4", "5", "6"], hits
    (tmp_path / "wrapped.py").write_text(
        "def _tr(text):\n    return QCoreApplication.translate('Ctx', text)\n"
        "box = QCheckBox(_tr('Link instead of copy'))\nok = _tr(name)\n"
    )
    assert len(hidden_from_lupdate(tmp_path)) == 1
    aliased = tmp_path / "aliased"
    aliased.mkdir()
    (aliased / "alias.py").write_text(
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "from functools import partial\n"
        "t = QCoreApplication.translate\n"
        "tr: object = QObject.tr\n"
        "def page(self, _t=QCoreApplication.translate):\n"
        "    late = self.tr\n"
        "    label.setText(t('Ctx', 'Touchpoints'))\n"
        "ctx_tr = partial(QCoreApplication.translate, 'Ctx')\n"
        "from cxmapper.ui.words import translate as say\n"
        "from cxmapper.ui.words import tr\n"
        "ok = QCoreApplication.translate('Ctx', 'Cards'); ok = self.tr('Cards')\n"
        "ok = 'abc'.translate(table); ok = QLabel(self.tr('Stage'))\n"
    )
    hits = translate_aliases(aliased)
    assert sorted(int(h.split(":")[1]) for h in hits) == [3, 4, 5, 6, 8, 9, 10], hits
    (tmp_path / "cli.py").write_text("print(f'wrote {path}')\nprint(_('wrote {path}'))\n")
    assert len(printed_literals([tmp_path / "cli.py"])) == 1
