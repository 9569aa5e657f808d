"""Detecting a file's app, the preview, and the import: all or nothing, and idempotent."""

from __future__ import annotations

import base64
import datetime as dt
import json
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.store import Store, WriteFailed, open_store
from desktop.store.exchange import export_json
from desktop.store.imports import (
    ImportCancelled,
    ImportProblem,
    Preview,
    ReadOptions,
    detect,
    import_file,
    preview_file,
)
from desktop.store.imports.records import Findings
from desktop.store.journal import (
    Entry,
    all_entries,
    count_entries,
    empty_trash,
    get_entry,
    save_entry,
    timeline_page,
    trash_entry,
)
from desktop.store.pictures import count_pictures, pictures_of
from tests.helpers import TEST_NOON
from tests.import_samples import (
    JPEG_BYTES,
    JPEG_MD5,
    JRNL_ENTRIES,
    PHOTO,
    SKETCH,
    daylio_backup,
    daylio_csv,
    daylio_document,
    daylio_old_csv,
    dayone_entries,
    dayone_zip,
    jrnl_json,
    jrnl_text,
)

OPTIONS = ReadOptions(now=TEST_NOON, zone=ZoneInfo("Europe/Madrid"))


def _dump(store: Store) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for table in ("entries", "entry_tags", "entry_pictures"):
        rows += [(table, *r) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
    return rows


def test_detection_of_every_format(tmp_path: Path, store: Store) -> None:
    glimmers = tmp_path / "mine.json"
    glimmers.write_text(export_json(store))
    assert detect(glimmers) == "glimmers"
    assert detect(jrnl_json(tmp_path / "j.json")) == "jrnl"
    assert detect(jrnl_text(tmp_path / "j.txt")) == "jrnl"
    assert detect(dayone_zip(tmp_path / "d.zip")) == "dayone"
    assert detect(daylio_csv(tmp_path / "d.csv")) == "daylio"
    assert detect(daylio_old_csv(tmp_path / "o.csv")) == "daylio"
    assert detect(daylio_backup(tmp_path / "b.daylio")) == "daylio"
    bare = tmp_path / "Journal.json"
    bare.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": []}))
    assert detect(bare) == "dayone"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some notes\n", "cannot tell which app made this file"),
        (b"gAAAAABl3x...", "protected by a password"),
        (b'{"a": [1, 2', "not valid JSON (at line 1, column 12"),
        (b"PK\x03\x04 broken", "cannot tell which app made this file"),
        (b"", "is empty: there is nothing in it to import"),
        (b'{"a": ' + b"1" * 5000 + b"}", "cannot tell which app made this file"),
    ],
)
def test_detection_says_why_not(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "file"
    path.write_bytes(data)
    with pytest.raises(ImportProblem) as caught:
        detect(path)
    assert message in str(caught.value)
    with pytest.raises(ImportProblem, match="could not read"):
        detect(tmp_path / "missing")


def test_the_preview_sentence() -> None:
    preview = Preview("daylio", 1234, 12, dt.date(2019, 3, 4), dt.date(2025, 6, 1), Findings())
    assert preview.summary() == (
        "This file has 1,234 entries from March 2019 to June 2025; 12 are already in your journal."
    )
    one = Preview("jrnl", 1, 0, dt.date(2019, 3, 4), dt.date(2019, 3, 9), Findings())
    assert one.summary() == "This file has 1 entry from March 2019."
    assert Preview("jrnl", 0, 0, None, None, Findings()).summary() == (
        "This file has no entries Glimmers can import."
    )
    full = Preview("jrnl", 3, 3, dt.date(2019, 3, 4), dt.date(2020, 3, 9), Findings())
    assert full.summary().endswith(
        "all of them are in your journal already, so nothing would change."
    )


def test_preview_reads_everything_and_writes_nothing(tmp_path: Path, store: Store) -> None:
    save_entry(store, Entry(body="mine"))
    before, changes = _dump(store), store.conn.total_changes
    path = dayone_zip(tmp_path / "d.zip")
    reports: list[tuple[int, int]] = []
    preview = preview_file(store, path, "dayone", OPTIONS, lambda d, t: reports.append((d, t)))
    assert (_dump(store), store.conn.total_changes) == (before, changes)
    assert (preview.entries, preview.already) == (4, 0)
    assert (preview.first_day, preview.last_day) == (dt.date(2018, 12, 11), dt.date(2021, 7, 4))
    assert reports[-1][0] == reports[-1][1] > 0
    notes = preview.notes(OPTIONS)
    assert "Glimmers will keep 3 pictures, each with its entry." in notes
    assert any("1 entry notes where you were; this is left out unless" in n for n in notes)
    assert "Starred entries get the tag \u201cstarred\u201d." in notes


def test_the_preview_promises_only_the_pictures_of_new_entries(
    tmp_path: Path, store: Store
) -> None:
    first = dayone_entries()[0]  # a photo and a sketch
    import_file(store, dayone_zip(tmp_path / "one.zip", {"Journal": [first]}), "dayone", OPTIONS)
    preview = preview_file(store, dayone_zip(tmp_path / "all.zip"), "dayone", OPTIONS)
    assert (preview.entries, preview.already, preview.new_pictures) == (4, 1, 1)
    assert "Glimmers will keep 1 picture, each with its entry." in preview.notes(OPTIONS)


def test_import_every_format_then_again_adds_nothing(tmp_path: Path, store: Store) -> None:
    files = [
        ("jrnl", jrnl_json(tmp_path / "j.json"), 4, "4 journal entries"),
        ("dayone", dayone_zip(tmp_path / "d.zip"), 4, "4 journal entries, 3 pictures"),
        ("daylio", daylio_csv(tmp_path / "d.csv"), 6, "6 journal entries"),
        ("daylio", daylio_backup(tmp_path / "b.daylio"), 4, "4 journal entries, 1 picture"),
    ]
    total = 0
    for fmt, path, count, described in files:
        result = import_file(store, path, fmt, OPTIONS)
        assert (result.describe_added(), result.already_there) == (described, 0)
        total += count
    assert count_entries(store) == total
    before = _dump(store)
    for fmt, path, count, _ in files:
        result = import_file(store, path, fmt, OPTIONS)
        assert (result.added, result.already_there) == (0, count)
        assert preview_file(store, path, fmt, OPTIONS).already == count
    assert _dump(store) == before


def test_jrnl_text_then_json_adds_each_entry_once(tmp_path: Path, store: Store) -> None:
    import_file(store, jrnl_text(tmp_path / "j.txt"), "jrnl", OPTIONS)
    preview = preview_file(store, jrnl_json(tmp_path / "j.json"), "jrnl", OPTIONS)
    assert (preview.entries, preview.already) == (4, 3)  # the fourth has a uuid only in JSON
    assert preview.summary().endswith("; 3 are already in your journal.")


def test_a_problem_anywhere_writes_nothing(tmp_path: Path, store: Store) -> None:
    save_entry(store, Entry(body="mine", tags=("kept",)))
    before = _dump(store)
    entries = [*JRNL_ENTRIES, {**JRNL_ENTRIES[0], "date": "2019-02-31"}]
    path = jrnl_json(tmp_path / "j.json", entries)
    with pytest.raises(ImportProblem, match="Entry 6: 2019-02-31 07:45 is not a real date"):
        preview_file(store, path, "jrnl", OPTIONS)
    with pytest.raises(ImportProblem, match="Entry 6"):
        import_file(store, path, "jrnl", OPTIONS)
    assert _dump(store) == before


def test_a_picture_that_cannot_be_read_while_writing_writes_nothing(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store.imports import dayone

    reads = []

    def damaged(self: object, info: object) -> bytes:
        reads.append(info)
        raise ImportProblem("The picture photos/x.png in this ZIP file cannot be read (bad CRC).")

    monkeypatch.setattr(dayone._Media, "reader", damaged)
    with pytest.raises(ImportProblem, match="cannot be read"):
        import_file(store, dayone_zip(tmp_path / "d.zip"), "dayone", OPTIONS)
    assert reads and count_entries(store, include_trash=True) == 0 and count_pictures(store) == 0


def test_a_repeated_id_in_one_file_is_refused(tmp_path: Path, store: Store) -> None:
    twin = {**JRNL_ENTRIES[4], "title": "Another text, same uuid."}
    path = jrnl_json(tmp_path / "j.json", [JRNL_ENTRIES[4], twin])
    with pytest.raises(ImportProblem, match="Entry 2 repeats an entry that came earlier"):
        import_file(store, path, "jrnl", OPTIONS)
    assert count_entries(store) == 0


def test_cancelling_writes_nothing(tmp_path: Path, store: Store) -> None:
    entries = [{**JRNL_ENTRIES[0], "body": f"walk {i}"} for i in range(450)]
    path = jrnl_json(tmp_path / "j.json", entries)
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) >= 2

    with pytest.raises(ImportCancelled):
        import_file(store, path, "jrnl", OPTIONS, cancelled=cancelled)
    assert count_entries(store) == 0
    assert import_file(store, path, "jrnl", OPTIONS).added == 450


def test_a_picture_whose_bytes_are_no_picture_is_kept_but_not_called_one(
    tmp_path: Path, store: Store
) -> None:
    """Day One said "jpeg" and the bytes were anything at all: they were stored as a JPEG,
    which the journal would try to show. The bytes say what they are; the file's word does
    not."""
    junk = b"these bytes are not a picture of anything"
    path = tmp_path / "d.zip"
    entry = {
        "uuid": "E1B2C3D4E5F60718293A4B5C6D7E8F94",
        "creationDate": "2023-03-03T08:00:00Z",
        "text": "A walk by the water.",
        "photos": [
            {"identifier": "J-1", "md5": "a" * 32, "type": "jpeg"},
            {"identifier": "J-2", "md5": JPEG_MD5, "type": "png"},  # a JPEG named a PNG
        ],
    }
    dayone_zip(path, {"Journal": [entry]})
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("photos/" + "a" * 32 + ".jpeg", junk)
    import_file(store, path, "dayone", OPTIONS)
    walk = next(e for e in timeline_page(store, limit=10) if "A walk" in e.texts[-1])
    assert [(p.data, p.media_type) for p in pictures_of(store, walk.uid)] == [
        (junk, "application/octet-stream"),
        (JPEG_BYTES, "image/jpeg"),
    ]


def test_pictures_and_pleasantness_are_kept_and_go_with_their_entry(
    tmp_path: Path, store: Store
) -> None:
    import_file(store, dayone_zip(tmp_path / "d.zip"), "dayone", OPTIONS)
    tea = next(e for e in timeline_page(store, limit=10) if "Morning tea" in e.texts[-1])
    pictures = pictures_of(store, tea.uid)
    assert [(p.data, p.is_sketch, p.media_type) for p in pictures] == [
        (PHOTO, False, "image/png"),
        (SKETCH, True, "image/png"),
    ]
    assert pictures[0].added_at == "2026-11-28T12:00:00.000+00:00"
    import_file(store, daylio_backup(tmp_path / "b.daylio"), "daylio", OPTIONS)
    mood_only = next(i for i in timeline_page(store, limit=50) if i.pleasantness == -1.0)
    assert mood_only.summary == "Felt very unpleasant"
    entry = get_entry(store, mood_only.uid)
    assert entry is not None and entry.pleasantness == -1.0
    # The trash and emptying it take the pictures with the entry.
    trash_entry(store, tea.uid)
    empty_trash(store)
    assert pictures_of(store, tea.uid) == [] and count_pictures(store) == 2  # two others


def test_the_pin_is_never_stored(tmp_path: Path, store: Store) -> None:
    from tests.import_samples import daylio_document

    path = daylio_backup(tmp_path / "b.daylio", daylio_document(pin="PIN-73914"))
    preview = preview_file(store, path, "daylio", OPTIONS)
    assert any("holds your Daylio PIN in plain text" in n for n in preview.notes(OPTIONS))
    import_file(store, path, "daylio", OPTIONS)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for file in store.path.parent.glob("glimmers.db*"):
        assert b"PIN-73914" not in file.read_bytes()


def test_our_own_export_goes_through_the_same_steps(tmp_path: Path, store: Store) -> None:
    save_entry(store, Entry(body="a sound", day="2026-03-04"))
    import_file(store, dayone_zip(tmp_path / "d.zip"), "dayone", OPTIONS)
    path = tmp_path / "mine.json"
    path.write_text(export_json(store))
    preview = preview_file(store, path, "glimmers", OPTIONS)
    assert preview.summary() == (
        "This file has 5 journal entries, 3 pictures from December 2018 to March 2026; "
        "all of them are in your journal already, so nothing would change."
    )
    assert import_file(store, path, "glimmers", OPTIONS).already_there == 8
    # Into another journal: the pictures go with their entries, the mood with its entry.
    other = open_store(tmp_path / "other.db", tmp_path / "other-backups", store.wall)
    try:
        result = import_file(other, path, "glimmers", OPTIONS)
        assert result.describe_added() == "5 journal entries, 3 pictures"
        assert _dump(other) == _dump(store)
    finally:
        other.close()


def test_a_write_the_database_refuses_leaves_nothing(tmp_path: Path, store: Store) -> None:
    path = jrnl_json(tmp_path / "j.json")
    store.conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON entries WHEN new.body LIKE 'Quiet%' "
        "BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    with pytest.raises(WriteFailed, match="Glimmers could not save this: no"):
        import_file(store, path, "jrnl", OPTIONS)
    assert count_entries(store) == 0


def test_what_the_store_would_not_keep_is_refused_by_name(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import limits

    huge = {**JRNL_ENTRIES[0], "body": "x" * limits.TEXT}
    path = jrnl_json(tmp_path / "j.json", [JRNL_ENTRIES[1], huge])
    with pytest.raises(ImportProblem) as caught:
        preview_file(store, path, "jrnl", OPTIONS)
    assert str(caught.value).startswith("Entry 2: \u201cAnything else\u201d can hold up to 200,000")
    many_tags = {**JRNL_ENTRIES[0], "tags": [f"@t{i}" for i in range(limits.TAGS + 1)]}
    with pytest.raises(ImportProblem, match="Entry 1: "):
        import_file(store, jrnl_json(tmp_path / "t.json", [many_tags]), "jrnl", OPTIONS)
    # A picture larger than the store keeps: the ZIP tells its size, so the preview refuses
    # it already, and the import too; nothing is kept.
    monkeypatch.setattr(limits, "PICTURE_BYTES", 50)
    archive = dayone_zip(tmp_path / "d.zip")
    for step in (preview_file, import_file):
        with pytest.raises(ImportProblem) as caught:
            step(store, archive, "dayone", OPTIONS)
        assert str(caught.value).startswith("Entry 1 of Journal.json: photos/")
        assert "larger than Glimmers keeps" in str(caught.value)
    assert count_entries(store, include_trash=True) == 0 and count_pictures(store) == 0


# -- files that are no export at all ---------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.parametrize("fmt", ["jrnl", "dayone", "daylio", "glimmers"])
def test_a_file_that_never_ends_is_refused_not_read_into_memory(
    store: Store, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--from jrnl`` or ``--from daylio`` on a device that never ends (or a video of
    gigabytes with no line breaks): its first "line" was read on until the memory ran out."""
    from desktop.store.imports import records

    monkeypatch.setattr(records, "MAX_LINE", 10_000)  # the refusal comes sooner, the same way
    with pytest.raises(ImportProblem):
        preview_file(store, Path("/dev/zero"), fmt, OPTIONS)
    assert count_entries(store, include_trash=True) == 0


def test_a_line_longer_than_any_export_writes_is_refused_by_its_number(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store.imports import records

    monkeypatch.setattr(records, "MAX_LINE", 1_000)
    long_title = {**JRNL_ENTRIES[0], "title": "Long " + "and longer " * 100}
    journal = jrnl_text(tmp_path / "j.txt", [JRNL_ENTRIES[1], long_title])
    with pytest.raises(ImportProblem, match=r"Line \d+ of this file goes on for more than 1,000"):
        preview_file(store, journal, "jrnl", OPTIONS)
    row = ["2025-06-01", "June 1", "Sunday", "10:00 pm", "rad", "", "", "x" * 1_200]
    with pytest.raises(ImportProblem, match="Line 2 of this file goes on for more than 1,000"):
        preview_file(store, daylio_csv(tmp_path / "d.csv", [row]), "daylio", OPTIONS)
    assert count_entries(store, include_trash=True) == 0


def test_a_jrnl_entry_longer_than_an_entry_can_hold_is_refused_as_it_is_read(
    tmp_path: Path, store: Store
) -> None:
    """Its lines were gathered however many there were (a file of gigabytes of short lines
    after one date filled the memory) before the entry's length was looked at."""
    journal = tmp_path / "j.txt"
    journal.write_text("[2019-03-01 09:15] A beginning.\n" + "and then\n" * 30_000)
    with pytest.raises(
        ImportProblem,
        match="The entry on line 1 goes on for more than 200,000 characters, more than an entry",
    ):
        preview_file(store, journal, "jrnl", OPTIONS)


def test_blank_lines_before_the_first_jrnl_entry_are_not_gathered(
    tmp_path: Path, store: Store
) -> None:
    """However many there were, they were kept in memory until the first date, to be dropped."""
    import tracemalloc

    journal = tmp_path / "j.txt"
    journal.write_text("\n" * 150_000 + "[2019-03-01 09:15] A beginning.\n")
    tracemalloc.start()
    try:
        assert preview_file(store, journal, "jrnl", OPTIONS).entries == 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 800_000, peak  # a list of 150,000 lines alone takes 1.2 MB


# -- text a store cannot keep as it is ------------------------------------------------------------


def _escaped_json(path: Path, document: object) -> Path:
    """JSON as phones and browsers write it: every character outside ASCII as a \\u escape, so
    a note cut in the middle of an emoji keeps half of it (a lone surrogate, \\ud83c)."""
    path.write_text(json.dumps(document), encoding="ascii")
    return path


def _half_emoji_files(tmp_path: Path) -> list[tuple[Path, str]]:
    half = "tea in the garden \ud83c"  # the first half of 🌿, its second half cut off
    jrnl = [{**JRNL_ENTRIES[0], "title": half, "body": "", "tags": ["@tea\udf3f"]}]
    dayone = {
        "metadata": {"version": "1.0"},
        "entries": [{"text": half, "creationDate": "2020-05-01T10:00:00Z", "tags": ["\ud83c"]}],
    }
    document = daylio_document()
    document["dayEntries"][0]["note"] = half
    document["dayEntries"][0]["note_title"] = ""
    document["tags"][0]["name"] = "walk \udf3f"
    mood = {"id": 7, "custom_name": "meh \ud83c", "mood_group_id": 0, "predefined_name_id": -1}
    document["customMoods"].append(mood)  # a mood of unknown pleasantness: named in the preview
    document["dayEntries"][3]["mood"] = 7
    encoded = base64.encodebytes(json.dumps(document).encode("ascii"))
    daylio = tmp_path / "b.daylio"
    with zipfile.ZipFile(daylio, "w") as archive:
        archive.writestr("backup.daylio", encoded)
    return [
        (_escaped_json(tmp_path / "j.json", {"tags": {}, "entries": jrnl}), "jrnl"),
        (_escaped_json(tmp_path / "Journal.json", dayone), "dayone"),
        (daylio, "daylio"),
    ]


def test_half_of_a_character_is_imported_as_a_replacement_mark(
    tmp_path: Path, store: Store
) -> None:
    """A lone half of a character (a note cut short in the middle of an emoji) cannot be
    written as UTF-8: the preview promised the entry, and the import then failed with an
    encoder's error. It comes in as the mark for a character that could not be read."""
    for number, (path, fmt) in enumerate(_half_emoji_files(tmp_path), start=1):
        preview = preview_file(store, path, fmt, OPTIONS)
        assert preview.entries >= 1, fmt
        assert preview.findings.unknown_moods <= {"meh \ufffd"}
        assert import_file(store, path, fmt, OPTIONS).added >= 1, fmt
        bodies = [e.body for e in all_entries(store) if "tea in the garden" in e.body]
        assert bodies == ["tea in the garden \ufffd"] * number, fmt
        assert import_file(store, path, fmt, OPTIONS).added == 0  # the same ids the second time
    tags = {t for (t,) in store.conn.execute("SELECT tag FROM entry_tags")}
    assert {"tea\ufffd", "\ufffd", "walk \ufffd"} <= tags


def test_half_of_a_character_in_our_own_export_is_kept_as_a_replacement_mark(
    tmp_path: Path, store: Store
) -> None:
    """Our own export, changed by hand in an editor that writes \\u escapes: the same."""
    from desktop.store.glimmers import glimmers_page, keep_glimmer

    keep_glimmer(store, "warm mug")
    save_entry(store, Entry(body="tea in the garden", tags=("tea",)))
    text = (
        export_json(store).replace("warm mug", "warm \\ud83c mug").replace('"tea"', '"tea\\udf3f"')
    )
    export = tmp_path / "mine.json"
    export.write_text(text, encoding="utf-8")
    (tmp_path / "other").mkdir()
    other = open_store(tmp_path / "other" / "glimmers.db", tmp_path / "other" / "b", store.wall)
    try:
        preview_file(other, export, "glimmers", OPTIONS)
        import_file(other, export, "glimmers", OPTIONS)
        assert [g.text for g in glimmers_page(other).glimmers] == ["warm \ufffd mug"]
        assert [e.tags for e in all_entries(other)] == [("tea\ufffd",)]
    finally:
        other.close()


# -- dates at the very ends of the calendar --------------------------------------------------------


def _calendar_end_files(tmp_path: Path) -> list[tuple[Path, str, str]]:
    """Files whose one entry is dated where a time zone pushes it off the calendar: year 1
    (the "no date" of many programs) just east of UTC, or the last minutes of year 9999 in
    the first zone to reach a day."""
    first = {**JRNL_ENTRIES[0], "date": "0001-01-01", "time": "00:00"}
    dayone = {
        "metadata": {"version": "1.0"},
        "entries": [
            {"text": "zero", "creationDate": "0001-01-01T00:00:00Z", "timeZone": "America/Lima"},
            {"text": "last", "creationDate": "9999-12-31T23:59:00Z", "timeZone": "Asia/Tokyo"},
        ],
    }
    document = daylio_document()
    del document["dayEntries"][0]["year"]  # only the moment: its day comes from the offset
    document["dayEntries"][0]["datetime"] = -62135596800000  # 0001-01-01 00:00 UTC
    document["dayEntries"][0]["timeZoneOffset"] = -5 * 3600 * 1000
    return [
        (jrnl_json(tmp_path / "j.json", [first]), "jrnl", "Entry 1"),
        (jrnl_text(tmp_path / "j.txt", [first]), "jrnl", "The entry on line 1"),
        (_escaped_json(tmp_path / "Journal.json", dayone), "dayone", "Entry 1 of Journal.json"),
        (daylio_csv(tmp_path / "d.csv", [["0001-01-01", "", "", "00:00", "rad", "", "", "x"]]),
         "daylio", "Row 2"),
        (daylio_backup(tmp_path / "b.daylio", document), "daylio", "Entry 1"),
    ]  # fmt: skip


def test_a_date_a_time_zone_pushes_off_the_calendar_is_refused_by_name(
    tmp_path: Path, store: Store
) -> None:
    east = ReadOptions(now=TEST_NOON, zone=ZoneInfo("Asia/Tokyo"))  # for times without a zone
    for path, fmt, place in _calendar_end_files(tmp_path):
        for step in (preview_file, import_file):
            with pytest.raises(ImportProblem) as caught:
                step(store, path, fmt, east)
            assert str(caught.value) == f"{place} has a date Glimmers cannot read.", path.name
    assert count_entries(store, include_trash=True) == 0
