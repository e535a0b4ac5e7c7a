"""Change notifications: how views learn what an operation did, without polling the file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Action = Literal["added", "removed", "changed", "reloaded"]


@dataclass(frozen=True)
class Change:
    """One entity added, removed or changed. `reloaded` means: rebuild everything (another
    process changed the file)."""

    action: Action
    kind: str = ""
    id: str = ""
    journey_id: str | None = None
    fields: tuple[str, ...] = ()


Listener = Callable[[Change], None]


class ChangeHub:
    """Fan-out of changes to listeners; each subscription returns its own unsubscribe."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, changes: list[Change]) -> None:
        for change in changes:
            for listener in list(self._listeners):
                listener(change)

    @property
    def listener_count(self) -> int:
        return len(self._listeners)
