"""How much one record may hold, declared once. Pure: no Qt, no database.

The store's save functions, the importer and the editors all use these numbers, so a value the
editor lets a person type is one the store keeps and an export of it imports again. Anything
over a limit is refused with a message naming the field; nothing is ever cut to fit.

The sizes are generous for a person writing and small enough that the editor opens any record
at once (a 50 MB field once froze the window for half a minute). Lengths count characters
(Python's ``len``), the same count a Qt text field works with for text without emoji.
"""

from __future__ import annotations

from desktop.texts import translate

UID = 100  # a record's stable id, as it travels in an export

# Backups: how many daily copies are kept unless the person chooses otherwise (declared here,
# not in backups.py, so the settings can name it without loading the backup code at start-up).
DEFAULT_KEEP = 14

# Journal entries.
LINE = 10_000  # one line of noticing: each sense field, each impression
TEXT = 200_000  # an entry's free text: about 35,000 words, and still opens at once
IMPRESSIONS = 3  # notes in a "three impressions" entry
TAG = 40
TAGS = 50
FEELING_WORD = 60  # a feeling word, or a word for how a place in the body feels
FEELINGS = 100  # feeling words on one record
SKETCH_POINTS = 200_000  # points in one sketch, all strokes together
SKETCH_CHARS = 4_000_000  # the stored sketch (its JSON)
PICTURE_BYTES = 64 * 1024 * 1024  # one picture kept with an entry (a photo from Day One)
MEDIA_TYPE = 100  # a picture's media type ("image/jpeg")

# Listening.
NOTE = 10_000  # a check-in's note
MARKS = 50  # places on the body in one check-in
QUALITIES = 30  # words for one place
REGION = 60  # a body region's name
TRACK_TEXT = 2_000  # a track's title, artist or album (read from the file's tags)
PATH = 4_096  # a music file's path

# Breathing.
NAME = 60  # the name of a pattern of your own
PHASE_SECONDS = 60.0  # the longest phase of a pattern
SESSION_NAME = 200  # the pattern's name as a session keeps it (a translated preset's name)
SESSION_SECONDS = 24 * 60 * 60.0  # the longest session
SESSION_CYCLES = 100_000

# Glimmers, the daily rhythm, invitations and the comfortable pace.
GLIMMER = 200  # a glimmer is a few words; a longer note belongs in the journal
KEY = 40  # an anchor's or an invitation's key
ANCHOR_NAME = 60  # an anchor's name, as an answer keeps it
ANCHOR_PLAN = 20_000  # the person's anchors, all of them as JSON (eight of a few hundred each)
INVITATION_TITLE = 200  # an invitation's title as it was shown (translated)
INVITATION_MINUTES = 120.0  # the longest an invitation's timer runs
PACE_STEPS = 20  # paces tried in one finding

# Practices together (kept words only where everyone chose to keep them).
TOGETHER_WORD = 2_000  # any one kept text: a name, one word, a prompt, a few words of a circle
TOGETHER_VALUES = 50  # values in one kept list (names, words, prompts)
TOGETHER_ROUNDS = 100
TOGETHER_SECONDS = 24 * 60 * 60.0

# The "too much" page.
CONTACT_NAME = 200
CONTACT_REACH = 2_000


def too_long(field: str, length: int, limit: int) -> str:
    """The message for a text over its limit: what, how long it may be, how long it is."""
    return translate(
        "Store",
        "\u201c{field}\u201d can hold up to {limit} characters, and this has {length}.",
    ).format(field=field, limit=f"{limit:,}", length=f"{length:,}")


def check_length(field: str, text: str, limit: int) -> None:
    """Raise ValueError with ``too_long``'s message when ``text`` is over ``limit``."""
    if len(text) > limit:
        raise ValueError(too_long(field, len(text), limit))


def too_many(field: str, count: int, limit: int) -> str:
    return translate(
        "Store", "\u201c{field}\u201d can hold up to {limit}, and this has {count}."
    ).format(field=field, limit=f"{limit:,}", count=f"{count:,}")


def check_count(field: str, count: int, limit: int) -> None:
    if count > limit:
        raise ValueError(too_many(field, count, limit))
