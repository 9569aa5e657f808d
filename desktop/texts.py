"""The one door every text a person reads goes through, so a translation can replace it.

Modules call ``translate("Context", "Source text")``; ``pyside6-lupdate`` finds those calls and
``QT_TRANSLATE_NOOP`` marks in tables. This module imports no Qt so the store and the command
line can use it too: the application hands it ``QCoreApplication.translate`` when it starts.
Until then texts come back as written, with ``%n`` filled in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]


def fill_count(text: str, n: int) -> str:
    """``%n`` replaced by the count, as Qt does for a text with no translation."""
    return text.replace("%n", str(n)) if n >= 0 else text


def _as_written(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return fill_count(text, n)


_backend: Translator = _as_written


def use(backend: Translator | None) -> None:
    """Send every later translate() call to ``backend`` (None: back to the source texts)."""
    global _backend
    _backend = backend if backend is not None else _as_written


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the person's language; ``%n`` becomes ``n`` with the right plural form,
    its thousands grouped.

    Counted source texts are English with the counted word's endings marked: "breath(s)",
    "entr(y|ies)". A translation gives every plural form of its own language; where there is
    none, the English forms are made here ("1 breath left", "3 entries").
    """
    result = _backend(context, text, disambiguation, n)
    if n >= 1000:  # "50,000 entries", as every other number the app shows is written
        result = re.sub(rf"(?<!\d){n}(?!\d)", f"{n:,}", result, count=1)
    if n >= 0 and "(" in result:
        result = _ENDINGS.sub(lambda m: m[1] if n == 1 else m[2], result.replace("(s)", "(|s)"))
    return result


_ENDINGS = re.compile(r"\((\w*)\|(\w*)\)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation where it is defined; translate() it where it is shown."""
    return text
