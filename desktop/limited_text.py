"""Text fields that hold exactly what the store keeps, for every page that has them: an edit
that would go over a field's limit (``desktop/store/limits.py``) is refused whole and reported,
never cut to fit.

Qt's own QLineEdit cuts typed and pasted text at ``maxLength()`` (32,767 by default) without a
word; these fields lift that cap and refuse instead, so the editor can tell the person.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop.texts import translate

QT_LONGEST = 2**31 - 1  # QLineEdit's largest maxLength: in effect no cap of Qt's own


class LengthLimit(QValidator):
    """Accepts a line of up to ``limit`` characters; refuses any edit that would make it longer
    (typing, pasting, dropping) and emits ``refused`` with the length it would have had."""

    refused = Signal(int)

    def __init__(self, limit: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit = limit

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if len(text) <= self.limit:
            return (QValidator.State.Acceptable, text, pos)
        self.refused.emit(len(text))
        return (QValidator.State.Invalid, text, pos)


def limit_line(edit: QLineEdit, limit: int) -> LengthLimit:
    """Give ``edit`` the store's limit instead of Qt's silent one; returns the validator, whose
    ``refused`` signal says when an edit was turned away."""
    edit.setMaxLength(QT_LONGEST)
    validator = LengthLimit(limit, edit)
    edit.setValidator(validator)
    return validator


def refused_message(field: str, limit: int, length: int) -> str:
    """What a person is told when an edit was turned away."""
    return translate(
        "Fields",
        "That would make \u201c{field}\u201d {length} characters long, and it holds up to "
        "{limit}, so it was not added. A shorter part will fit.",
    ).format(field=field, length=f"{length:,}", limit=f"{limit:,}")


def limit_and_tell(
    edit: QLineEdit, field: str, limit: int, tell: Callable[[str], None]
) -> LengthLimit:
    """``limit_line``, with ``tell`` given the message whenever an edit is turned away."""
    validator = limit_line(edit, limit)
    validator.refused.connect(lambda length: tell(refused_message(field, limit, length)))
    return validator


class LimitedPlainTextEdit(QPlainTextEdit):
    """A text area that refuses a paste or drop taking it over ``limit`` characters (emitting
    ``refused``); what is typed is never cut: ``over_limit`` tells the owner to say so."""

    refused = Signal(int)  # the length the paste would have made
    over_limit = Signal(bool)  # True when the text became longer than the limit, False when not

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self._over = False
        self.textChanged.connect(self._check_length)

    def length(self) -> int:
        """Characters in the text, counted as the store counts them (Qt's own count differs
        for emoji, which take two of its units)."""
        return len(self.toPlainText())

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            cursor = self.textCursor()
            selected = cursor.selectionEnd() - cursor.selectionStart()
            length = self.length() - selected + len(source.text())
            if length > self.limit:
                self.refused.emit(length)
                return
        super().insertFromMimeData(source)

    def _check_length(self) -> None:
        over = self.length() > self.limit
        if over != self._over:
            self._over = over
            self.over_limit.emit(over)
