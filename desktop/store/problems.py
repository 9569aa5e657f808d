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
    FOREIGN = "foreign"  # a sound SQLite file, but another program's
    MISSING = "missing"  # no journal at all where one was expected
    NOT_CREATED = "not-created"  # a new journal could not be made
    NO_LOCK = "no-lock"  # the lock file that keeps a second Glimmers out cannot be used


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
    ProblemKind.FOREIGN: QT_TRANSLATE_NOOP(
        "Store",
        "The file where Glimmers keeps your journal belongs to another program: it is a "
        "database, but not a Glimmers journal.",
    ),
    ProblemKind.MISSING: QT_TRANSLATE_NOOP("Store", "There is no Glimmers journal here."),
    ProblemKind.NOT_CREATED: QT_TRANSLATE_NOOP(
        "Store", "Glimmers could not make a new journal in this folder."
    ),
    ProblemKind.NO_LOCK: QT_TRANSLATE_NOOP(
        "Store",
        "Glimmers could not mark this journal as in use, so it did not open it: without "
        "that mark, a second Glimmers could change it at the same time.",
    ),
}


def _file_in_the_way(folder: Path) -> Path | None:
    """The file standing where ``folder``, or one of the folders above it, should be."""
    for place in (folder, *folder.parents):
        try:
            if place.exists():
                return None if place.is_dir() else place
        except OSError:
            return None
    return None


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
        if self.kind in (ProblemKind.MISSING, ProblemKind.NOT_CREATED):
            return self._explain_absent()
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
        if self.kind is ProblemKind.NO_LOCK:
            lines.append(
                translate(
                    "Store",
                    "If that is a folder, or a file you cannot change, move it elsewhere and "
                    "Glimmers will make a new one.",
                )
            )
        if self.kind is ProblemKind.FOREIGN:
            lines.append(
                translate(
                    "Store",
                    "If you chose this folder for Glimmers, move that file elsewhere and "
                    "Glimmers will start a new journal here.",
                )
            )
        return "\n".join(lines)

    def _explain_absent(self) -> str:
        lines = [
            self.what_happened,
            "",
            translate("Store", "Glimmers looked for it here: {file}").format(file=self.path),
        ]
        in_the_way = _file_in_the_way(self.path.parent)
        if in_the_way is not None:
            return "\n".join(
                [
                    *lines,
                    "",
                    translate(
                        "Store",
                        "{file} is a file, not a folder. Glimmers keeps a journal in a folder: "
                        "name a folder, or a new one, and Glimmers will start a journal there. "
                        "The file has not been changed.",
                    ).format(file=in_the_way),
                ]
            )
        if self.detail:
            lines += ["", translate("Store", "Details: {detail}").format(detail=self.detail)]
        if self.kind is ProblemKind.MISSING:
            lines += [
                "",
                translate(
                    "Store",
                    "Check the folder's name. Opening Glimmers, or importing an export, "
                    "starts a journal there.",
                ),
            ]
        return "\n".join(lines)
