"""Editors that commit once per finished edit, and refresh without clobbering typing.

Text fields emit `committed` on editingFinished / focus-out (one undo step per edit, never
per keystroke); pickers are filled from the model and use `activated`, which only user
interaction emits, so reloading values never writes back to the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from cxmapper.model.entities import Party

NOBODY = str(QT_TRANSLATE_NOOP("InspectorWidgets", "— nobody —"))


class CommitLineEdit(QLineEdit):
    """A line edit that reports its text once, when the user finished editing it."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self._finish)

    def _finish(self) -> None:
        if self.isModified():
            self.setModified(False)
            self.committed.emit(self.text())

    def load(self, text: str) -> None:
        """Show the model's value, unless the user is in the middle of changing this field."""
        if self.hasFocus() and self.isModified():
            return
        if self.text() != text:
            self.setText(text)
            self.setCursorPosition(0)
        self.setModified(False)


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text committed on focus-out (Enter adds a line, so it cannot end the edit)."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)
        self._loaded = ""

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()

    def commit(self) -> None:
        text = self.toPlainText()
        if text != self._loaded:
            self._loaded = text
            self.committed.emit(text)

    def load(self, text: str) -> None:
        if self.hasFocus() and self.toPlainText() != self._loaded:
            return
        self._loaded = text
        if self.toPlainText() != text:
            self.setPlainText(text)


class ChoiceCombo(QComboBox):
    """A combo of (label, value) pairs; `value()` / `set_value()` speak model values."""

    def set_choices(self, choices: Iterable[tuple[str, Any]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        for label, value in choices:
            self.addItem(label, value)
        self.set_value(current)
        self.blockSignals(False)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        for i in range(self.count()):
            if self.itemData(i) == value:
                self.blockSignals(True)
                self.setCurrentIndex(i)
                self.blockSignals(False)
                return


NEW_PERSON = str(QT_TRANSLATE_NOOP("InspectorWidgets", "New person…"))
_NEW = "\x00new-person"  # item data of the "New person…" entry (never a party id)

CreateParty = Callable[[str], str | None]


def team_label(name: str) -> str:
    """'Customer care (team)': teams are marked wherever people are listed."""
    return QCoreApplication.translate("InspectorWidgets", "{name} (team)").format(name=name)


class PartyCombo(ChoiceCombo):
    """Pick a person or team (or nobody); teams are marked so they are not mistaken for people.

    With a `create` callable, the last entry is "New person…": picking it asks for a name, lets
    the page create the person (one undo step) and selects them, so an owner can be added where
    it is picked. The page's own `activated` handler then commits the new value as usual.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._create: CreateParty | None = None
        self._before: Any = None
        self.activated.connect(self._maybe_create)  # connected first: runs before the page's

    def set_parties(
        self, parties: Sequence[Party], allow_none: bool = True, create: CreateParty | None = None
    ) -> None:
        choices: list[tuple[str, Any]] = (
            [(QCoreApplication.translate("InspectorWidgets", NOBODY), None)] if allow_none else []
        )
        for p in parties:
            label = team_label(p.name) if p.kind == "team" else p.name
            if p.role:
                label += f" — {p.role}"
            choices.append((label, p.id))
        self._create = create
        if create is not None:
            choices.append((QCoreApplication.translate("InspectorWidgets", NEW_PERSON), _NEW))
        self.set_choices(choices)
        self._before = self.value()

    def value(self) -> Any:
        data = self.currentData()
        return self._before if data == _NEW else data

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        if self.currentData() != _NEW:
            self._before = self.currentData()

    def _maybe_create(self, index: int) -> None:
        if self.itemData(index) != _NEW or self._create is None:
            self._before = self.value()
            return
        from cxmapper.ui.dialogs import messages

        name = messages.ask_text(
            self,
            QCoreApplication.translate("InspectorWidgets", NEW_PERSON).rstrip("…"),
            QCoreApplication.translate("InspectorWidgets", "Name of the new person:"),
        )
        party_id = self._create(name) if name else None
        if party_id is None:  # cancelled or refused: back to what was selected
            self.set_value(self._before)
            return
        self.blockSignals(True)
        self.insertItem(self.count() - 1, name or "", party_id)
        self.setCurrentIndex(self.count() - 2)
        self.blockSignals(False)
        self._before = party_id


def plain_choices(values: Iterable[str]) -> list[tuple[str, str]]:
    return [(v or "—", v) for v in values]


def form() -> QFormLayout:
    layout = QFormLayout()
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setLabelAlignment(layout.labelAlignment())
    layout.setContentsMargins(8, 8, 8, 8)
    layout.setVerticalSpacing(6)
    return layout


def hint(text: str) -> QLabel:
    """A muted explanatory line under a group of fields."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid);")
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def split_list(text: str, separators: str = ",\n") -> list[str]:
    """Tags or patterns typed by a person: trimmed, blank-free, first occurrence kept."""
    for sep in separators[1:]:
        text = text.replace(sep, separators[0])
    return list(dict.fromkeys(p.strip() for p in text.split(separators[0]) if p.strip()))
