"""Owners keep their figures current: overdue KPI readings and the governance health summary.

A KPI definition may say how often it should be read (`frequency`: weekly, monthly,
quarterly). A touchpoint that has been measured for such a KPI is overdue when its latest
reading of it is older than that period on `today`. A touchpoint never measured for a KPI is
not counted: nothing says it should be. One implementation here serves `cxmapper info`, the
inspector and the Excel sheets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from cxmapper.model.entities import Kpi, Lane, Raci, Reading, Touchpoint
from cxmapper.model.governance import governed
from cxmapper.model.kpi_status import latest_readings

FREQUENCY_DAYS: dict[str, int] = {"weekly": 7, "monthly": 31, "quarterly": 92}


@dataclass(frozen=True)
class Overdue:
    """The latest reading of `kpi_id` on `touchpoint_id` is older than the KPI's frequency."""

    touchpoint_id: str
    kpi_id: str
    frequency: str
    latest_at: str  # measured_at of the latest reading
    due_on: str  # ISO date a new reading was due
    days_overdue: int


def today_utc() -> date:
    return datetime.now(UTC).date()


def _day(timestamp: str) -> date:
    return date.fromisoformat(timestamp[:10])


def reading_checks(
    kpis: Iterable[Kpi], readings: Iterable[Reading]
) -> list[tuple[Reading, Kpi, date]]:
    """(latest reading, its KPI, due date) for every touchpoint x KPI with a frequency."""
    by_id = {k.id: k for k in kpis if k.frequency in FREQUENCY_DAYS}
    out = []
    for (_, kpi_id), reading in latest_readings(list(readings)).items():
        kpi = by_id.get(kpi_id)
        if kpi is not None:
            due = _day(reading.measured_at) + timedelta(days=FREQUENCY_DAYS[kpi.frequency])
            out.append((reading, kpi, due))
    return out


def overdue_readings(
    kpis: Iterable[Kpi], readings: Iterable[Reading], today: date | None = None
) -> list[Overdue]:
    """Overdue touchpoint x KPI pairs, most overdue first."""
    today = today or today_utc()
    found = [
        Overdue(r.touchpoint_id, k.id, k.frequency, r.measured_at, due.isoformat(), (today - due).days)
        for r, k, due in reading_checks(kpis, readings)
        if due < today
    ]  # fmt: skip
    return sorted(found, key=lambda o: (-o.days_overdue, o.touchpoint_id, o.kpi_id))


@dataclass(frozen=True)
class GovernanceHealth:
    """Counts behind the three shares; a share is None when there is nothing to count."""

    governed_touchpoints: int
    with_one_accountable: int
    kpis: int
    kpis_with_owner: int
    expected_readings: int
    readings_up_to_date: int

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    @property
    def accountable_share(self) -> float | None:
        return self._share(self.with_one_accountable, self.governed_touchpoints)

    @property
    def kpi_owner_share(self) -> float | None:
        return self._share(self.kpis_with_owner, self.kpis)

    @property
    def readings_up_to_date_share(self) -> float | None:
        return self._share(self.readings_up_to_date, self.expected_readings)

    def to_json(self) -> dict[str, Any]:
        return {
            "accountable_share": self.accountable_share, "kpi_owner_share": self.kpi_owner_share,
            "readings_up_to_date_share": self.readings_up_to_date_share,
            "governed_touchpoints": self.governed_touchpoints,
            "with_one_accountable": self.with_one_accountable, "kpis": self.kpis,
            "kpis_with_owner": self.kpis_with_owner, "expected_readings": self.expected_readings,
            "readings_up_to_date": self.readings_up_to_date,
        }  # fmt: skip


def governance_health(
    touchpoints: Sequence[Touchpoint], lanes: Sequence[Lane], raci: Iterable[Raci],
    kpis: Iterable[Kpi], readings: Iterable[Reading], today: date | None = None,
) -> GovernanceHealth:  # fmt: skip
    """Health of one journey: its governed cards' Accountables, the KPIs read on its cards
    (have they an owner?), and its touchpoint x KPI readings (up to date?)."""
    today = today or today_utc()
    tp_ids = {t.id for t in touchpoints}
    readings = [r for r in readings if r.touchpoint_id in tp_ids]
    accountable: dict[str, int] = {}
    for r in raci:
        if r.role == "A":
            accountable[r.touchpoint_id] = accountable.get(r.touchpoint_id, 0) + 1
    cards = governed(touchpoints, lanes)
    read_kpis = {r.kpi_id for r in readings}
    used = [k for k in kpis if k.id in read_kpis]
    checks = reading_checks(used, readings)
    return GovernanceHealth(
        governed_touchpoints=len(cards),
        with_one_accountable=sum(accountable.get(t.id, 0) == 1 for t in cards),
        kpis=len(used), kpis_with_owner=sum(k.owner_id is not None for k in used),
        expected_readings=len(checks), readings_up_to_date=sum(due >= today for _, _, due in checks),
    )  # fmt: skip
