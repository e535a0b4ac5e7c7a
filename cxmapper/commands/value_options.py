"""The value-model options of `analyze`: --value-per-conversion, --currency, --contact-cost.

Parsed into the analysis' `ValueModel`, so the CLI and the app price figures with the same
rules; a bad value stops the command with one line naming the option (exit 2).
"""

from __future__ import annotations

import argparse
from typing import Any

from cxmapper.errors import CxError
from cxmapper.present.labels import _


def register(p: Any) -> None:
    p.add_argument(
        "--value-per-conversion",
        metavar="X",
        help=_("value of a conversion (a case reaching a goal): adds value at risk and money"),
    )
    p.add_argument("--currency", metavar="CODE", help=_("currency of the amounts (default EUR)"))
    p.add_argument(
        "--contact-cost",
        metavar="CHANNEL=X",
        action="append",
        default=[],
        help=_("cost of one contact (event) in a channel, e.g. phone=6.50; repeat per channel"),
    )


def _cost(text: str) -> tuple[str, str]:
    channel, sep, amount = text.rpartition("=")
    if not sep or not channel.strip() or not amount.strip():
        raise CxError(f"--contact-cost {text!r}: expected CHANNEL=AMOUNT, e.g. phone=6.50")
    return channel.strip(), amount.strip()


def value_model(args: argparse.Namespace) -> Any:
    """The `ValueModel` the options describe, or None when no money option is given."""
    from cxmapper.analysis.value_model import ValueModel, cost_key, money_value

    if args.value_per_conversion is None and not args.contact_cost:
        if args.currency is not None:
            raise CxError("--currency needs --value-per-conversion or --contact-cost")
        return None
    value = 0.0
    if args.value_per_conversion is not None:
        value = money_value(args.value_per_conversion, "--value-per-conversion")
    costs: dict[str, float] = {}
    named: dict[str, str] = {}
    for text in args.contact_cost:
        channel, amount = _cost(text)
        key = cost_key(channel)
        if key in named:
            raise CxError(
                f"--contact-cost: {named[key]!r} and {channel!r} both set the cost of {key!r}"
            )
        named[key] = channel
        costs[channel] = money_value(amount, f"--contact-cost {channel}")
    currency = (args.currency or "EUR").strip().upper()
    try:  # the amounts are checked above: only the currency can be refused here
        return ValueModel(value, currency, costs)
    except CxError as exc:
        raise CxError(f"--{exc}") from None
