"""Render the fixed gallery of what cxmapper shows people: `make screenshots`.

The demo workspace is written fresh into a temporary folder, its event log imported and
analysed, and then every view a facilitator or a stakeholder sees is captured as a PNG in
OUT (default docs/images/gallery): the window at 1366x768 and 1920x1080, each overlay, each
analysis view, presentation mode, every inspector tab, the Voice of the customer views, the
import wizard, the survey import dialog, the export dialog, the canvas diff view (a version
against now, on a copy of the demo), every PDF page and, where LibreOffice is installed, every
workbook page. An index (README.md) lists them. Look at every picture before calling a change to the UI done.

Runs on whatever Qt platform is set; `scripts/make-gallery.sh` runs it in a real X server
(Xvfb) as the Makefile target does.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cxmapper.analysis.tasks import import_events  # noqa: E402
from cxmapper.model.demo import write_demo  # noqa: E402
from cxmapper.present import language  # noqa: E402
from cxmapper.ui.app import make_application  # noqa: E402
from cxmapper.ui.inspector.touchpoint_actions import TouchpointActions  # noqa: E402
from cxmapper.ui.inspector.touchpoint_voice import TouchpointVoice  # noqa: E402
from cxmapper.ui.main_window import MainWindow  # noqa: E402
from cxmapper.ui.settings import AppSettings, use_settings_dir  # noqa: E402
from cxmapper.ui.translations import install_language  # noqa: E402
from cxmapper.ui.voice_cache import journey_voices  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))
PDF_DPI = 60  # PDF pages as pictures: the whole page at a glance


class Gallery:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.shots: list[tuple[str, str]] = []

    def save(self, name: str, widget: QWidget, caption: str) -> None:
        settle()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.shots.append((path.name, caption))

    def add_file(self, path: Path, caption: str) -> None:
        self.shots.append((path.name, caption))

    def write_index(self) -> None:
        lines = [
            "# Gallery",
            "",
            "Rendered by `make screenshots` (scripts/gallery.py) from the demo workspace.",
            "",
        ]
        for name, caption in self.shots:
            lines += [f"## {caption}", "", f"![{caption}]({name})", ""]
        (self.out / "README.md").write_text("\n".join(lines), encoding="utf-8")


def settle(rounds: int = 6) -> None:
    for _ in range(rounds):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def wait_until(condition: Callable[[], bool], seconds: float = 120.0) -> None:
    import time

    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("gallery: timed out waiting for the analysis")
        QApplication.processEvents()
        time.sleep(0.02)


def tab_pages(widget: QWidget) -> list[tuple[QTabWidget, int, str]]:
    """Every (tab widget, index, label) under `widget`, outermost first."""
    found = []
    for tabs in widget.findChildren(QTabWidget):
        for i in range(tabs.count()):
            found.append((tabs, i, tabs.tabText(i).replace("&", "")))
    return found


def page_key(tabs: QTabWidget, index: int) -> str:
    """A tab's picture name, the same in every language (the English and Italian galleries
    name a view's picture alike): the page's object name ("analysisView.before_after" ->
    "before-after"), else the attribute of the widget holding the tabs that is the page or
    sits in it (the inspector's `history` page inside its scroll area), else the label's slug.
    """
    page = tabs.widget(index)
    name = page.objectName()
    if "." in name:
        return name.rsplit(".", 1)[1].replace("_", "-")
    owner = tabs.parentWidget()
    for attr, value in vars(owner).items() if owner is not None else ():
        held = isinstance(value, QWidget) and (value is page or page.isAncestorOf(value))
        if held and not attr.startswith("_"):
            return attr.removesuffix("_tab").replace("_", "-")
    return slug(tabs.tabText(index).replace("&", ""))


def slug(text: str) -> str:
    """A stable file name for a tab: "KPIs (12)" -> "kpis" (counts change, names do not)."""
    text = text.split("(")[0]
    words = "".join(c.lower() if c.isalpha() else " " for c in text).split()
    return "-".join(words) or "tab"


def analysed_window(workspace: Path, events: Path) -> MainWindow:
    window = MainWindow(AppSettings(), poll_ms=0)
    window.resize(*SIZES[0])
    window.show()
    if not window.open_path(workspace):
        raise SystemExit(f"gallery: could not open {workspace}")
    dock = window.analysis_dock
    panel = dock.ensure_panel()
    panel.store_dataset(import_events(events))
    wait_until(lambda: panel.result is not None)
    dock.present()
    settle()
    return window


def capture_window(g: Gallery, window: MainWindow) -> None:
    dock = window.analysis_dock
    panel = dock.ensure_panel()
    for width, height in SIZES:
        window.resize(width, height)
        dock.overlay_actions["friction"].trigger()
        g.save(
            f"window-{width}x{height}", window, f"The demo at {width}×{height}, friction overlay"
        )
    window.resize(*SIZES[0])
    for key, action in dock.overlay_actions.items():
        action.trigger()
        wait_until(lambda: panel.result is not None)
        g.save(f"overlay-{key}", window, f"Overlay: {action.text().replace('&', '')}")
    dock.overlay_actions["money"].trigger()  # the whole journey: the arcs sit beside the grid
    window.view.fit()
    settle()
    g.save("money-channels", window, "Money overlay with the channel arcs, whole journey")
    dock.overlay_actions["friction"].trigger()
    for tabs, index, label in tab_pages(panel):
        tabs.setCurrentIndex(index)
        if tabs.widget(index) is panel.before_after:
            with compared(panel):  # an empty table with a hint shows nothing of the view
                g.save(f"analysis-{page_key(tabs, index)}", window, f"Analysis view: {label}")
            continue
        g.save(f"analysis-{page_key(tabs, index)}", window, f"Analysis view: {label}")


@contextmanager
def compared(panel: Any) -> Iterator[None]:
    """The analysis of the later period compared with the earlier one (the period fields the
    data filled in), as a facilitator runs it; the whole data's analysis again afterwards."""

    def analyse() -> None:
        panel.result = None
        panel.run()
        wait_until(lambda: panel.result is not None)

    panel.use_period.setChecked(True)
    panel.use_compare.setChecked(True)
    analyse()
    try:
        yield
    finally:
        panel.use_period.setChecked(False)
        panel.use_compare.setChecked(False)
        analyse()


def capture_inspector(g: Gallery, window: MainWindow) -> None:
    ws = window.workspace
    assert ws is not None and window.journey_id is not None
    cards = ws.touchpoints(window.journey_id)
    # the demo's richest card, found by its event (its title depends on the language); another
    # workspace: the first with a KPI reading
    card = next((t for t in cards if "checkout_payment" in t.match_events), None) or next(
        (t for t in cards if ws.readings(t.id)), cards[0]
    )
    # the Actions tab on the card with the most done actions, so its verdicts show
    done = {t.id: sum(a.status == "done" for a in ws.actions(t.id)) for t in cards}
    acted = max(cards, key=lambda t: (done[t.id], len(ws.actions(t.id))))
    inspector = window.inspector_dock
    for tabs, index, label in tab_pages(window.inspector):
        page = tabs.widget(index)
        chosen = card.id
        if page.findChild(TouchpointVoice) is not None:  # the card customers said most about
            voices = journey_voices(ws, window.journey_id)
            if voices:
                chosen = max(voices, key=lambda i: voices[i].n_verbatims)
        elif isinstance(page, TouchpointActions) or page.findChild(TouchpointActions) is not None:
            chosen = acted.id
        window.select_touchpoint(chosen)
        settle()
        tabs.setCurrentIndex(index)
        g.save(f"inspector-{page_key(tabs, index)}", inspector, f"Inspector: {label}")


def capture_voice(g: Gallery, window: MainWindow) -> None:
    """The Voice of the customer area (Analysis ▸ Voice of the Customer), each tab with its
    first row selected so the detail pane shows what it holds."""
    dock = window.voice_dock
    dock.present()
    tabs = dock.ensure_views()
    for index, view in enumerate(dock.views):
        tabs.setCurrentIndex(index)
        if view.table.rowCount():
            view.table.selectRow(0)
        label = tabs.tabText(index).replace("&", "")
        g.save(f"voice-{page_key(tabs, index)}", window, f"Voice of the customer: {label}")
    window.analysis_dock.present()


def capture_presentation(g: Gallery, window: MainWindow) -> None:
    window.presentation_action.setChecked(True)
    settle(12)
    g.save("presentation", window, "Presentation mode (F11)")
    window.presentation_action.setChecked(False)
    settle()


def capture_survey_import(g: Gallery, window: MainWindow, survey: Path) -> None:
    """Analysis ▸ Import Survey… after reading the demo's survey: what it read and masked."""
    import time

    from cxmapper.ui.voice.survey_import_dialog import SurveyImportDialog

    assert window.workspace is not None
    dialog = SurveyImportDialog(window.workspace, window.journey_id, str(survey), window)
    dialog.show()
    dialog.import_button.click()  # Read, in a worker
    deadline = time.monotonic() + 120
    while dialog.job is not None and dialog.job.running and time.monotonic() < deadline:
        settle(1)
        time.sleep(0.05)
    g.save("survey-import", dialog, "Import survey: columns, options and what was read")
    dialog.close()


def capture_dialogs(g: Gallery, window: MainWindow, events: Path) -> None:
    from cxmapper.ui import file_dialogs
    from cxmapper.ui.overlay.import_dialog import ImportDialog

    wizard = ImportDialog(window, str(events))
    wizard.show()
    g.save("import-wizard", wizard, "Import wizard: preview and columns")
    wizard.close()
    ws = window.workspace
    assert ws is not None
    capture_survey_import(g, window, events.parent / "demo-survey.csv")
    # as Transfer.export_dialog asks: the journey's name, the title and filter in the app's
    # language (the Italian picture showed "Online purchase.xlsx" and "Excel workbook")
    assert window.journey_id is not None
    name = ws.get("journey", window.journey_id).name
    folder = str(Path(ws.path).parent / f"{name}.xlsx")
    what = QCoreApplication.translate("Transfer", "&Excel workbook…").replace("&", "").rstrip("…")
    title = QCoreApplication.translate("Transfer", "Export {what}").format(what=what)
    file_filter = QCoreApplication.translate("Transfer", "Excel workbook (*.xlsx)")
    dialog = file_dialogs.make_dialog(window, title, folder, file_filter, save=True)
    dialog.resize(900, 520)
    dialog.show()
    settle(20)
    g.save("export-dialog", dialog, "Export dialog")
    dialog.close()


# the diff scenario's edits are data typed by a person: in the gallery's language
DIFF_WORDS = {
    "en": {"version": "As-is", "new": " (new)", "card": "Chat with an agent",
           "path": "new path", "renamed": " (renamed)"},
    "it": {"version": "Com'è", "new": " (nuovo)", "card": "Chat con un operatore",
           "path": "nuovo percorso", "renamed": " (rinominato)"},
}  # fmt: skip


def capture_canvas_diff(g: Gallery, workspace: Path, work: Path, lang: str = "en") -> None:
    """The diff view on a copy of the demo (the other pictures keep the demo as it is): a
    version saved, then a card renamed, one moved to the next stage, one removed, one added,
    connectors removed, added and relabelled, and a RACI assignment added."""
    from cxmapper.model.versions import CURRENT, save_version
    from cxmapper.ui.dialogs.compare_versions import show_diff

    copy = work / "diff.cxmap"
    shutil.copy(workspace, copy)
    window = MainWindow(AppSettings(), poll_ms=0)
    window.resize(*SIZES[0])
    window.show()
    if not window.open_path(copy) or window.workspace is None or window.journey_id is None:
        raise SystemExit(f"gallery: could not open {copy}")
    ws, journey = window.workspace, window.journey_id
    words = DIFF_WORDS.get(lang, DIFF_WORDS["en"])
    save_version(ws, journey, words["version"])
    stages, cards = ws.stages(journey), ws.touchpoints(journey)
    ws.update("touchpoint", cards[0].id, title=cards[0].title + words["new"])
    moved = cards[1]
    after = next((s for s in stages if s.position > ws.get("stage", moved.stage_id).position),
                 stages[0])  # fmt: skip
    ws.move_touchpoints([moved.id], after.id, moved.lane_id, 0)
    ws.remove("touchpoint", cards[2].id)
    ws.add_touchpoint(stages[0].id, cards[0].lane_id, words["card"])
    links = ws.connectors(journey)
    if links:  # a connector removed (a ghost line), one added (green), one relabelled
        ws.remove("connector", links[0].id)
    ws.add_connector(cards[3].id, cards[5].id, label=words["path"])
    if len(links) > 1:
        ws.update("connector", links[1].id, label=(links[1].label or "") + words["renamed"])
    parties = ws.parties()
    if parties:  # a RACI change: a badge on the card
        ws.assign(cards[0].id, parties[0].id, "C")
    settle()
    show_diff(window, words["version"], CURRENT)
    window.resize(*SIZES[1])
    for dock in (window.journeys_dock, window.inspector_dock, window.comments_dock):
        dock.hide()
    settle()
    window.view.fit()
    g.save(
        "canvas-diff",
        window,
        "Canvas diff: the As-is version against now (added green, "
        "removed as ghosts, changed outlined, moved marked, connectors added green or removed "
        "as dashed ghosts, RACI and KPI changes as badges, legend below the map)",
    )
    window.close_workspace()
    window.close()


def capture_outputs(g: Gallery, workspace: Path, work: Path, lang: str = "en") -> None:
    """Every PDF page, page 1 of the tiled PDF and (with LibreOffice) every workbook page, as
    stakeholders get them."""
    cli = [sys.executable, "-m", "cxmapper"]
    pdf, tiled, xlsx = work / "journey.pdf", work / "tiled.pdf", work / "journey.xlsx"
    journey = "Online purchase" if lang == "en" else _first_journey(workspace)
    base = [*cli, "export", str(workspace), "--journey", journey, "--dataset", "demo-events"]
    for args in ([*base, "--pdf", str(pdf), "--xlsx", str(xlsx)],
                 [*base, "--pdf", str(tiled), "--pages", "tile"]):  # fmt: skip
        if lang != "en" and subprocess.run([*args, "--lang", lang], cwd=ROOT).returncode == 0:
            continue
        subprocess.run(args, check=True, cwd=ROOT)
    pdf_pictures(g, pdf, tiled)
    tool = ROOT.parent / "shared" / "tools" / "xlsx-to-png.sh"
    if shutil.which("soffice") and tool.exists():
        subprocess.run([str(tool), str(xlsx), str(work / "xlsx"), "70"], check=True)
        for page in sorted((work / "xlsx").glob("*.png")):
            target = g.out / f"workbook-{page.name}"
            shutil.copy(page, target)
            g.add_file(target, f"Excel workbook, {page.stem}")
    else:
        print("gallery: LibreOffice not installed; workbook pages skipped", file=sys.stderr)


def pdf_pictures(g: Gallery, fit: Path, tiled: Path) -> None:
    """Every page of the one-page PDF (the default), and page 1 of the PDF tiled on request:
    its pages tape together into a poster, so one shows how a page of it reads (the stage and
    lane headers it repeats, the header and legend)."""
    if not shutil.which("pdftoppm"):
        print("gallery: pdftoppm not installed; PDF pages skipped", file=sys.stderr)
        return
    subprocess.run(["pdftoppm", "-png", "-r", str(PDF_DPI), str(fit), str(g.out / "pdf-page")],
                   check=True)  # fmt: skip
    for page in sorted(g.out.glob("pdf-page*.png")):
        g.add_file(page, f"PDF export, {page.stem.replace('pdf-page-', 'page ')}")
    target = g.out / "pdf-tiled-page-1"
    subprocess.run(["pdftoppm", "-png", "-r", str(PDF_DPI), "-f", "1", "-l", "1", "-singlefile",
                    str(tiled), str(target)], check=True)  # fmt: skip
    g.add_file(target.with_suffix(".png"),
               f"PDF export tiled on request (--pages tile), page 1 of {_pages(tiled)}")  # fmt: skip


def _pages(pdf: Path) -> str:
    """The page count pdfinfo reports ("?" without it)."""
    if not shutil.which("pdfinfo"):
        return "?"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    counts = [line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")]
    return counts[0] if counts else "?"


def import_survey(workspace: Path, survey: Path) -> None:
    """The demo's survey answers, so the inspector's Voice tab shows what customers said."""
    if not survey.exists():
        print(f"gallery: no {survey.name}; the Voice tab stays empty", file=sys.stderr)
        return
    journey = _first_journey(workspace)
    cli = [sys.executable, "-m", "cxmapper", "import-survey", str(workspace), str(survey)]
    subprocess.run([*cli, "--journey", journey], check=True, cwd=ROOT)


def _first_journey(workspace: Path) -> str:
    from cxmapper.model.workspace import Workspace

    ws = Workspace.open(workspace)
    try:
        return ws.journeys()[0].name
    finally:
        ws.close()


def _write_demo(workspace: Path, lang: str) -> Path:
    """The demo in `lang` where write_demo knows languages (the CLI's `demo --lang`)."""
    import inspect

    if lang != "en" and "lang" in inspect.signature(write_demo).parameters:
        return write_demo(workspace, lang=lang)  # type: ignore[call-arg]
    return write_demo(workspace)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", help="default docs/images/gallery[/LANG]")
    parser.add_argument("--lang", default="en", choices=language.SUPPORTED,
                        help="interface and demo language; not English: pictures go in LANG/")  # fmt: skip
    args = parser.parse_args()
    default = ROOT / "docs" / "images" / "gallery"
    out = Path(args.out) if args.out else default if args.lang == "en" else default / args.lang
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        use_settings_dir(work / "settings")
        QStandardPaths.setTestModeEnabled(True)
        app = make_application([sys.argv[0]])
        install_language(app, args.lang)
        workspace = work / "demo.cxmap"
        events = _write_demo(workspace, args.lang)
        import_survey(workspace, events.parent / "demo-survey.csv")
        g = Gallery(out)
        window = analysed_window(workspace, events)
        capture_window(g, window)
        capture_inspector(g, window)
        capture_voice(g, window)
        capture_presentation(g, window)
        capture_dialogs(g, window, events)
        window.close_workspace()
        window.close()
        capture_canvas_diff(g, workspace, work, args.lang)
        capture_outputs(g, workspace, work, args.lang)
        g.write_index()
        del app
    print(f"gallery: {len(g.shots)} pictures in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
