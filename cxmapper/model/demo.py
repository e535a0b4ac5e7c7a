"""`cxmapper demo`: a realistic workspace plus a matching event log, for trying every feature.

The event log is simulated from customer behaviour we see in real shops and contact centres:
most visitors leave early, payment is retried, people step back to the cart, and delivery
takes days. A fixed seed makes the file identical on every run, so tests can rely on it.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cxmapper.errors import WorkspaceError
from cxmapper.model import demo_content as content
from cxmapper.model.demo_it import say
from cxmapper.model.demo_survey import write_survey
from cxmapper.model.kpi_kinds import KPI_KINDS
from cxmapper.model.value_models import set_value_model
from cxmapper.model.workspace import Workspace
from cxmapper.tempfiles import sweep, temp_path

LANES = (
    ("Thoughts", "thoughts"),
    ("Emotions", "emotions"),
    *((name, "channel") for name in content.CHANNEL_LANES),
    ("Pain points", "pain points"),
    ("Opportunities", "opportunities"),
    ("Backstage", "backstage"),
)
TEAM_LEADS = {
    "E-commerce": "Maria Lopez",
    "Customer Service": "Jonas Weber",
    "Logistics": "Lukas Novak",
    "Marketing": "Emma Martin",
    "CX Office": "Daniel Kim",
}
SOURCES = {
    "NPS": "Qualtrics",
    "CSAT": "Qualtrics",
    "CES": "Qualtrics",
    "Conversion rate": "GA4",
    "Drop-off rate": "GA4",
}
START = datetime(2026, 1, 5, tzinfo=UTC)
# Address autocomplete ships on this day (a done action in demo_content.ACTIONS): from then on
# fewer customers leave at the address step. The same random draws decide, so the log before
# the change is unchanged and the rest of the simulation stays deterministic.
CHECKOUT_CHANGE = datetime(2026, 4, 1, tzinfo=UTC)


def events_path_for(path: Path) -> Path:
    return path.with_name(f"{path.stem}-events.csv")


def survey_path_for(path: Path) -> Path:
    return path.with_name(f"{path.stem}-survey.csv")


def write_demo(path: Path, seed: int = 7, *, overwrite: bool = False, lang: str = "en") -> Path:
    """Write the demo workspace at `path`, its event log and survey responses beside it;
    returns the log path (the survey is `survey_path_for(path)`).

    `lang` words the workspace and the survey comments ("it": Italian). The event log is the
    same in every language: its event names are the ids the cards match, not text to read,
    so the analysis figures do not depend on the language."""
    path = Path(path)
    if path.exists():
        if not overwrite:
            raise WorkspaceError(f"{path}: already exists (use --force to replace it)")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    sweep(path.parent)
    tmp = temp_path(path)
    with Workspace.create(tmp) as ws:
        build_demo(ws, seed, lang)
    tmp.replace(path)
    log = events_path_for(path)
    rows = simulate_events(seed)
    _write_rows(log, rows)
    write_survey(survey_path_for(path), rows, seed, lang)
    return log


def build_demo(ws: Workspace, seed: int = 7, lang: str = "en") -> None:
    """The demo's records, worded in `lang`; the same records and random draws in every
    language (texts are keyed by their English form, translated only when written)."""
    rng = random.Random(seed)
    with ws.batch():
        people = _add_people(ws, lang)
        kinds = {k.name: k.key for k in KPI_KINDS}  # the demo's KPIs are the standard ones
        kpis = {
            name: ws.add_kpi(
                say(name, lang),
                kind=kinds.get(name, ""),
                unit=say(unit, lang),
                direction=direction,
                target=target,
                tolerance=tol,
                owner_id=people[owner],
                description=say(desc, lang),
            ).id
            for name, unit, direction, target, tol, owner, desc in content.KPIS
        }
        titles: dict[str, str] = {}
        for spec in (content.PURCHASE, content.SUPPORT):
            titles.update(_add_journey(ws, spec, people, lang))
        _add_governance(ws, titles, people)
        for title, kpi, first, drift, count in content.READINGS:
            kpi_owner = ws.get("kpi", kpis[kpi]).owner_id
            for month in range(count):
                value = first + drift * month + rng.uniform(-0.6, 0.6) * abs(drift or 0.2)
                when = datetime(2026, month + 1, 28, 9, tzinfo=UTC).isoformat()
                ws.add_reading(
                    titles[title],
                    kpis[kpi],
                    round(value, 2),
                    measured_at=when,
                    source=SOURCES.get(kpi, "Genesys"),
                    owner_id=kpi_owner,
                )
        for i, (title, author, text, resolved) in enumerate(content.COMMENTS):
            when = (START + timedelta(days=20 + 9 * i, hours=i)).isoformat()
            ws.add_comment(
                titles[title], author, say(text, lang), created_at=when, resolved=resolved
            )
        for i, (title, name, owner, impact, effort, status, due) in enumerate(content.ACTIONS):
            ws.add_action(
                titles[title],
                say(name, lang),
                owner_id=people[owner],
                impact=impact,
                effort=effort,
                status=status,
                due_date=due,
                created_at=(START + timedelta(days=30 + 5 * i)).isoformat(),
            )


def _add_people(ws: Workspace, lang: str) -> dict[str, str]:
    ids: dict[str, str] = {}
    for team, role in content.TEAMS.items():
        ids[team] = ws.add_party(say(team, lang), kind="team", role=say(role, lang)).id
    for name, role, team in content.PEOPLE:
        email = name.lower().replace(" ", ".") + "@example.com"
        ids[name] = ws.add_party(name, role=say(role, lang), team_id=ids[team], email=email).id
    return ids


def _add_journey(
    ws: Workspace, spec: dict[str, Any], people: dict[str, str], lang: str
) -> dict[str, str]:
    """Adds one demo journey; returns the card ids by their English title."""
    name, description = say(spec["persona"][0], lang), say(spec["persona"][1], lang)
    persona = ws.add_persona(name, description=description)
    journey = ws.add_journey(
        say(spec["name"], lang), description=say(spec["description"], lang), persona_id=persona.id
    )
    set_value_model(ws, journey.id, content.VALUE_MODEL)
    stages = {name: ws.add_stage(journey.id, say(name, lang)).id for name in spec["stages"]}
    lanes = {name: ws.add_lane(journey.id, say(name, lang), kind).id for name, kind in LANES}
    titles: dict[str, str] = {}
    for stage, lane, title, channel, emotion, owner, event, goal in spec["touchpoints"]:
        tp = ws.add_touchpoint(
            stages[stage],
            lanes[lane],
            say(title, lang),
            channel=channel,
            emotion=emotion,
            owner_id=people.get(owner),
            match_events=[event] if event else [],
            is_goal=goal,
            component=_component(lane),
            tags=[say(t, lang) for t in (channel, "goal" if goal else "") if t],
        )
        titles[title] = tp.id
    for source, target, kind in spec["connectors"]:
        ws.add_connector(titles[source], titles[target], kind=kind)
    return titles


def _component(lane: str) -> str:
    if lane in ("Web", "App"):
        return "user experience"
    if lane in ("Call centre", "Chat", "Store"):
        return "service"
    if lane in ("Social", "E-mail"):
        return "brand"
    return ""


def _add_governance(ws: Workspace, titles: dict[str, str], people: dict[str, str]) -> None:
    """R = owner, A = the owner's team lead, C = CX office on painful steps, I = the team.
    Two deliberate gaps show the governance warnings: no Accountable, and two of them."""
    team_of = {name: team for name, _, team in content.PEOPLE}
    for title, tp_id in titles.items():
        tp = ws.get("touchpoint", tp_id)
        if tp.owner_id is None:
            continue
        owner = next(n for n, i in people.items() if i == tp.owner_id)
        team = team_of[owner]
        ws.assign(tp_id, tp.owner_id, "R")
        if title != "Order by phone":
            ws.assign(tp_id, people[TEAM_LEADS[team]], "A")
        if title == "Return request":
            ws.assign(tp_id, people["Hannah Schulz"], "A")
        lane = ws.get("lane", tp.lane_id)
        painful = lane.kind == "pain points" or (tp.emotion is not None and tp.emotion <= -1)
        if painful and owner != "Daniel Kim":
            ws.assign(tp_id, people["Daniel Kim"], "C")
        ws.assign(tp_id, people[team], "I")


# -- event log ------------------------------------------------------------------------------

Emit = Callable[[str, float], None]


EventRow = tuple[datetime, int, str, str, str, str, str]


def write_event_log(path: Path, seed: int = 7) -> int:
    """Simulate ~60,000 events of both journeys; returns the number of events written."""
    rows = simulate_events(seed)
    _write_rows(path, rows)
    return len(rows)


def simulate_events(seed: int = 7) -> list[EventRow]:
    """(time, seq, case, event, channel, journey, segment) rows in time order."""
    rng = random.Random(seed * 7919)
    rows: list[EventRow] = []
    seq = 0
    for n in range(7000):
        seq = _simulate(rows, seq, rng, f"P{n:05d}", _purchase_case, "Online purchase")
    for n in range(3200):
        seq = _simulate(rows, seq, rng, f"S{n:05d}", _support_case, "Customer support")
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def _write_rows(path: Path, rows: list[EventRow]) -> None:
    tmp = temp_path(path)
    with tmp.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["case_id", "timestamp", "event", "channel", "journey", "segment"])
        for ts, _, case, event, channel, journey, segment in rows:
            w.writerow([case, ts.strftime("%Y-%m-%dT%H:%M:%SZ"), event, channel, journey, segment])
    tmp.replace(path)


def _simulate(
    rows: list[EventRow],
    seq: int,
    rng: random.Random,
    case: str,
    body: Callable[..., None],
    journey: str,
) -> int:
    t = START + timedelta(seconds=rng.uniform(0, 180 * 86400))
    channel = "app" if rng.random() < 0.3 else "web"
    segment = "returning" if rng.random() < 0.4 else "new"
    clock = t

    attempts = 0  # payment attempts so far: the third goes to chat, later ones to the phone

    def emit(event: str, median_wait: float) -> None:
        nonlocal clock, seq, attempts
        clock += timedelta(seconds=rng.lognormvariate(0, 0.8) * median_wait)
        seq += 1
        attempts += event == "checkout_payment"
        where = event_channel(event, channel, attempts)
        rows.append((clock, seq, case, event, where, journey, segment))

    body(emit, rng, channel, segment, lambda: clock)
    return seq


#: Where a customer does an event when it is not in their own digital channel (web or app):
#: contacts with staff and the store. Outbound e-mails stay in the case's channel (they are no
#: contact the customer makes, so they must not count as a cost to serve).
EVENT_CHANNELS: dict[str, str] = {
    "chat_presales": "chat", "support_chat": "chat", "chatbot_start": "chat",
    "chat_agent": "chat", "photo_upload": "chat",
    "phone_order": "phone", "wismo_call": "phone", "ivr": "phone", "phone_agent": "phone",
    "identity_check": "phone",
    "collect_in_store": "store", "store_exchange": "store",
    "social_post": "social", "social_complaint": "social",
}  # fmt: skip


def event_channel(event: str, own: str, payment_attempts: int = 0) -> str:
    """The channel column of one simulated event: the contact channel of `EVENT_CHANNELS`, else
    the case's own channel `own`. A payment that keeps failing moves on: the third attempt is
    made with a chat agent, any later one over the phone (web -> chat -> phone)."""
    if event == "checkout_payment" and payment_attempts >= 3:
        return "chat" if payment_attempts == 3 else "phone"
    return EVENT_CHANNELS.get(event, own)


def _purchase_case(
    emit: Emit, rng: random.Random, channel: str, segment: str, now: Callable[[], datetime]
) -> None:
    r = rng.random
    emit(rng.choices(["ad_click", "landing_view", "newsletter_open"], [30, 45, 25])[0], 1)
    if r() > 0.82:
        return
    emit("product_list_view", 40)
    if r() > 0.8:
        return
    view = "app_product_view" if channel == "app" else "product_view"
    for _ in range(1 + int(rng.expovariate(0.9))):  # browsing several products
        emit(view, 45)
        if r() < 0.3:
            emit("reviews_view", 60)
        if r() < 0.12:
            emit("product_list_view", 20)  # back-step to the listing
    if r() < 0.05:
        emit("chat_presales", 300)
    if r() < 0.25 + (0.15 if segment == "new" else 0):
        emit("size_guide_view", 60)
    if channel == "app" and r() < 0.25:
        emit("wishlist_add", 15)
        if r() < 0.5:
            return
    if r() < 0.02:
        emit("phone_order", 3600)
        emit("order_email", 30)
        return
    if r() > 0.5:
        return
    emit("add_to_cart", 20)
    emit("cart_view", 30)
    if r() < 0.12:  # back-step: returns to the product page to check details
        emit(view, 40)
        if r() > 0.5:
            return
        emit("cart_view", 30)
    if r() > 0.78:
        return
    emit("checkout_address", 45)
    if r() > (0.95 if now() >= CHECKOUT_CHANGE else 0.82):  # autocomplete: fewer give up
        return
    emit("checkout_payment", 90)
    while r() < (0.3 if channel == "app" else 0.15):  # payment fails and is retried
        emit("checkout_payment", 120)
    if r() < 0.1:
        emit("cart_view", 60)  # back to the cart to check costs
        if r() > 0.6:
            return
        emit("checkout_payment", 90)
    if r() > 0.72:
        return
    emit("order_confirmed", 5)
    emit("order_email", 30)
    emit("shipping_email", 86400 * 1.2)
    if r() < 0.55:
        for _ in range(1 + int(rng.expovariate(1.0))):
            emit("track_parcel", 3600 * 8)
    if r() < 0.09:
        emit("wismo_call", 86400)
    if r() < 0.1:
        emit("collect_in_store", 86400)
    if r() < 0.15:
        emit("return_request", 86400 * 4)
        if r() < 0.2:
            emit("support_chat", 600)
    if r() < 0.6:
        emit("review_request", 86400 * 7)
        if r() < 0.04:
            emit("social_post", 86400)


def _support_case(
    emit: Emit, rng: random.Random, channel: str, segment: str, _now: Callable[[], datetime]
) -> None:
    r = rng.random
    emit(rng.choices(["app_error", "delay_email", "help_search"], [35, 35, 30])[0], 1)
    if r() < 0.75:
        emit("help_search", 1800)
        for _ in range(int(rng.expovariate(0.8))):
            emit("faq_view", 90)
        if r() < 0.25:
            return  # self-served, or gave up
    if channel == "app" and r() < 0.4:
        emit("app_help", 60)
    if r() < 0.05:
        emit("social_complaint", 3600)
    route = rng.choices(["chat", "phone", "form"], [50, 35, 15])[0]
    if route == "chat":
        emit("chatbot_start", 60)
        if r() > 0.6:
            return
        emit("chat_agent", 240)
        if r() < 0.4:
            emit("photo_upload", 300)
    elif route == "phone":
        emit("ivr", 60)
        while r() < 0.3:
            emit("ivr", 45)  # lost in the menu
        if r() > 0.8:
            return
        emit("phone_agent", 600)
        emit("identity_check", 60)
        if r() < 0.2:
            emit("identity_check", 90)
    else:
        emit("contact_form", 300)
        if r() > 0.7:
            return
    emit("order_lookup", 120)
    outcome = rng.choices(
        ["refund", "exchange", "replace", "escalate", "none"], [45, 8, 20, 15, 12]
    )[0]
    if outcome == "none":
        return
    if outcome == "escalate":
        emit("escalation", 3600 * 4)
        if r() < 0.5:
            emit("phone_agent", 86400)  # back-step: called again
        if r() > 0.7:
            return
        outcome = "refund"
    emit(
        {"refund": "refund_issued", "exchange": "store_exchange", "replace": "replacement_shipped"}[
            outcome
        ],
        3600 * 6,
    )
    if r() < 0.8:
        emit("survey_sent", 86400)
        if r() < 0.3:
            emit("survey_answered", 3600 * 5)
            if r() < 0.3:
                emit("voucher_redeemed", 86400 * 3)
