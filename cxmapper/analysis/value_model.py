"""A journey's value model: what a conversion is worth and what a contact costs, per channel.

Plain frozen data, so the analysis can price its figures without knowing where the numbers are
kept: the workspace (or the Excel round trip) persists these fields and hands a `ValueModel` to
the analysis, the CLI builds one from its options. Money is plain float in the model's currency;
figures are rounded to cents only where they are reported (`money.py`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from cxmapper.errors import CxError
from cxmapper.present.palette import channel_key

#: ISO 4217 style: three capital letters.
_CURRENCY = re.compile(r"[A-Z]{3}")


def money_value(value: object, what: str) -> float:
    """A finite amount >= 0 (numbers or number text); CxError naming `what` otherwise."""
    try:
        amount = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CxError(f"{what}: {value!r} is not a number") from None
    if not math.isfinite(amount) or amount < 0:
        raise CxError(f"{what}: {value!r} must be a finite amount of 0 or more")
    return amount


def cost_key(channel: str) -> str:
    """The key a channel's contact cost is kept under: the palette's key for known spellings
    ("phone" and "Call center" are both "call centre"), else the trimmed lower-case name."""
    key = channel_key(channel)
    name = channel.strip().lower()
    return name if key is None or key == "other" else key


@dataclass(frozen=True)
class ValueModel:
    """Assumptions that turn journey counts into money (see docs/metrics.md, *Business impact*).

    `contact_costs` maps a channel to the cost of one event in it; channels are normalised with
    `cost_key`, so the same channel typed differently shares one cost. `segment_values` optionally
    overrides `value_per_conversion` for cases whose `segment_attribute` has that value.
    """

    value_per_conversion: float = 0.0
    currency: str = "EUR"
    contact_costs: Mapping[str, float] = field(default_factory=dict)
    segment_attribute: str | None = None
    segment_values: Mapping[str, float] = field(default_factory=dict)
    failure_window_days: float = 7.0
    repeat_window_days: float = 7.0

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: normalise once, here
        set_(
            self, "value_per_conversion", money_value(self.value_per_conversion, "conversion value")
        )
        if not _CURRENCY.fullmatch(self.currency or ""):
            raise CxError(f"currency: {self.currency!r} is not a three-letter code such as EUR")
        costs: dict[str, float] = {}
        for channel, cost in self.contact_costs.items():
            key = cost_key(str(channel))
            if not key:
                raise CxError("contact cost: the channel name is empty")
            costs[key] = money_value(cost, f"contact cost of {channel!r}")
        set_(self, "contact_costs", MappingProxyType(costs))
        segments = {
            str(k): money_value(v, f"conversion value of segment {k!r}")
            for k, v in self.segment_values.items()
        }
        if segments and not self.segment_attribute:
            raise CxError("segment values need the attribute that holds the segment")
        set_(self, "segment_values", MappingProxyType(segments))
        for name in ("failure_window_days", "repeat_window_days"):
            days = money_value(getattr(self, name), name.replace("_", " "))
            set_(self, name, days)

    def __hash__(self) -> int:  # the mappings are read-only views: hash their items
        return hash(
            (
                self.value_per_conversion,
                self.currency,
                tuple(sorted(self.contact_costs.items())),
                self.segment_attribute,
                tuple(sorted(self.segment_values.items())),
                self.failure_window_days,
                self.repeat_window_days,
            )
        )

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-able fields, for whatever stores the model (`from_dict` reads them back)."""
        return {
            "value_per_conversion": self.value_per_conversion,
            "currency": self.currency,
            "contact_costs": dict(self.contact_costs),
            "segment_attribute": self.segment_attribute,
            "segment_values": dict(self.segment_values),
            "failure_window_days": self.failure_window_days,
            "repeat_window_days": self.repeat_window_days,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ValueModel:
        """The model `as_dict` wrote; CxError naming an unknown field or a bad value."""
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise CxError(f"value model: unknown field(s) {', '.join(sorted(unknown))}")
        return cls(**data)  # type: ignore[arg-type]

    def cost_of(self, channel: str) -> float:
        """Cost of one contact in `channel` (0 for a channel without a cost)."""
        return self.contact_costs.get(cost_key(channel), 0.0)
