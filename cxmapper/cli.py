"""Command-line entry point: `cxmapper [WORKSPACE]` opens the app, sub-commands work headless.

Sub-commands live in `cxmapper.commands.*`; heavy modules (pandas, Qt) are imported only by the
sub-command that needs them, so `cxmapper info` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from cxmapper import __version__
from cxmapper.errors import CxError

COMMAND_MODULES = (
    "cxmapper.commands.demo",
    "cxmapper.commands.info",
    "cxmapper.commands.analyze",
    "cxmapper.commands.importing",
    "cxmapper.commands.export",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cxmapper",
        description="Customer-journey mapping. Without a sub-command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"cxmapper {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a sub-command not built yet
        module.register(subparsers)
    return parser


def _split_gui_args(argv: list[str]) -> list[str] | None:
    """Return the GUI arguments when argv does not name a sub-command, else None."""
    known = {"demo", "info", "analyze", "import", "export", "import-xlsx", "import-json"}
    if any(a in ("-h", "--help", "--version") for a in argv[:1]):
        return None
    if argv and argv[0] in known:
        return None
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    gui_args = _split_gui_args(args_list)
    try:
        if gui_args is not None:
            return _run_gui(gui_args)
        parser = build_parser()
        args = parser.parse_args(args_list)
        return int(args.func(args) or 0)
    except CxError as exc:
        print(f"cxmapper: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cxmapper: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `cxmapper info W | head`): stop quietly, like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cxmapper", add_help=False)
    parser.add_argument("workspace", nargs="?")
    args, _ = parser.parse_known_args(argv)
    try:
        from cxmapper.ui.app import run_app
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("cxmapper.ui"):
            build_parser().print_help()
            return 0
        raise
    return run_app(args.workspace)
