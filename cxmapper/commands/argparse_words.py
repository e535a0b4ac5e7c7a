"""argparse's own words ("usage:", "options:", its error messages) in the CLI's language.

Why: argparse translates through `gettext.gettext` with the process-wide default domain, which
never holds cxmapper's catalogue (and needs compiled `.mo` files the package does not ship), so
`cxmapper --lang it --help` printed Italian help under English headings. argparse looks its
`_` and `ngettext` up as module globals when it formats, so pointing them at the headless
catalogue's `_` makes its texts follow `--lang` like every other CLI text. The msgids below are
argparse's (Python 3.11 to 3.13) as written there, marked so the catalogue script extracts them.
"""

from __future__ import annotations

import argparse

from cxmapper.present.labels import N_, _

TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
)


def _plural(singular: str, plural: str, n: int) -> str:
    """English and Italian both use the singular for one only."""
    return _(singular if n == 1 else plural)


def install() -> None:
    """Route argparse's texts through the headless catalogue (idempotent)."""
    argparse._ = _  # type: ignore[attr-defined]  # argparse's module-level gettext alias
    argparse.ngettext = _plural  # type: ignore[attr-defined]


__all__ = ["TEXTS", "install"]
