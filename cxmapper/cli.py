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
from cxmapper.commands import argparse_words
from cxmapper.commands.printable import printable, safe_output
from cxmapper.errors import CxError
from cxmapper.present import language
from cxmapper.present.labels import _

COMMAND_MODULES = (
    "cxmapper.commands.demo",
    "cxmapper.commands.info",
    "cxmapper.commands.analyze",
    "cxmapper.commands.importing",
    "cxmapper.commands.export",
    "cxmapper.commands.feedback",
    "cxmapper.commands.governance",
)


def build_parser() -> argparse.ArgumentParser:
    argparse_words.install()
    parser = argparse.ArgumentParser(
        prog="cxmapper",
        description=_("Customer-journey mapping. Without a sub-command, opens the desktop app."),
    )
    parser.add_argument("--version", action="store_true", help=_("print the version and exit"))
    parser.add_argument(
        "--verbose", action="store_true", help=_("with --version: also where the log file is")
    )
    parser.add_argument(
        "--lang",
        choices=language.SUPPORTED,
        default=None,
        help=_("language of messages and exports (default: the system locale)"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    """The sub-commands the parser knows, as registered by the command modules."""
    return {
        name
        for action in parser._actions  # argparse offers no public way to list sub-commands
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def _is_gui_call(argv: list[str], parser: argparse.ArgumentParser) -> bool:
    """True when argv names no sub-command (and asks for no help): open the desktop app."""
    if argv and (argv[0] in ("-h", "--help") or "--version" in argv[:2]):
        return False
    return not (argv and argv[0] in _command_names(parser))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        code, args_list = _take_language(args_list)
        language.use_language(code)
        # built in the chosen language: the help texts are looked up as the parser is made
        parser = build_parser()  # the command modules import only the standard library up front
        if _is_gui_call(args_list, parser):
            return _run_gui(args_list)
        with safe_output():  # names from files never reach the terminal as control sequences
            args = parser.parse_args(args_list)
            if args.version:
                return _print_version(args.verbose)
            if args.command is None:
                parser.error(_("name a command (see cxmapper --help)"))
            return int(args.func(args) or 0)
    except CxError as exc:
        print(
            _("cxmapper: error: {message}").format(message=printable(str(exc), one_line=True)),
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print(_("cxmapper: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `cxmapper info W | head`): stop quietly, like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _take_language(argv: list[str]) -> tuple[str, list[str]]:
    """The `--lang CODE` / `--lang=CODE` given anywhere (else the system locale's), and argv
    without it.

    Taken out before argparse runs so that it works before or after the sub-command
    (`cxmapper demo PATH --lang it`) and the parser's own messages are already translated. An
    unsupported value is refused here (exit 2), never taken for a workspace to open.
    """
    code, rest, i = language.system_language(), [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in language.SUPPORTED:
            code, i = argv[i + 1], i + 2
            continue
        if arg.startswith("--lang=") and arg[7:] in language.SUPPORTED:
            code, i = arg[7:], i + 1
            continue
        if arg == "--lang" or arg.startswith("--lang="):
            value = arg[7:] if "=" in arg else (argv[i + 1] if i + 1 < len(argv) else "")
            choices = ", ".join(language.SUPPORTED)
            raise CxError(f"--lang {value!r}: not a supported language (choose from {choices})")
        rest.append(arg)
        i += 1
    return code, rest


def _print_version(verbose: bool) -> int:
    """`--version`; with `--verbose` also the log file to attach to a bug report."""
    print(f"cxmapper {__version__}")
    if verbose:
        from cxmapper.logfile import default_log_path

        print(
            _("Python {version} on {platform}").format(
                version=sys.version.split()[0], platform=sys.platform
            )
        )
        print(_("log file: {path}").format(path=default_log_path()))  # fmt: skip
    return 0


def missing_display(environ: dict[str, str] | None = None) -> str | None:
    """Why the window cannot open here (Linux without a display), or None.

    Qt would abort with a message about xcb-cursor0 whatever the real cause; say it plainly.
    """
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return _(
        "no display: the cxmapper window needs a desktop session (DISPLAY or WAYLAND_DISPLAY is "
        "not set). The commands work without one: cxmapper demo, info, analyze, import, export, "
        "import-xlsx, import-json, import-survey, feedback, version, versions, diff, log "
        "(see cxmapper --help)"
    )


def _run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cxmapper", add_help=False)
    parser.add_argument("workspace", nargs="?")
    args, _unknown = parser.parse_known_args(argv)
    problem = missing_display()
    if problem:
        raise CxError(problem)
    from cxmapper.ui.app import run_app

    return run_app(args.workspace)
