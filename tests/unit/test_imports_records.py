"""The helpers every reader shares: ids, text clean-up, zones."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from desktop.store.imports.records import ContentIds, html_to_text, source_uid, tidy, zone_named


def _tidy_slowly(text: str) -> str:
    lines = [line.rstrip(" \t\r") for line in text.split("\n")]
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", "\n".join(lines)).strip()


@given(st.text(alphabet=" \t\r\n\u00a0\u2003ab", max_size=30))
def test_tidy_takes_its_short_cut_only_when_nothing_would_change(text: str) -> None:
    assert tidy(text) == _tidy_slowly(text)


@given(st.text(max_size=60))
def test_html_to_text_never_fails_and_keeps_plain_text(text: str) -> None:
    plain = html_to_text(text)
    if "<" not in text and "&" not in text:
        assert plain == text


def test_ids_are_stable_and_tell_repeats_apart() -> None:
    first, again = ContentIds("jrnl"), ContentIds("jrnl")
    a = [first.uid("2019-03-01 07:45", "text"), first.uid("2019-03-01 07:45", "text")]
    b = [again.uid("2019-03-01 07:45", "text"), again.uid("2019-03-01 07:45", "text")]
    assert a == b and a[0] != a[1]
    assert ContentIds("daylio").uid("2019-03-01 07:45", "text") != a[0]
    assert first.uid("a", "bc") != first.uid("ab", "c")
    assert source_uid("dayone", "X") == source_uid("dayone", "X") != source_uid("jrnl", "X")
    assert len(a[0]) == 32 and all(c in "0123456789abcdef" for c in a[0])


def test_zone_names() -> None:
    fallback = dt.timezone.utc
    assert str(zone_named("Europe/Vienna", fallback)) == "Europe/Vienna"
    for odd in ("Mars/Olympus", "", None, 5, "../../etc/passwd", "GMT+0100 (CET)"):
        assert zone_named(odd, fallback) is fallback
