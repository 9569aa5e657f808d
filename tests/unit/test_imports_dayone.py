"""Day One's JSON export ZIP: the day in the entry's own zone, escapes undone, media links out
and photos kept with their entry, location and weather only when asked for."""

from __future__ import annotations

import contextlib
import json
import zipfile
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store.imports import ImportProblem, ReadOptions
from desktop.store.imports.dayone import clean_text, read_json, read_zip
from desktop.store.imports.records import Findings, Imported, Progress, Reader
from tests.helpers import TEST_NOON
from tests.import_samples import (
    JPEG_BYTES,
    PHOTO,
    SKETCH,
    dayone_entries,
    dayone_zip,
)

TOKYO = ZoneInfo("Asia/Tokyo")
OPTIONS = ReadOptions(now=TEST_NOON, zone=TOKYO)


def _read(
    path: Path,
    options: ReadOptions = OPTIONS,
    reader: Reader = read_zip,
) -> tuple[list[Imported], Findings, Progress]:
    findings, progress = Findings(), Progress()
    return list(reader(path, options, findings, progress)), findings, progress


def test_every_field_of_the_export(tmp_path: Path) -> None:
    records, findings, progress = _read(dayone_zip(tmp_path / "export.zip"))
    assert progress.done == progress.total > 0
    tea, fireworks, basics, tagged_only = records
    # UTC moments on the local day of the entry's own zone.
    assert tea.entry.day == "2018-12-11"  # Auckland, already the next morning
    assert tea.entry.created_at == "2018-12-10T16:56:18.000+00:00"
    assert tea.entry.updated_at == "2018-12-11T08:00:00.000+00:00"
    assert fireworks.entry.day == "2018-12-31"  # New Year's Eve in Los Angeles
    assert basics.entry.day == "2020-06-15"  # no zone: the zone of this computer (Tokyo here)
    assert basics.entry.created_at == "2020-06-15T12:30:00.250+00:00"
    assert tagged_only.entry.day == "2021-07-04"  # an unknown zone: this computer's
    # Escapes undone, media links out, Markdown kept.
    assert tea.entry.body == (
        "# Morning tea\n\nTea at 5. Felt (mostly) calm! A list:\n\n- not a bullet\n\n"
        "Back\\slash and 1.5 cups."
    )
    assert "dayone-moment" not in basics.entry.body and basics.entry.body == "Only the basics."
    assert fireworks.entry.body == "Fireworks far off, a blanket round my shoulders. Ünïcödé 🌙"
    # Tags kept (in our lower case), starred as a tag; pinned, device and rich text dropped.
    assert tea.entry.tags == ("tea", "morning light", "starred")
    assert tagged_only.entry.tags == ("empty note",) and tagged_only.entry.body == ""
    # Location and weather are left out unless asked for.
    assert "Auckland" not in tea.entry.body and "rain" not in tea.entry.body
    # Stable ids from Day One's own; the entry with none gets one from its date and text.
    assert len({r.entry.uid for r in records}) == 4
    assert findings.empty == 1
    assert (findings.with_location, findings.with_weather, findings.starred) == (1, 1, 1)


def test_photos_stay_with_their_entry_in_order_a_sketch_marked(tmp_path: Path) -> None:
    findings = Findings()
    records, data = [], []
    # A picture's bytes are read while the reader is on its entry (the ZIP is open then).
    for record in read_zip(dayone_zip(tmp_path / "export.zip"), OPTIONS, findings, Progress()):
        records.append(record)
        data.append([p.read() for p in record.pictures])
    tea, _, _, _ = records
    assert [(p.position, p.is_sketch, p.width, p.height) for p in tea.pictures] == [
        (0, False, 6, 4),
        (1, True, 5, 5),
    ]
    assert data[0] == [PHOTO, SKETCH]
    assert data[2] == [JPEG_BYTES]
    # One photo is named but missing from the ZIP; one link was to a video.
    assert (findings.pictures, findings.missing_pictures, findings.other_media) == (3, 1, 1)


def test_location_and_weather_when_asked_for(tmp_path: Path) -> None:
    options = ReadOptions(now=TEST_NOON, zone=TOKYO, keep_location=True, keep_weather=True)
    records, _, _ = _read(dayone_zip(tmp_path / "export.zip"), options)
    assert records[0].entry.body.endswith(
        "1.5 cups.\n\nWhere: Small café, Auckland, New Zealand\nWeather: 19 \u00b0C, Light rain"
    )


def test_several_journals_tag_their_entries(tmp_path: Path) -> None:
    entries = dayone_entries()
    path = dayone_zip(
        tmp_path / "two.zip", {"Journal": entries[:1], "Dreams & Walks": entries[1:2]}
    )
    records, _, _ = _read(path)
    assert [r.entry.tags[-1] for r in records] == ["dreams & walks", "journal"]
    assert records[0].place == "Entry 1 of Dreams & Walks.json"


def test_a_journal_json_on_its_own_comes_without_photos(tmp_path: Path) -> None:
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": dayone_entries()}))
    records, findings, _ = _read(path, reader=read_json)
    assert len(records) == 4 and all(not r.pictures for r in records)
    assert findings.missing_pictures == 4


def _zip_with(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"text": "no date"}, "Entry 2 of Journal.json has no \u201ccreationDate\u201d."),
        (
            {"creationDate": "10/12/2018"},
            "Entry 2 of Journal.json: \u201ccreationDate\u201d should",
        ),
        ({"creationDate": "2018-12-10T16:56:18Z", "text": 3}, "\u201ctext\u201d should be text"),
        ({"creationDate": "2018-12-10T16:56:18Z", "tags": [1]}, "should be a list of words"),
        ({"creationDate": "2018-12-10T16:56:18Z", "photos": {}}, "\u201cphotos\u201d should be"),
        ({"creationDate": "2040-01-01T00:00:00Z", "text": "x"}, "which has not come yet"),
        ("an entry", "Entry 2 of Journal.json is not an entry."),
    ],
)
def test_a_wrong_entry_is_named(tmp_path: Path, entry: Any, message: str) -> None:
    good = {"creationDate": "2018-12-10T16:56:18Z", "text": "fine"}
    text = json.dumps({"metadata": {}, "entries": [good, entry]})
    with pytest.raises(ImportProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        _read(_zip_with(tmp_path, "Journal.json", text))


def test_a_wrong_file_is_refused(tmp_path: Path) -> None:
    broken = _zip_with(tmp_path, "Journal.json", '{"entries": [\n  oops]}')
    with pytest.raises(
        ImportProblem, match=r"Journal\.json stops being valid JSON at line 2, column 3"
    ):
        _read(broken)
    with pytest.raises(ImportProblem, match="no Day One journal"):
        _read(_zip_with(tmp_path, "photos/readme.txt", "hi"))
    not_zip = tmp_path / "not.zip"
    not_zip.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ImportProblem, match="is not a ZIP file Glimmers can open"):
        _read(not_zip)
    with pytest.raises(ImportProblem, match="has no list of entries"):
        _read(_zip_with(tmp_path, "Journal.json", '{"metadata": {}}'))


def test_clean_text_escapes_and_links() -> None:
    text, other = clean_text(
        "a\\_b\\* \\#1 \\[x\\] ![](dayone-moment://P) ![](dayone-moment:/audio/A)\n\n\n\nend\\",
        {"P"},
    )
    assert (text, other) == ("a_b* #1 [x]\n\nend\\", 1)


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=15),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_keys = st.sampled_from(
    ["uuid", "creationDate", "modifiedDate", "timeZone", "text", "tags", "starred", "photos",
     "location", "weather"]
)  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.lists(
        st.dictionaries(
            _keys,
            _values | st.sampled_from(["2018-12-10T16:56:18Z", "Europe/Paris", "\\."]),
        ),
        max_size=4,
    )
)
def test_fuzz_odd_entries_are_read_or_refused_cleanly(tmp_path: Path, entries: list[Any]) -> None:
    path = _zip_with(tmp_path, "Journal.json", json.dumps({"entries": entries}))
    with contextlib.suppress(ImportProblem):
        records, _, _ = _read(path)
        for record in records:
            assert record.entry.day and record.entry.created_at


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_fuzz_any_bytes_are_read_or_refused_cleanly(tmp_path: Path, data: bytes) -> None:
    for path in (tmp_path / "f.zip", _zip_with(tmp_path, "Journal.json", "")):
        if path.name == "f.zip":
            path.write_bytes(b"PK\x03\x04" + data)
        else:
            with zipfile.ZipFile(path, "w") as archive:
                archive.writestr("Journal.json", data)
        with contextlib.suppress(ImportProblem):
            _read(path)
