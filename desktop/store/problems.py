"""Why a database could not be opened, in words a person can act on."""

from __future__ import annotations

import enum
from pathlib import Path

from desktop.texts import QT_TRANSLATE_NOOP, translate


class ProblemKind(enum.Enum):
    NOT_A_DATABASE = "not-a-database"
    DAMAGED = "damaged"
    TOO_NEW = "too-new"
    UNREADABLE = "unreadable"
    NOT_UPDATED = "not-updated"
    WRONG_KEY = "wrong-key"


_WHAT_HAPPENED = {
    ProblemKind.NOT_A_DATABASE: QT_TRANSLATE_NOOP(
        "Store", "The file Glimmers keeps your data in is not a Glimmers database."
    ),
    ProblemKind.DAMAGED: QT_TRANSLATE_NOOP(
        "Store", "The file Glimmers keeps your data in looks damaged."
    ),
    ProblemKind.TOO_NEW: QT_TRANSLATE_NOOP(
        "Store",
        "Your data was saved by a newer version of Glimmers than this one, "
        "so this version cannot read it safely.",
    ),
    ProblemKind.UNREADABLE: QT_TRANSLATE_NOOP(
        "Store", "Glimmers could not read the file it keeps your data in."
    ),
    ProblemKind.WRONG_KEY: QT_TRANSLATE_NOOP(
        "Store", "Your protected journal did not open with this key."
    ),
    ProblemKind.NOT_UPDATED: QT_TRANSLATE_NOOP(
        "Store",
        "Glimmers could not update the way your data is stored, so it left it as it was.",
    ),
}


class StoreProblem(Exception):
    """Raised instead of opening a database we must not write to. The file is left untouched."""

    def __init__(self, kind: ProblemKind, path: Path, detail: str = "") -> None:
        self.kind = kind
        self.path = path
        self.detail = detail
        super().__init__(f"{kind.value}: {path}: {detail}")

    @property
    def what_happened(self) -> str:
        return translate("Store", _WHAT_HAPPENED[self.kind])

    def explanation(self) -> str:
        """What happened, where the file is, and what the person can do; nothing was changed."""
        lines = [
            self.what_happened,
            "",
            translate("Store", "The file is here: {file}").format(file=self.path),
            translate("Store", "Nothing in it has been changed."),
        ]
        if self.detail:
            lines += ["", translate("Store", "Details: {detail}").format(detail=self.detail)]
        lines += [
            "",
            translate(
                "Store", "You can open another data folder, or quit and keep the file as it is."
            ),
        ]
        if self.kind is ProblemKind.TOO_NEW:
            lines.append(
                translate("Store", "Installing the newer version of Glimmers will open it again.")
            )
        return "\n".join(lines)
