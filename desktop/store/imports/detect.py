"""Which app made a file, from its first bytes, and the reader for it. Pure."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path, PurePosixPath

from desktop.store.exchange import FORMAT_NAME
from desktop.store.imports import daylio, dayone, jrnl
from desktop.store.imports.records import (
    ImportProblem,
    Reader,
    check_source,
    not_utf8,
    problem,
)
from desktop.texts import translate

FORMATS = ("jrnl", "dayone", "daylio", "glimmers")
FORMAT_NAMES = {"jrnl": "jrnl", "dayone": "Day One", "daylio": "Daylio", "glimmers": "Glimmers"}
HEAD_BYTES = 64 * 1024

_GLIMMERS = re.compile(r'"format"\s*:\s*"' + re.escape(FORMAT_NAME) + '"')
_DAYONE = re.compile(r'"(creationDate|metadata)"\s*:')
_ENTRIES = re.compile(r'"entries"\s*:')
_JRNL_LINE = re.compile(r"^\[\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?\s*([AaPp][Mm])?\]")


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(HEAD_BYTES)
    except OSError as e:
        raise problem(
            translate("Imports", "Glimmers could not read {file}: {reason}."),
            file=path.name,
            reason=e.strerror or e,
        ) from None


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [PurePosixPath(n) for n in archive.namelist()]
    except (zipfile.BadZipFile, OSError):
        return None
    if any(n.name == daylio.BACKUP_MEMBER for n in names):
        return "daylio"
    if any(n.suffix.lower() == ".json" for n in names):
        return "dayone"
    return None


def _text_kind(head: bytes) -> str | None:
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    if text.startswith("{"):
        if _GLIMMERS.search(text):
            return "glimmers"
        if _DAYONE.search(text):
            return "dayone"
        if _ENTRIES.search(text):
            return "jrnl"
        return None
    first = text.split("\n", 1)[0].strip().lower()
    columns = tuple(c.strip() for c in first.split(","))
    if columns in (daylio.NEW_COLUMNS, daylio.OLD_COLUMNS):
        return "daylio"
    if _JRNL_LINE.match(text):
        return "jrnl"
    return None


def detect(path: Path) -> str:
    """The format of the file at ``path`` (one of FORMATS), or ImportProblem saying why not."""
    check_source(path)
    head = _head(path)
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
    else:
        kind = _text_kind(head)
        if kind is None and head.lstrip().startswith(b"gAAAAA"):
            raise problem(
                translate(
                    "Imports",
                    "This looks like a jrnl journal protected by a password. In jrnl, export it "
                    "with \u201cjrnl --format json\u201d and import that file.",
                )
            )
    if kind is None and len(head) < HEAD_BYTES and head.lstrip()[:1] in (b"{", b"["):
        try:
            json.loads(head.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise not_utf8(path.name) from None
        except json.JSONDecodeError as e:
            raise problem(
                translate(
                    "Imports",
                    "This file is not valid JSON (at line {line}, column {column}: {reason}), so "
                    "it is not an export Glimmers can read.",
                ),
                line=e.lineno,
                column=e.colno,
                reason=e.msg,
            ) from None
        except ValueError:  # valid JSON Python will not read (a number of 5,000 digits)
            pass
    if kind is None:
        raise problem(
            translate(
                "Imports",
                "Glimmers cannot tell which app made this file. It reads exports from jrnl, "
                "Day One and Daylio, and its own JSON export. If you know which app made it, "
                "say so (on the command line: --from jrnl, dayone, daylio or glimmers).",
            )
        )
    return kind


def reader_for(path: Path, fmt: str) -> Reader:
    """The reader for a file said (or found) to be in ``fmt`` (not "glimmers": our own export
    holds every kind of record and is read by the exchange): each app has more than one kind
    of file, told apart by their first bytes."""
    if fmt not in FORMATS:
        raise ImportProblem(
            translate("Imports", "Glimmers does not know the format \u201c{name}\u201d.").format(
                name=fmt
            )
        )
    head = _head(path)
    is_zip = head.startswith(b"PK\x03\x04")
    is_json = head.decode("utf-8-sig", errors="replace").lstrip().startswith("{")
    if fmt == "glimmers":
        raise ValueError("Glimmers' own export is read whole by the exchange, not streamed")
    if fmt == "jrnl":
        return jrnl.read_json if is_json else jrnl.read_text
    if fmt == "dayone":
        return dayone.read_zip if is_zip else dayone.read_json
    return daylio.read_backup if is_zip else daylio.read_csv
