"""jrnl's JSON export and journal file, read into entries: titles joined back, tags without
their symbol, starred entries tagged, times in the right zone, and clear refusals."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import re
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store.imports import ImportProblem, ReadOptions
from desktop.store.imports.jrnl import (
    check_tag_symbols,
    find_tags,
    join_title,
    read_json,
    read_text,
)
from desktop.store.imports.records import Findings, Imported, Progress
from tests.helpers import TEST_NOON
from tests.import_samples import JRNL_ENTRIES, jrnl_json, jrnl_text

BERLIN = ZoneInfo("Europe/Berlin")
OPTIONS = ReadOptions(now=TEST_NOON, zone=BERLIN)


def _read(reader, path: Path, options: ReadOptions = OPTIONS) -> tuple[list[Imported], Findings]:  # type: ignore[no-untyped-def]
    findings = Findings()
    return list(reader(path, options, findings, Progress())), findings


def test_json_export_every_field(tmp_path: Path) -> None:
    records, findings = _read(read_json, jrnl_json(tmp_path / "jrnl.json"))
    entries = [r.entry for r in records]
    assert len(entries) == 4  # the empty one is left out
    assert findings.empty == 1 and findings.starred == 1
    river, kettle, unicode, evening = entries
    # A finished first sentence is followed by a space; a title on its own line by a new line.
    assert river.body == (
        "Walked down to the river. The water was loud after the rain. Met @anna on the bridge."
    )
    assert kettle.body == (
        "Kettle\nSteam on the window, a warm mug in both hands.\n\nSecond paragraph."
    )
    assert river.tags == ("anna",)  # without jrnl's @
    assert kettle.tags == ("starred",)
    assert unicode.tags == ("café",)
    assert unicode.body.startswith("Ünïcödé — 日本語のテキスト 🌿")
    assert evening.tags == ("home",)
    assert [e.day for e in entries] == ["2019-03-01", "2020-02-29", "2021-03-28", "2024-12-31"]
    # Local times in the zone given; the leap day's 23:59 stays on the 29th.
    assert river.created_at == "2019-03-01T06:45:00.000+00:00"
    assert kettle.created_at == "2020-02-29T22:59:00.000+00:00"
    assert evening.created_at == "2024-12-31T17:05:00.000+00:00"
    # 02:30 on the night the clocks go forward does not exist there; it is still kept.
    assert unicode.created_at.startswith("2021-03-28T0")


def test_the_text_file_gives_the_same_entries_and_the_same_ids(tmp_path: Path) -> None:
    from_json, _ = _read(read_json, jrnl_json(tmp_path / "jrnl.json"))
    from_text, findings = _read(read_text, jrnl_text(tmp_path / "journal.txt"))
    assert findings.starred == 1 and findings.empty == 1
    pairs = list(zip(from_json, from_text, strict=True))
    for a, b in pairs:
        assert (a.entry.body, a.entry.day, a.entry.created_at) == (
            b.entry.body,
            b.entry.day,
            b.entry.created_at,
        )
        assert set(a.entry.tags) == set(b.entry.tags)
    # Entries with no id of their own get the same id from either file; one with a uuid keeps it.
    assert [a.entry.uid == b.entry.uid for a, b in pairs] == [True, True, True, False]


def test_ids_are_stable_and_identical_entries_are_each_kept(tmp_path: Path) -> None:
    twice = [JRNL_ENTRIES[0], JRNL_ENTRIES[0], JRNL_ENTRIES[1]]
    first, _ = _read(read_json, jrnl_json(tmp_path / "a.json", twice))
    again, _ = _read(read_json, jrnl_json(tmp_path / "b.json", twice))
    uids = [r.entry.uid for r in first]
    assert uids == [r.entry.uid for r in again]
    assert len(set(uids)) == 3


def test_a_custom_starred_tag_and_another_tag_symbol(tmp_path: Path) -> None:
    entries = [
        {"title": "Hash tags.", "body": "#work", "date": "2022-05-05", "time": "9:05 PM",
         "tags": ["#work"], "starred": True},
    ]  # fmt: skip
    options = ReadOptions(now=TEST_NOON, zone=BERLIN, starred_tag="kept close")
    records, _ = _read(read_json, jrnl_json(tmp_path / "j.json", entries), options)
    assert records[0].entry.tags == ("work", "kept close")
    assert records[0].entry.created_at == "2022-05-05T19:05:00.000+00:00"


def test_times_without_a_zone_use_this_computers_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        records, _ = _read(
            read_json, jrnl_json(tmp_path / "j.json"), ReadOptions(now=TEST_NOON, zone=None)
        )
    finally:
        monkeypatch.undo()
        time.tzset()
    river, kettle = records[0].entry, records[1].entry
    assert river.created_at == "2019-03-01T12:45:00.000+00:00"  # EST, UTC-5
    assert kettle.day == "2020-02-29" and kettle.created_at == "2020-03-01T04:59:00.000+00:00"
    assert records[3].entry.created_at == "2024-12-31T23:05:00.000+00:00"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date": "2019-02-30"}, "Entry 2: 2019-02-30 07:45 is not a real date and time."),
        ({"date": "1 March 2019"}, "Entry 2: \u201cdate\u201d should be a date such as"),
        ({"time": "7.45"}, "Entry 2: \u201ctime\u201d should be a time such as 09:30"),
        ({"title": 5}, "Entry 2: \u201ctitle\u201d should be text."),
        ({"tags": "@walk"}, "Entry 2: \u201ctags\u201d should be a list of words."),
        ({"tags": ["@" + "x" * 60]}, "Entry 2: Keep each tag under 40 characters."),
        ({"date": "2031-01-01"}, "Entry 2 is dated 2031-01-01, which has not come yet."),
    ],
)
def test_a_wrong_entry_is_named(tmp_path: Path, change: dict[str, object], message: str) -> None:
    entries = [JRNL_ENTRIES[0], {**JRNL_ENTRIES[0], **change}]
    with pytest.raises(ImportProblem) as caught:
        _read(read_json, jrnl_json(tmp_path / "j.json", entries))
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"tags": {}, "entries": [{"date": "2020-01-01", "time": "10:00", "title": "a"}, {"ti',
            "stops being valid JSON at line 1, column 82",
        ),
        ('{"tags": {}}', "no list of entries"),
        ('{"entries": {"a": 1}}', "\u201centries\u201d is not a list"),
        ('{"entries": [[1]]}', "Entry 1 is not an entry."),
    ],
)
def test_a_wrong_file_is_refused_with_a_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "j.json"
    path.write_text(text)
    with pytest.raises(ImportProblem, match=message):
        _read(read_json, path)


def test_an_empty_export_has_no_entries(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    path.write_text('{"tags": {}, "entries": []}')
    assert _read(read_json, path)[0] == []


def test_text_file_details(tmp_path: Path) -> None:
    path = tmp_path / "journal.txt"
    path.write_text(
        "\ufeff[2019-03-01 07:45:30] Morning. @walk @walk and mail@example.com\r\n"
        "line two\r\n\r\n\r\nafter a gap\r\n\r\n"
        "[2019-03-02 10:00 PM]    *\r\n"
        "[2019-03-03 12:05 am] Late\r\n",
        encoding="utf-8",
    )
    records, findings = _read(read_text, path)
    first, starred, late = (r.entry for r in records)
    assert first.body == "Morning. @walk @walk and mail@example.com\nline two\n\n\nafter a gap"
    assert first.tags == ("walk",)
    assert first.created_at == "2019-03-01T06:45:30.000+00:00"
    assert starred.tags == ("starred",) and starred.body == ""
    assert starred.created_at == "2019-03-02T21:00:00.000+00:00"
    assert late.created_at == "2019-03-02T23:05:00.000+00:00"
    assert findings.starred == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Dear diary\n[2019-03-01 07:45] x\n", "Line 1 should start an entry with its date"),
        (b"[2019-03-01 07:45] ok\n\n[2019-13-01 07:45] no\n", "The entry on line 3: 2019-13-01"),
        (b"[2019-03-01 07:45] ok\n\xff\n", "is not UTF-8 text"),
    ],
)
def test_a_wrong_journal_file_is_refused_with_a_line(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "journal.txt"
    path.write_bytes(data)
    with pytest.raises(ImportProblem, match=message):
        _read(read_text, path)


def test_join_title_and_find_tags() -> None:
    assert join_title("Done!", "more") == "Done! more"
    assert join_title('He said "stop."', "So I did.") == 'He said "stop." So I did.'
    assert join_title("No stop", "next line") == "No stop\nnext line"
    assert join_title("", "only body") == "only body"
    assert find_tags("@a, (@b) x@c @@d @-e @é") == ["a", "b", "é"]


def test_the_text_files_own_tag_symbols(tmp_path: Path) -> None:
    """jrnl's "tagsymbols" setting: a journal written with ``#`` and ``@`` for tags."""
    entries = [
        {**JRNL_ENTRIES[0], "body": "Met @anna by the #river, 100% calm, a#b #7 ##x."},
        {**JRNL_ENTRIES[1], "body": "Only #home tonight."},
    ]
    path = jrnl_text(tmp_path / "journal.txt", entries)
    by_default, _ = _read(read_text, path)
    assert [r.entry.tags for r in by_default] == [("anna",), ("starred",)]
    both, _ = _read(read_text, path, dataclasses.replace(OPTIONS, tag_symbols="@#"))
    assert [r.entry.tags for r in both] == [("anna", "river", "7"), ("home", "starred")]
    assert [r.entry.body for r in both] == [r.entry.body for r in by_default]  # text as written
    assert [r.entry.uid for r in both] == [r.entry.uid for r in by_default]
    hash_only, _ = _read(read_text, path, dataclasses.replace(OPTIONS, tag_symbols="#"))
    assert hash_only[0].entry.tags == ("river", "7")


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.sampled_from("ab1_é @#-+/.(\n"), max_size=30),
    symbols=st.sampled_from(["@", "#", "@#", "+@"]),
)
def test_fuzz_tags_are_found_as_jrnl_finds_them(text: str, symbols: str) -> None:
    """A tag: a symbol at the start of a word (not after a letter, digit or symbol), then a
    letter or digit and the word's characters."""
    marks = re.escape(symbols)
    plain = re.compile(rf"(?<![\w{marks}])[{marks}]([^\W_][\w\-+/]*)")  # the plain definition
    assert find_tags(text, symbols) == plain.findall(text)


@pytest.mark.parametrize("symbols", ["", "a@", "@ ", "_", "@#$%^&*+=!?"])
def test_tag_symbols_that_cannot_start_a_tag_are_refused(tmp_path: Path, symbols: str) -> None:
    with pytest.raises(ValueError, match="characters that start a tag in jrnl, such as @ or @#"):
        check_tag_symbols(symbols)
    path = jrnl_text(tmp_path / "journal.txt")
    with pytest.raises(ValueError, match="cannot be used"):
        _read(read_text, path, dataclasses.replace(OPTIONS, tag_symbols=symbols))
    assert check_tag_symbols("@#") == "@#"


# -- fuzzing --------------------------------------------------------------------------------------

_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
_entry = st.fixed_dictionaries(
    {
        "title": _text,
        "body": _text,
        "date": st.dates(dt.date(1970, 1, 1), dt.date(2026, 11, 27)).map(dt.date.isoformat),
        "time": st.times().map(lambda t: t.strftime("%H:%M")),
        "tags": st.lists(st.from_regex(r"@[a-z]{1,10}", fullmatch=True), max_size=3),
        "starred": st.booleans(),
    }
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=st.lists(_entry, max_size=8))
def test_fuzz_valid_exports_keep_every_text(
    tmp_path: Path, entries: list[dict[str, object]]
) -> None:
    records, findings = _read(read_json, jrnl_json(tmp_path / "f.json", entries))
    assert len(records) + findings.empty == len(entries)
    kept = [
        e
        for e in entries
        if join_title(str(e["title"]), str(e["body"])) or e["tags"] or e["starred"]
    ]
    assert [r.entry.body for r in records] == [
        join_title(str(e["title"]), str(e["body"])) for e in kept
    ]
    assert len({r.entry.uid for r in records}) == len(records)


def _valueish() -> st.SearchStrategy[object]:
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=12),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
        ),
        max_leaves=8,
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.lists(
        st.dictionaries(
            st.sampled_from(["title", "body", "date", "time", "tags", "starred", "uuid"]),
            _valueish() | st.sampled_from(["2020-01-01", "10:00", "@x"]),
        ),
        max_size=4,
    )
)
def test_fuzz_odd_exports_are_read_or_refused_cleanly(
    tmp_path: Path, entries: list[object]
) -> None:
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"entries": entries}))
    with contextlib.suppress(ImportProblem):
        _read(read_json, path)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_fuzz_any_bytes_are_read_or_refused_cleanly(tmp_path: Path, data: bytes) -> None:
    for reader, name in ((read_json, "f.json"), (read_text, "f.txt")):
        path = tmp_path / name
        path.write_bytes(b"[2020-01-01 10:00] " + data if name == "f.txt" else data)
        with contextlib.suppress(ImportProblem):
            _read(reader, path)
