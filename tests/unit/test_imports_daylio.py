"""Daylio's CSV export and .daylio backup: moods as pleasantness only, activities as tags,
note title and note joined as plain text, months from 0, and the PIN never kept."""

from __future__ import annotations

import base64
import contextlib
import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store import Store
from desktop.store.imports import ImportProblem, ReadOptions, import_file
from desktop.store.imports.daylio import _split_row, csv_rows, parse_clock, read_backup, read_csv
from desktop.store.imports.records import Findings, Imported, Progress, html_to_text
from desktop.store.journal import all_entries
from tests.helpers import TEST_NOON
from tests.import_samples import (
    DAYLIO_HEADER,
    DAYLIO_PHOTO,
    DAYLIO_ROWS,
    daylio_backup,
    daylio_csv,
    daylio_document,
    daylio_entry,
    daylio_old_csv,
)

LISBON = ZoneInfo("Europe/Lisbon")
OPTIONS = ReadOptions(now=TEST_NOON, zone=LISBON)


def _read(reader, path: Path, options: ReadOptions = OPTIONS) -> tuple[list[Imported], Findings]:  # type: ignore[no-untyped-def]
    findings = Findings()
    return list(reader(path, options, findings, Progress())), findings


def test_csv_export_every_column(tmp_path: Path) -> None:
    records, findings = _read(read_csv, daylio_csv(tmp_path / "daylio.csv"))
    entries = [r.entry for r in records]
    assert len(entries) == 6 and findings.empty == 1  # the row with nothing in it
    rad, meh, awful, custom, midnight, bad = entries
    assert (rad.day, rad.created_at) == ("2025-06-01", "2025-06-01T21:00:00.000+00:00")  # 10 pm
    assert rad.pleasantness == 1.0 and meh.pleasantness == 0.0 and awful.pleasantness == -1.0
    assert bad.pleasantness == -0.5 and midnight.pleasantness == 0.5
    assert rad.tags == ("friends", "walk", "🌿 garden")
    assert rad.body == 'A good day\nSun on the balcony\nand tea, with "honey" & lemon'
    assert meh.body == "" and meh.created_at == "2025-05-31T06:05:00.000+00:00"  # 7:05 am
    assert awful.body == "- one\n- two"
    # A custom mood Daylio's CSV does not explain: no pleasantness, and the preview says so.
    assert custom.pleasantness is None and findings.unknown_moods == {"sleepy"}
    assert custom.body == "I <3 this, honestly" and custom.day == "2024-02-29"
    assert midnight.created_at == "2023-12-31T00:00:00.000+00:00"  # 12:00 a.m. is midnight
    assert midnight.body == "Title only"
    assert bad.body == "Line one\nLine two, with, commas"
    # No energy, no feeling words: a Daylio mood is how pleasant it felt, nothing more.
    assert all(not e.feelings for e in entries)


def _long_note(characters: int) -> str:
    line = 'A long, "quoted" line about the sea.\n'
    return (line * (characters // len(line) + 1))[:characters].strip()


@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL])
@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_note_longer_than_the_csv_modules_field_limit(
    tmp_path: Path, store: Store, quoting: Literal[0, 1, 2, 3], ending: str
) -> None:
    """A note of 150,000 characters (more than the 131,072 the csv module takes in one field,
    fewer than an entry holds) is read whole, and the rows around it as ever; the csv
    module's limit, shared by the whole program, is left as it was."""
    limit = csv.field_size_limit()
    note = _long_note(150_000)
    rows = [DAYLIO_ROWS[0], [*DAYLIO_ROWS[1][:7], note], DAYLIO_ROWS[2]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=ending, quoting=quoting)
    writer.writerows([DAYLIO_HEADER, *rows])
    path = tmp_path / "daylio.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))
    expected, _ = _read(
        read_csv, daylio_csv(tmp_path / "short.csv", [DAYLIO_ROWS[0], DAYLIO_ROWS[2]])
    )
    records, _ = _read(read_csv, path)
    assert len(records) == 3 and len(records[1].entry.body) == len(note) > 131_072
    assert records[1].entry.body == note.replace("\r\n", "\n")
    assert [records[0].entry, records[2].entry] == [r.entry for r in expected]
    assert csv.field_size_limit() == limit
    assert import_file(store, path, "daylio", OPTIONS).added == 3
    assert any(len(e.body) == len(note) for e in all_entries(store))


def test_a_note_longer_than_an_entry_holds_is_refused_by_its_row(
    tmp_path: Path, store: Store
) -> None:
    rows = [DAYLIO_ROWS[0], [*DAYLIO_ROWS[1][:7], _long_note(250_000)]]
    with pytest.raises(ImportProblem, match=r"^Row 3: .*200,000"):
        import_file(store, daylio_csv(tmp_path / "daylio.csv", rows), "daylio", OPTIONS)
    assert all_entries(store) == []
    # One that never ends is not read on into memory.
    endless = tmp_path / "endless.csv"
    with endless.open("w", encoding="utf-8") as f:
        f.write(",".join(DAYLIO_HEADER) + '\n2025-06-01,June 1,Sunday,10:00 pm,rad,,,"')
        f.writelines("and on\n" for _ in range(200_000))
    with pytest.raises(ImportProblem, match="Row 2 goes on for more than 200,000 characters"):
        _read(read_csv, endless)
    unfinished = tmp_path / "unfinished.csv"
    unfinished.write_text(",".join(DAYLIO_HEADER) + '\n2025-06-01,,,,rad,,,"' + "x" * 140_000)
    with pytest.raises(ImportProblem, match="cannot be read: unexpected end of data"):
        _read(read_csv, unfinished)


@settings(max_examples=200, deadline=None)
@given(
    row=st.lists(st.text(st.sampled_from('ab ,"\n\u00e9'), max_size=8), min_size=1, max_size=5),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    ending=st.sampled_from(["\n", "\r\n"]),
)
def test_fuzz_a_long_row_is_split_as_the_csv_module_splits_it(
    row: list[str], quoting: Literal[0, 1, 2, 3], ending: str
) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator=ending, quoting=quoting).writerow(row)
    text = out.getvalue()
    lines = list(io.StringIO(text, newline=""))  # as the reader takes the file's lines
    assert list(csv_rows(iter(lines))) == list(csv.reader(lines))
    if text.strip():  # csv reads an empty line as no row at all
        assert _split_row(text.removesuffix(ending)) == row


def test_csv_ids_are_stable(tmp_path: Path) -> None:
    first, _ = _read(read_csv, daylio_csv(tmp_path / "a.csv"))
    again, _ = _read(read_csv, daylio_csv(tmp_path / "b.csv", [*DAYLIO_ROWS, DAYLIO_ROWS[1]]))
    assert [r.entry.uid for r in first] == [r.entry.uid for r in again][:6]
    assert again[-1].entry.uid not in {r.entry.uid for r in first}  # a repeated row is kept too


def test_older_seven_column_csv(tmp_path: Path) -> None:
    records, _ = _read(read_csv, daylio_old_csv(tmp_path / "old.csv"))
    assert [(r.entry.day, r.entry.body, r.entry.tags) for r in records] == [
        ("2017-03-05", "old format", ("walk",)),
        ("2016-02-29", "", ()),
    ]
    assert records[0].entry.created_at == "2017-03-05T20:15:00.000+00:00"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["2025-02-30", "", "", "10:00", "good", "", "", ""],
            "Row 3: \u201c2025-02-30\u201d is not",
        ),
        (["2025-02-03", "", "", "ten", "good", "", "", ""], "Row 3: \u201cten\u201d is not a time"),
        (["2025-02-03", "", "", "13:00 pm", "good", "", "", ""], "Row 3: \u201c13:00 pm\u201d"),
        (["2025-02-03", "", "", "10:00", "good"], "Row 3 has 5 columns; the rows of this export"),
        (["2030-02-03", "", "", "10:00", "good", "", "", "x"], "has not come yet"),
        (["2025-02-03", "", "", "10:00", "good", "x" * 41, "", ""], "Row 3: Keep each tag under"),
    ],
)
def test_a_wrong_row_is_named(tmp_path: Path, row: list[str], message: str) -> None:
    path = daylio_csv(tmp_path / "d.csv", [DAYLIO_ROWS[0], row])
    with pytest.raises(ImportProblem) as caught:
        _read(read_csv, path)
    assert message in str(caught.value)


def test_not_a_daylio_csv(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name,age\nx,1\n")
    with pytest.raises(ImportProblem, match="does not name Daylio's columns"):
        _read(read_csv, path)


def test_backup_every_field(tmp_path: Path) -> None:
    path = daylio_backup(tmp_path / "backup.daylio")
    findings = Findings()
    records, pictures = [], []
    for record in read_backup(path, OPTIONS, findings, Progress()):
        records.append(record)
        pictures.append([p.read() for p in record.pictures])
    sunny, new_year, awful, meh = (r.entry for r in records)
    assert sunny.day == "2025-06-01" and sunny.created_at == "2025-06-01T20:00:00.000+00:00"
    assert sunny.pleasantness == 1.0 and sunny.tags == ("walk", "friends", "🌿 garden")
    assert sunny.body == "A good day\nSun on the balcony\n\nand tea"
    assert pictures[0] == [DAYLIO_PHOTO] and findings.pictures == 1
    # Month 11 is December: Daylio counts months from 0. The day is the phone's own.
    assert new_year.day == "2024-12-31" and new_year.created_at == "2025-01-01T04:30:00.000+00:00"
    assert new_year.pleasantness == 0.5  # a custom mood in the "good" group
    assert awful.day == "2024-01-01" and awful.created_at == "2023-12-31T18:45:00.000+00:00"
    assert awful.pleasantness == -1.0 and awful.body == ""
    assert meh.tags == ()  # an activity the backup does not describe is left out
    assert findings.has_pin


def test_backup_with_its_moods_after_its_entries_reads_the_same(tmp_path: Path) -> None:
    first, _ = _read(read_backup, daylio_backup(tmp_path / "a.daylio"))
    later = daylio_backup(tmp_path / "b.daylio", daylio_document(moods_first=False))
    progress = Progress()
    second = list(read_backup(later, OPTIONS, Findings(), progress))
    assert [r.entry for r in first] == [r.entry for r in second]
    assert progress.done == progress.total  # read twice, and the progress knows it


def _in_daylios_order(document: dict[str, Any]) -> dict[str, Any]:
    """Daylio's own order: the moods and activities, the entries, then the photos."""
    keys = ["version", "pin", "customMoods", "tags", "dayEntries", "assets", "goals"]
    return {key: document[key] for key in keys}


def _reads(path: Path) -> tuple[list[Imported], list[list[bytes]], int]:
    """The records, their pictures, and how many times the backup's data was read."""
    progress = Progress()
    records = [
        (r, [p.read() for p in r.pictures])
        for r in read_backup(path, OPTIONS, Findings(), progress)
    ]
    assert progress.done == progress.total
    with zipfile.ZipFile(path) as archive:
        size = archive.getinfo("backup.daylio").file_size
    return [r for r, _ in records], [p for _, p in records], progress.total // size


def test_backup_with_its_photos_listed_after_its_entries(tmp_path: Path) -> None:
    """Entries without photos are read at once; from the first with photos on, the backup is
    read again once the photos are known: the same entries, in the file's order."""
    expected, _ = _read(read_backup, daylio_backup(tmp_path / "a.daylio"))
    document = _in_daylios_order(daylio_document())
    entries = document["dayEntries"]
    entries.insert(2, entries.pop(0))  # the entry with a photo comes third
    records, pictures, reads = _reads(daylio_backup(tmp_path / "b.daylio", document))
    assert reads == 2
    by_uid = {r.entry.uid: r for r in expected}
    order = [expected[1], expected[2], expected[0], expected[3]]
    assert [r.entry for r in records] == [r.entry for r in order]
    assert pictures == [[], [], [DAYLIO_PHOTO], []]
    assert by_uid[records[2].entry.uid].pictures[0].uid == records[2].pictures[0].uid
    # With no photos in any entry, once is enough.
    for entry in entries:
        entry["assets"] = []
    records, pictures, reads = _reads(daylio_backup(tmp_path / "c.daylio", document))
    assert reads == 1 and [r.entry for r in records] == [r.entry for r in order]


def test_backup_ids_are_stable(tmp_path: Path) -> None:
    a, _ = _read(read_backup, daylio_backup(tmp_path / "a.daylio"))
    b, _ = _read(read_backup, daylio_backup(tmp_path / "b.daylio"))
    assert [r.entry.uid for r in a] == [r.entry.uid for r in b]
    assert len({r.entry.uid for r in a}) == 4


def test_backup_without_a_pin_and_as_plain_json(tmp_path: Path) -> None:
    path = tmp_path / "plain.daylio"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("backup.daylio", json.dumps(daylio_document(pin="")))
    records, findings = _read(read_backup, path)
    assert len(records) == 4 and not findings.has_pin
    assert findings.missing_pictures == 1  # the photo is not in this ZIP


def _backup_with(tmp_path: Path, document: Any, encode: bool = True) -> Path:
    path = tmp_path / "odd.daylio"
    data = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("backup.daylio", base64.b64encode(data) if encode else data)
    return path


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"year": 2024, "month": 12, "day": 1, "hour": 1, "minute": 0, "datetime": 0},
         "Entry 2: year 2024, month 12, day 1 is not a date (Daylio counts months from 0"),
        ({"mood": 1}, "Entry 2 has no date"),
        ({"datetime": 10**20}, "Entry 2 has a date Glimmers cannot read."),
        ("not an entry", "Entry 2 is not an entry."),
    ],
)  # fmt: skip
def test_a_wrong_backup_entry_is_named(tmp_path: Path, entry: Any, message: str) -> None:
    document = daylio_document()
    document["dayEntries"] = [document["dayEntries"][0], entry]
    with pytest.raises(ImportProblem) as caught:
        _read(read_backup, _backup_with(tmp_path, document))
    assert message in str(caught.value)


def test_a_wrong_backup_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.daylio"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("backup.daylio", b"not base64 at all!!")
    with pytest.raises(ImportProblem, match=r"cannot be decoded|not valid JSON"):
        _read(read_backup, bad)
    with pytest.raises(ImportProblem, match="no list of entries"):
        _read(read_backup, _backup_with(tmp_path, {"version": 1}))
    with pytest.raises(ImportProblem, match=r"holds no backup\.daylio"):
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("other.txt", "x")
        _read(read_backup, bad)


def test_html_and_clock_helpers() -> None:
    assert html_to_text("plain\ntext <3 & more") == "plain\ntext <3 & more"
    assert html_to_text("<b>a</b>&nbsp;b<br/>c<div>d</div>") == "a\xa0b\nc\nd"
    assert html_to_text("<ol><li>x</li><li>y &amp; z</li></ol>") == "- x\n- y & z"
    assert parse_clock("22:05") == (22, 5)
    assert parse_clock("10:05 pm") == (22, 5)
    assert parse_clock("12:10 AM") == (0, 10)
    assert parse_clock("12:10 p.m.") == (12, 10)
    assert parse_clock("오후 3:07") == (15, 7)
    assert parse_clock("下午3:07") == (15, 7)
    assert parse_clock("9.30") == (9, 30)
    assert parse_clock("25:00") is None
    assert parse_clock("0:30 pm") is None


# -- fuzzing --------------------------------------------------------------------------------------

_cell = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.lists(
            _cell | st.sampled_from(["2024-02-29", "10:00 pm", "rad", "a | b"]),
            min_size=0,
            max_size=9,
        ),
        max_size=5,
    )
)
def test_fuzz_odd_csv_rows_are_read_or_refused_cleanly(
    tmp_path: Path, rows: list[list[str]]
) -> None:
    path = daylio_csv(tmp_path / "f.csv", rows)
    with contextlib.suppress(ImportProblem):
        for record in _read(read_csv, path)[0]:
            assert record.entry.pleasantness in (None, -1.0, -0.5, 0.0, 0.5, 1.0)


_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
_entry_keys = st.sampled_from(
    ["id", "datetime", "timeZoneOffset", "year", "month", "day", "hour", "minute", "mood",
     "note", "note_title", "tags", "assets"]
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.lists(st.dictionaries(_entry_keys, _values), max_size=4),
    moods=_values,
    tags=_values,
    pin=_values,
)
def test_fuzz_odd_backups_are_read_or_refused_cleanly(
    tmp_path: Path, entries: list[Any], moods: Any, tags: Any, pin: Any
) -> None:
    document = {"pin": pin, "customMoods": moods, "tags": tags, "dayEntries": entries}
    with contextlib.suppress(ImportProblem):
        _read(read_backup, _backup_with(tmp_path, document))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    local=st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2026, 11, 1)),
    offset_minutes=st.integers(-12 * 60, 14 * 60).map(lambda m: m - m % 15),
)
def test_fuzz_the_day_is_always_the_phones_own(
    tmp_path: Path, local: dt.datetime, offset_minutes: int
) -> None:
    local = local.replace(second=0, microsecond=0)
    document = daylio_document()
    document["dayEntries"] = [daylio_entry(1, local, offset_minutes / 60, 2, note="n")]
    (record,), _ = _read(read_backup, _backup_with(tmp_path, document))
    assert record.entry.day == local.date().isoformat()
    moment = local.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset_minutes)))
    assert dt.datetime.fromisoformat(record.entry.created_at) == moment


def test_the_csv_then_the_backup_of_the_same_days_adds_each_entry_once(
    store: Store, tmp_path: Path
) -> None:
    """Daylio's CSV export and its backup name an entry differently: importing one and then
    the other added every entry twice. An entry of the same minute and words as one kept
    before the import is taken as here already."""
    from desktop.store.imports import preview_file

    new_york = ReadOptions(now=TEST_NOON, zone=ZoneInfo("America/New_York"))
    rows = [  # entry 102 of the backup (23:30 at UTC-5), and a day only the CSV has
        [
            "2024-12-31",
            "December 31",
            "Tuesday",
            "23:30",
            "content",
            "",
            "",
            "Last night of the year",
        ],
        ["2024-11-02", "November 2", "Saturday", "08:00", "good", "", "", "A quiet morning"],
    ]
    csv_file = daylio_csv(tmp_path / "daylio.csv", rows)
    assert import_file(store, csv_file, "daylio", new_york).added == 2
    backup = daylio_backup(tmp_path / "backup.daylio")
    preview = preview_file(store, backup, "daylio", new_york)
    assert (preview.entries, preview.already) == (4, 1)
    result = import_file(store, backup, "daylio", new_york)
    assert result.already_there == 1
    bodies = [e.body for e in all_entries(store)]
    assert bodies.count("Last night of the year") == 1
    assert len(bodies) == 5  # two from the CSV, three more from the backup
    # Two entries alike within one file are both kept, as before.
    twice = daylio_csv(tmp_path / "twice.csv", [rows[1], rows[1]])
    other = tmp_path / "other"
    other.mkdir()
    from desktop.store import open_store
    from tests.helpers import FakeWallClock

    fresh = open_store(other / "glimmers.db", other / "backups", FakeWallClock())
    try:
        assert import_file(fresh, twice, "daylio", new_york).added == 2
    finally:
        fresh.close()
