"""Starter journeys a workshop can begin from instead of a blank canvas.

Data only, plus one function that builds a template through ordinary workspace operations, so
the desktop app (as one undo step) and the command line create exactly the same journey.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cxmapper.errors import WorkspaceError
from cxmapper.model.entities import Journey
from cxmapper.model.kpi_kinds import add_standard_kpis
from cxmapper.model.templates_it import ITALIAN
from cxmapper.model.workspace import Workspace
from cxmapper.present.language import current_language

# Lanes every template shares below its channel lanes: the classic journey-map rows.
_EXPERIENCE_LANES: tuple[tuple[str, str], ...] = (
    ("Customer actions", "actions"),
    ("Thoughts", "thoughts"),
    ("Emotions", "emotions"),
    ("Pain points", "pain points"),
    ("Opportunities", "opportunities"),
    ("Backstage", "backstage"),
)


@dataclass(frozen=True)
class Card:
    """A starter touchpoint: stage and lane are given by name so the data stays readable."""

    stage: str
    lane: str
    title: str
    channel: str = ""
    emotion: int | None = None  # only moments the customer lives: channel cards and thoughts
    is_goal: bool = False


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    description: str
    stages: tuple[str, ...]
    channels: tuple[str, ...]
    cards: tuple[Card, ...]
    lang: str = "en"  # the language of the texts (TEMPLATES are English; see template_in)

    @property
    def lanes(self) -> tuple[tuple[str, str], ...]:
        """Channel lanes first (where touchpoints happen), then the experience lanes."""
        experience = tuple((in_language(n, self.lang), k) for n, k in _EXPERIENCE_LANES)
        return tuple((c, "channel") for c in self.channels) + experience


TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template(
            "ecommerce",
            "E-commerce purchase",
            "From first inspiration to delivery and returns in an online shop.",
            ("Discover", "Consider", "Purchase", "Delivery", "Use & return"),
            ("Website", "Mobile app", "E-mail"),
            (
                Card("Discover", "Website", "Landing page from an ad", "web", 1),
                Card("Discover", "Customer actions", "Searches for a product"),
                Card("Consider", "Website", "Product detail page", "web", 1),
                Card("Consider", "Thoughts", "Is this the right size?", emotion=-1),
                Card("Purchase", "Website", "Checkout", "web", 0, True),
                Card("Purchase", "Pain points", "Surprise shipping costs"),
                Card("Purchase", "E-mail", "Order confirmation", "e-mail", 1),
                Card("Delivery", "Mobile app", "Track the parcel", "app", 0),
                Card("Delivery", "Backstage", "Warehouse picks and ships"),
                Card("Use & return", "Website", "Start a return", "web", -1),
                Card("Use & return", "Opportunities", "Free pick-up for returns"),
                Card("Use & return", "E-mail", "Review request", "e-mail", 0),
            ),
        ),
        Template(
            "saas_onboarding",
            "SaaS onboarding",
            "A trial user signs up, reaches the first value moment and converts.",
            ("Sign up", "Set up", "First value", "Adopt", "Convert"),
            ("Product", "E-mail", "Help centre"),
            (
                Card("Sign up", "Product", "Sign-up form", "web", 0),
                Card("Sign up", "E-mail", "Verify e-mail address", "e-mail", -1),
                Card("Set up", "Product", "Onboarding checklist", "app", 1),
                Card("Set up", "Pain points", "Data import fails on large files"),
                Card("Set up", "Help centre", "Getting-started guide", "web", 0),
                Card("First value", "Product", "First report created", "app", 2, True),
                Card("First value", "Thoughts", "This saves me hours", emotion=2),
                Card("Adopt", "Product", "Invite teammates", "app", 1),
                Card("Adopt", "E-mail", "Tips & tricks series", "e-mail", 0),
                Card("Convert", "Product", "Upgrade to a paid plan", "app", 0, True),
                Card("Convert", "Backstage", "Billing system creates the account"),
                Card("Convert", "Opportunities", "Offer onboarding call to big teams"),
            ),
        ),
        Template(
            "bank_account",
            "Bank account opening",
            "A new customer opens a current account, from comparison to first payment.",
            ("Research", "Apply", "Verify identity", "Activate", "First use"),
            ("Website", "Mobile app", "Branch", "Call centre"),
            (
                Card("Research", "Website", "Compare account types", "web", 0),
                Card("Research", "Thoughts", "Which fees will I really pay?", emotion=-1),
                Card("Apply", "Mobile app", "Application form", "app", 0),
                Card("Apply", "Branch", "Appointment with an adviser", "branch", 1),
                Card("Verify identity", "Mobile app", "Video identification", "app", -1),
                Card("Verify identity", "Pain points", "ID check fails in poor light"),
                Card("Verify identity", "Backstage", "Compliance and KYC checks"),
                Card("Activate", "Mobile app", "Set PIN and activate card", "app", 1, True),
                Card("Activate", "Call centre", "Help with activation", "phone", 0),
                Card("First use", "Mobile app", "First card payment", "app", 2, True),
                Card("First use", "Opportunities", "Welcome bonus for salary transfer"),
            ),
        ),
        Template(
            "customer_support",
            "Customer support",
            "A customer with a problem looks for help until the issue is resolved.",
            ("Problem occurs", "Seek help", "Contact", "Resolution", "Follow-up"),
            ("Help centre", "Chat", "Phone", "E-mail"),
            (
                Card("Problem occurs", "Customer actions", "Notices the product fails"),
                Card("Problem occurs", "Thoughts", "Why does this happen now?", emotion=-2),
                Card("Seek help", "Help centre", "Searches the FAQ", "web", -1),
                Card("Seek help", "Pain points", "FAQ does not cover the error"),
                Card("Contact", "Chat", "Chatbot triage", "chat", -1),
                Card("Contact", "Phone", "Waits in the phone queue", "phone", -2),
                Card("Contact", "E-mail", "Ticket confirmation", "e-mail", 0),
                Card("Resolution", "Chat", "Agent solves the issue", "chat", 1, True),
                Card("Resolution", "Backstage", "Second-level support investigates"),
                Card("Follow-up", "E-mail", "Satisfaction survey", "e-mail", 0),
                Card("Follow-up", "Opportunities", "Proactive status updates"),
                Card("Follow-up", "Thoughts", "Will it happen again?", emotion=-1),
            ),
        ),
    )
}


def in_language(text: str, lang: str | None = None) -> str:
    """A template text in `lang` (None: the current language); English when not translated."""
    code = current_language() if lang is None else lang
    return ITALIAN.get(text, text) if code == "it" else text


def template_in(key: str, lang: str | None = None) -> Template:
    """The template `key` worded in `lang` (None: the current language): same key, same cards,
    stage and lane names translated alike so every card still finds its cell."""
    template = TEMPLATES.get(key)
    if template is None:
        known = ", ".join(TEMPLATES)
        raise WorkspaceError(f"no journey template {key!r} (templates: {known})")
    lang = current_language() if lang is None else lang

    def say(text: str) -> str:
        return in_language(text, lang)

    cards = tuple(
        replace(c, stage=say(c.stage), lane=say(c.lane), title=say(c.title)) for c in template.cards
    )
    return replace(
        template,
        name=say(template.name),
        description=say(template.description),
        stages=tuple(say(s) for s in template.stages),
        channels=tuple(say(c) for c in template.channels),
        cards=cards,
        lang=lang,
    )


def apply_template(
    workspace: Workspace,
    key: str,
    name: str | None = None,
    index: int | None = None,
    lang: str | None = None,
) -> Journey:
    """Create a journey from a template in one transaction; returns the new journey.

    The journey is worded in `lang` (None: the current language, the app's or `--lang`).
    A workspace without KPI definitions also gets the standard ones (NPS, CSAT...), so the
    workshop can record readings at once; one that has its own KPIs is left as it is.
    """
    template = template_in(key, lang)
    with workspace.batch():
        if not workspace.kpis():
            add_standard_kpis(workspace)
        journey = workspace.add_journey(
            name or template.name, index, description=template.description
        )
        stages = {s: workspace.add_stage(journey.id, s).id for s in template.stages}
        lanes = {n: workspace.add_lane(journey.id, n, kind).id for n, kind in template.lanes}
        for card in template.cards:
            workspace.add_touchpoint(
                stages[card.stage],
                lanes[card.lane],
                card.title,
                channel=card.channel,
                emotion=card.emotion,
                is_goal=card.is_goal,
            )
    return journey


BLANK_STAGES = ("Stage 1", "Stage 2", "Stage 3")
BLANK_LANES: tuple[tuple[str, str], ...] = (("Touchpoints", "channel"), *_EXPERIENCE_LANES)


def new_blank_journey(
    workspace: Workspace, name: str, index: int | None = None, lang: str | None = None
) -> Journey:
    """An empty journey that still has a grid to put the first cards on, worded in `lang`
    (None: the current language)."""
    with workspace.batch():
        journey = workspace.add_journey(name, index)
        for stage in BLANK_STAGES:
            workspace.add_stage(journey.id, in_language(stage, lang))
        for lane, kind in BLANK_LANES:
            workspace.add_lane(journey.id, in_language(lane, lang), kind)
    return journey
