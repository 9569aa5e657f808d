"""Every setting the app keeps, declared once: its key, type, default and allowed values. Pure.

Whoever needs settings gets a ``Settings`` through its constructor and reads and writes only
through these declarations, so a value is converted and checked in one place. A stored value
that is missing, of the wrong kind or not a number gives the default; a number outside its
range gives the nearest end of it. Nothing a hand-edited settings file holds can stop the app.

The file itself is QSettings' INI file (desktop/shell/settings_file.py); tests may keep their
settings in a dict.
"""

from __future__ import annotations

import math
from typing import Generic, Literal, NamedTuple, Protocol, TypeVar, get_args

from desktop.store.limits import DEFAULT_KEEP

T = TypeVar("T")
C = TypeVar("C", bound=str)

# The words some settings choose between: their types, declared here with the settings.
ThemeChoice = Literal["system", "light", "dark"]
PacerLook = Literal["shape", "ring", "glow", "text"]  # how the pacer shows the breath
LengthUnit = Literal["minutes", "breaths"]
OverTimePicture = Literal["days", "body", "words", "helps"]  # the pictures of Over time
CalendarSpan = Literal["month", "year"]  # how much the calendar of days shows at once


class Backend(Protocol):
    """Where the values live: QSettings, or a dict in tests."""

    def value(self, key: str, /) -> object: ...
    def setValue(self, key: str, value: object, /) -> None: ...
    def sync(self) -> bool: ...  # whether everything set is in the file now


class Setting(Protocol[T]):
    """A declaration: ``parse`` gives a stored value as T, or None when it is not one."""

    @property
    def key(self) -> str: ...
    @property
    def default(self) -> T: ...
    def parse(self, raw: object) -> T | None: ...
    def dump(self, value: T) -> object: ...


def _as_number(raw: object) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        number = float(raw)
    elif isinstance(raw, str):
        try:
            number = float(raw)
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


# The declarations are named tuples rather than frozen dataclasses: as immutable, and made in a
# fraction of the time (a dataclass writes and compiles its methods when declared, and these
# are declared before the window's first paint).


class Flag(NamedTuple):
    key: str
    default: bool

    def parse(self, raw: object) -> bool | None:
        if isinstance(raw, bool):
            return raw
        return {"true": True, "false": False}.get(raw) if isinstance(raw, str) else None

    def dump(self, value: bool) -> object:
        return "true" if value else "false"


class Whole(NamedTuple):
    key: str
    default: int
    low: int
    high: int

    def parse(self, raw: object) -> int | None:
        number = _as_number(raw)
        return None if number is None else max(self.low, min(self.high, round(number)))

    def dump(self, value: int) -> object:
        return value


class Number(NamedTuple):
    key: str
    default: float
    low: float
    high: float

    def parse(self, raw: object) -> float | None:
        number = _as_number(raw)
        return None if number is None else max(self.low, min(self.high, number))

    def dump(self, value: float) -> object:
        return value


class Choice(NamedTuple, Generic[C]):
    key: str
    default: C
    choices: tuple[C, ...]

    def parse(self, raw: object) -> C | None:
        return next((choice for choice in self.choices if choice == raw), None)

    def dump(self, value: C) -> object:
        return value


class Text(NamedTuple):
    key: str
    default: str = ""

    def parse(self, raw: object) -> str | None:
        return raw if isinstance(raw, str) else None

    def dump(self, value: str) -> object:
        return value


class Bytes(NamedTuple):
    key: str
    default: bytes = b""

    def parse(self, raw: object) -> bytes | None:
        if isinstance(raw, str):
            return None
        try:
            return memoryview(raw).tobytes()  # type: ignore[arg-type]  # bytes or a QByteArray
        except TypeError:
            return None

    def dump(self, value: bytes) -> object:
        return value


class Settings:
    """Reads and writes the person's settings through their declarations."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default where there is none that can be used."""
        found = self.stored(setting)
        return setting.default if found is None else found

    def stored(self, setting: Setting[T]) -> T | None:
        """The stored value, or None where nothing usable was stored."""
        raw = self._backend.value(setting.key)
        return None if raw is None else setting.parse(raw)

    def set(self, setting: Setting[T], value: T) -> None:
        self._backend.setValue(setting.key, setting.dump(value))

    def sync(self) -> bool:
        """Write what changed to the file now (it is written at shut-down anyway); False when
        the file could not be written, so what was set lasts only until Glimmers closes."""
        return self._backend.sync()


class MemoryBackend:
    """Settings kept in a dict: for tests, and for runs that must leave no file."""

    def __init__(self, values: dict[str, object] | None = None, writable: bool = True) -> None:
        self.values = dict(values or {})
        self.writable = writable  # False: as a settings file that cannot be written

    def value(self, key: str, /) -> object:
        return self.values.get(key)

    def setValue(self, key: str, value: object, /) -> None:
        self.values[key] = value

    def sync(self) -> bool:
        return self.writable


# -- the declarations -------------------------------------------------------------------------

WINDOW_GEOMETRY = Bytes("window/geometry")  # as QWidget.saveGeometry() gives it
WINDOW_PAGE = Text("window/page")  # the key of the tab shown last

THEME = Choice[ThemeChoice]("appearance/theme", "system", get_args(ThemeChoice))
SYSTEM_WAS_DARK = Flag("appearance/system_dark", False)  # the system's scheme, last time

PROTECTION_OFFERED = Flag("security/offered", False)
LOCK_MINUTES = Whole("security/lock_minutes", 10, 0, 240)  # 0: never lock by itself

BACKUPS_KEEP = Whole("backups/keep", DEFAULT_KEEP, 1, 365)

BREATHE_PATTERN = Text("breathe/pattern", "resonance")  # a preset's key, or one of your own
BREATHE_RATE = Number("breathe/rate", 6.0, 4.5, 7.0)  # breaths a minute of the resonance pattern
BREATHE_GRADUAL = Flag("breathe/gradual", False)  # lengthen the out-breath slowly
BREATHE_LENGTH = Whole("breathe/length", 5, 1, 60)
BREATHE_UNIT = Choice[LengthUnit]("breathe/unit", "minutes", get_args(LengthUnit))
BREATHE_CHECKIN = Flag("breathe/checkin", True)
BREATHE_CUES = Flag("breathe/cues", False)
BREATHE_TONES = Flag("breathe/tones", False)
BREATHE_VOLUME = Whole("breathe/volume", 50, 0, 100)  # of the tones, in percent
BREATHE_ANNOUNCE = Flag("breathe/announce", False)  # to a screen reader
PACER_LOOK = Choice[PacerLook]("breathe/style", "shape", get_args(PacerLook))

PAUSE_FOR_CHECKIN = Flag("listen/pause_for_checkin", False)

# The daily rhythm (desktop/rhythm/settings.py reads these for the Today tab and reminders).
RHYTHM_ANCHORS = Text("rhythm/anchors")  # where the anchors were kept before the journal held them
RHYTHM_REMINDERS = Flag("rhythm/reminders", False)  # off unless the person turns them on
RHYTHM_REMINDED = Text("rhythm/reminded")  # "2026-11-28 move eat": the reminders shown today
RHYTHM_REMEMBERED = Text("rhythm/remembered")  # "2026-11-28 <uid>": the glimmer offered again

# Together: the last choices, never a name or a word (those are kept only where everyone says so).
# Seconds are offered as 60, 90 or 120 (a circle's turn: 60, 120, 180); the page takes the nearest.
TOGETHER_PAIR_ROUNDS = Whole("together/pair_rounds", 2, 1, 3)  # turns each
TOGETHER_PAIR_SPEAK = Whole("together/pair_speak", 90, 60, 120)  # seconds to speak
TOGETHER_CIRCLE_PEOPLE = Whole("together/circle_people", 4, 3, 8)
TOGETHER_CIRCLE_TURN = Whole("together/circle_turn", 120, 60, 180)  # seconds
TOGETHER_CIRCLE_ROUNDS = Whole("together/circle_rounds", 2, 1, 4)
TOGETHER_TOUCH_MINUTES = Whole("together/touch_minutes", 2, 1, 3)

# Over time: the picture last looked at, and a month or a year of days.
OVER_TIME_PICTURE = Choice[OverTimePicture]("over_time/picture", "days", get_args(OverTimePicture))
OVER_TIME_CALENDAR = Choice[CalendarSpan]("over_time/calendar", "month", get_args(CalendarSpan))
