"""Import benchmark: generated files of each format (default 10,000 entries each) imported into
fresh journals, against the raw floor of the same rows.

Prints, as one JSON object on its last line:
  import_entries_per_s     for each format: entries imported a second by glimmers' import
                           (reading, checking, writing entries, tags and pictures in one
                           transaction, durable when it returns)
  raw_floor_entries_per_s  for each format: the same entry and tag rows inserted into a fresh
                           journal with executemany in one transaction (nothing read or checked)
  import_ratio             for each format: import over floor; import_ratio_min the lowest
  import_rss_mb            the process's peak resident memory after every import
  import_rss_growth_mb     how much of it the imports added over what the process had before
  import_cpu_entries_per_s, import_cpu_ratio_min   the same by this process's CPU time, which a
                           machine busy with other work disturbs less than the clock on the wall
Targets: import_entries_per_s at least 5,000 for each format, import_ratio_min >= 0.3.
Each figure is the best of --repeat runs, an import and its floor run one after the other, so a
busy machine slows both alike (most of either is SQLite's full-text index of the same text).
The floor's executemany is one statement a row, and SQLite's full-text index writes out what it
holds at every statement; the import writes a few hundred rows a statement (while it reads the
next ones), so it can be quicker than this floor: a ratio above 1 is no mistake.

    python tests/benchmarks/imports.py --entries 10000
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import gc
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.store import Store, open_store
from desktop.store.exchange import FORMAT_NAME, FORMAT_VERSION
from desktop.store.imports import ReadOptions, import_file
from desktop.store.journal import all_entries, count_entries
from desktop.store.records import feelings_to_json

WORDS = [
    "light",
    "warm",
    "cool",
    "soft",
    "rough",
    "quiet",
    "loud",
    "breath",
    "chest",
    "shoulders",
    "hands",
    "feet",
    "window",
    "rain",
    "kettle",
    "tea",
    "morning",
    "evening",
    "walk",
    "street",
    "tree",
    "leaves",
    "wind",
    "sun",
    "cloud",
    "grey",
    "blue",
    "river",
    "bread",
    "coffee",
    "cat",
    "dog",
    "friend",
    "mother",
    "phone",
    "music",
    "bus",
    "train",
    "work",
    "tired",
    "calm",
    "slow",
    "heavy",
    "open",
    "still",
    "tingling",
    "fluttery",
    "bright",
    "dim",
    "cold",
    "hot",
    "skin",
    "wool",
    "stone",
    "sand",
    "grass",
    "moss",
]
START = dt.datetime(2015, 1, 1, 8, 0)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _moments(n: int) -> list[dt.datetime]:
    # Spread evenly over ten years, all in the past, on whole minutes.
    step = dt.timedelta(days=3650) / max(n, 1)
    return [(START + step * i).replace(second=0, microsecond=0) for i in range(n)]


def write_jrnl_json(path: Path, n: int, rng: random.Random) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write('{"tags": {"@walk": 1}, "entries": [\n')
        for i, moment in enumerate(_moments(n)):
            entry = {
                "title": _text(rng, 6),
                "body": _text(rng, 70) + (" @walk" if i % 5 == 0 else ""),
                "date": moment.strftime("%Y-%m-%d"),
                "time": moment.strftime("%H:%M"),
                "tags": ["@walk"] if i % 5 == 0 else [],
                "starred": i % 17 == 0,
            }
            f.write(("," if i else "") + json.dumps(entry) + "\n")
        f.write("]}\n")


def write_jrnl_text(path: Path, n: int, rng: random.Random) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, moment in enumerate(_moments(n)):
            star = " *" if i % 17 == 0 else ""
            f.write(f"[{moment:%Y-%m-%d %H:%M}] {_text(rng, 6)}{star}\n{_text(rng, 70)} @walk\n\n")


def write_dayone(path: Path, n: int, rng: random.Random) -> None:
    photo = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000))
    md5 = hashlib.md5(photo).hexdigest()
    zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("Journal.json", "w") as raw:
            raw.write(b'{"metadata": {"version": "1.0"}, "entries": [\n')
            for i, moment in enumerate(_moments(n)):
                entry: dict[str, Any] = {
                    "uuid": f"{i:032X}",
                    "creationDate": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "modifiedDate": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "timeZone": zones[i % len(zones)],
                    "text": "# " + _text(rng, 5) + "\n\n" + _text(rng, 70).replace(".", "\\."),
                    "tags": ["walk", "morning"][: i % 3],
                    "starred": i % 17 == 0,
                    "location": {"placeName": "Park", "country": "Somewhere"},
                    "weather": {"temperatureCelsius": 12.5, "conditionsDescription": "Cloudy"},
                }
                if i % 100 == 0:  # one entry in a hundred has a photo
                    entry["photos"] = [{"identifier": f"P{i}", "md5": md5, "type": "png"}]
                    entry["text"] += f"\n\n![](dayone-moment://P{i})"
                raw.write((b"," if i else b"") + json.dumps(entry).encode() + b"\n")
            raw.write(b"]}\n")
        archive.writestr(f"photos/{md5}.png", photo)


def write_daylio_csv(path: Path, n: int, rng: random.Random) -> None:
    moods = ["rad", "good", "meh", "bad", "awful"]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(
            ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]
        )
        for i, moment in enumerate(reversed(_moments(n))):
            writer.writerow(
                [
                    moment.strftime("%Y-%m-%d"),
                    moment.strftime("%B %d"),
                    moment.strftime("%A"),
                    moment.strftime("%I:%M %p").lower(),
                    moods[i % 5],
                    " | ".join(["walk", "friends", "reading"][: i % 4]),
                    _text(rng, 4) if i % 3 == 0 else "",
                    "<b>" + _text(rng, 60) + "</b><br>" + _text(rng, 10),
                ]
            )


def write_daylio_backup(path: Path, n: int, rng: random.Random) -> None:
    moods = [{"id": g, "custom_name": "", "mood_group_id": g, "predefined_name_id": g}
             for g in range(1, 6)]  # fmt: skip
    tags = [{"id": t, "name": name} for t, name in enumerate(["walk", "friends", "reading"], 1)]
    entries = []
    for i, moment in enumerate(_moments(n)):
        entries.append(
            {
                "id": i + 1,
                "minute": moment.minute,
                "hour": moment.hour,
                "day": moment.day,
                "month": moment.month - 1,
                "year": moment.year,
                "datetime": int(moment.replace(tzinfo=dt.timezone.utc).timestamp() * 1000),
                "timeZoneOffset": 3_600_000,
                "mood": i % 5 + 1,
                "note": "<p>" + _text(rng, 60) + "</p>",
                "note_title": _text(rng, 4) if i % 3 == 0 else "",
                "tags": [1, 2, 3][: i % 4],
                "assets": [],
            }
        )
    document = {"version": 15, "pin": "", "customMoods": moods, "tags": tags,
                "dayEntries": entries, "assets": []}  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("backup.daylio", base64.encodebytes(json.dumps(document).encode()))
    del entries, document


def write_glimmers(path: Path, n: int, rng: random.Random) -> None:
    """Our own JSON export, as Glimmers writes it (a record's fields in export order)."""
    with path.open("w", encoding="utf-8") as f:
        header = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "app_version": "0.0",
                  "exported_at": "2026-01-01T00:00:00+00:00"}  # fmt: skip
        f.write(json.dumps(header)[:-1] + ', "entries": [\n')
        for i, moment in enumerate(_moments(n)):
            stamp = moment.replace(tzinfo=dt.timezone.utc).isoformat(timespec="milliseconds")
            entry = {
                "id": f"{i:032x}",
                "kind": "entry",
                "day": moment.date().isoformat(),
                "created_at": stamp,
                "updated_at": stamp,
                "deleted_at": None,
                "senses": {
                    "touch": _text(rng, 3) if i % 4 == 0 else "",
                    "sound": "",
                    "sight": "",
                    "smell_taste": "",
                    "breath_body": "",
                },
                "feelings": [{"word": "calm", "intensity": 2}] if i % 3 == 0 else [],
                "text": _text(rng, 76),
                "impressions": [],
                "tags": ["walk"] if i % 5 == 0 else [],
                "sketch": None,
                "pleasantness": None,
            }
            f.write(("," if i else "") + json.dumps(entry, ensure_ascii=False) + "\n")
        f.write("]}\n")


FORMATS = {
    "jrnl_json": ("jrnl", "journal.json", write_jrnl_json),
    "jrnl_text": ("jrnl", "journal.txt", write_jrnl_text),
    "dayone": ("dayone", "Day One.zip", write_dayone),
    "daylio_csv": ("daylio", "daylio.csv", write_daylio_csv),
    "daylio_backup": ("daylio", "backup.daylio", write_daylio_backup),
    "glimmers": ("glimmers", "glimmers.json", write_glimmers),
}


def peak_rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _fresh(folder: Path, name: str) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    return open_store(folder / f"{name}.db", folder / f"{name}-backups")


_COLUMNS = (
    "uid, kind, day, created_at, updated_at, deleted_at, touch, sound, sight, smell_taste, "
    "breath_body, feelings, feelings_text, body, tags_text, sketch, pleasantness"
)


def raw_floor(store: Store, source: Store) -> tuple[float, float]:
    """The same rows as ``source`` holds, written with executemany in one transaction:
    entries a second by the clock on the wall and by this process's own CPU time."""
    entries = all_entries(source)
    rows = [
        (e.uid, e.kind, e.day, e.created_at, e.updated_at, e.deleted_at, e.touch, e.sound,
         e.sight, e.smell_taste, e.breath_body, feelings_to_json(e.feelings),
         " ".join(f.word for f in e.feelings), e.body, "\n".join(e.tags), e.sketch,
         e.pleasantness)
        for e in entries
    ]  # fmt: skip
    tags = [(i + 1, t) for i, e in enumerate(entries) for t in e.tags]
    marks = ", ".join("?" * 17)
    started, cpu = time.perf_counter(), time.process_time()
    with store.transaction() as conn:
        conn.executemany(f"INSERT INTO entries (id, {_COLUMNS}) VALUES (NULL, {marks})", rows)
        conn.executemany("INSERT INTO entry_tags (entry_id, tag) VALUES (?, ?)", tags)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return len(rows) / wall, len(rows) / cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="best of this many runs")
    parser.add_argument("--generate", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:  # in a child process, so making the files never counts as import memory
        rng = random.Random(18)
        for _fmt, name, write in FORMATS.values():
            write(Path(args.generate) / name, args.entries, rng)
        return
    per_s: dict[str, float] = {}
    floor: dict[str, float] = {}
    ratio: dict[str, float] = {}
    cpu_per_s: dict[str, float] = {}
    cpu_ratio: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="glimmers-imports-") as temp:
        folder = Path(temp)
        subprocess.run(
            [sys.executable, __file__, "--entries", str(args.entries), "--generate", temp],
            check=True,
        )
        files = {key: (fmt, folder / name) for key, (fmt, name, _write) in FORMATS.items()}
        gc.collect()
        baseline = peak_rss_mb()
        options = ReadOptions(now=dt.datetime.now(dt.timezone.utc))
        for key, (fmt, path) in files.items():
            best = best_floor = best_cpu = best_floor_cpu = 0.0
            for run in range(args.repeat):
                store = _fresh(folder / f"{key}-{run}", "glimmers")
                started, cpu = time.perf_counter(), time.process_time()
                result = import_file(store, path, fmt, options)
                seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
                kept = count_entries(store)
                assert dict(result.added_by_kind)["entries"] == kept > 0, (key, result, kept)
                best, best_cpu = max(best, kept / seconds), max(best_cpu, kept / cpu)
                target = _fresh(folder / f"{key}-{run}-floor", "floor")
                floor_wall, floor_cpu = raw_floor(target, store)
                best_floor, best_floor_cpu = (
                    max(best_floor, floor_wall),
                    max(best_floor_cpu, floor_cpu),
                )
                target.close()
                store.close()
            per_s[key], floor[key] = round(best), round(best_floor)
            ratio[key] = round(best / best_floor, 3)
            cpu_ratio[key] = round(best_cpu / best_floor_cpu, 3)
            cpu_per_s[key] = round(best_cpu)
            print(
                f"{key}: {per_s[key]} entries/s, floor {floor[key]}/s, ratio {ratio[key]}; "
                f"by CPU time {cpu_per_s[key]}/s, ratio {cpu_ratio[key]}"
            )
        peak = peak_rss_mb()
    print(
        json.dumps(
            {
                "entries": args.entries,
                "import_entries_per_s": per_s,
                "raw_floor_entries_per_s": floor,
                "import_ratio": ratio,
                "import_ratio_min": min(ratio.values()),
                "import_entries_per_s_min": min(per_s.values()),
                "import_cpu_entries_per_s": cpu_per_s,
                "import_cpu_ratio_min": min(cpu_ratio.values()),
                "import_rss_mb": round(peak, 1),
                "import_rss_growth_mb": round(peak - baseline, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
