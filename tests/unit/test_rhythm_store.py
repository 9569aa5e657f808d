"""Glimmers, rhythm answers, invitations and pace findings as stored: their own kinds of record."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop.store import Store, open_store
from desktop.store import glimmers as glimmer_store
from desktop.store import invitations as invitation_store
from desktop.store import pace as pace_store
from desktop.store import rhythm as rhythm_store
from desktop.store.exchange import ImportProblem, export, parse_json, write_batch
from desktop.store.kinds import KINDS
from desktop.store.timeline import TimelinePager, search_everything
from tests.helpers import FakeWallClock

TODAY = dt.date(2026, 11, 28)


def test_a_glimmer_is_kept_at_once_with_its_sense_and_place(store: Store) -> None:
    kept = glimmer_store.keep_glimmer(store, "  warm mug   in cold hands ", "touch", "hands")
    assert kept.text == "warm mug in cold hands"
    assert kept.day == "2026-11-28"
    assert kept.where() == "Touch and temperature · Hands"
    assert glimmer_store.get_glimmer(store, kept.uid) == kept


@pytest.mark.parametrize(
    ("text", "sense", "region", "message"),
    [
        ("   ", "", "", "A few words are enough"),
        ("x" * 201, "", "", "up to 200 characters"),
        ("fine", "smellovision", "", "not one of the senses"),
        ("fine", "", "elbow", "not a place on the body map"),
    ],
)
def test_a_glimmer_that_cannot_be_kept_says_why_and_writes_nothing(
    store: Store, text: str, sense: str, region: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        glimmer_store.keep_glimmer(store, text, sense, region)
    assert glimmer_store.all_glimmers(store) == []


def test_glimmers_page_newest_first_and_offer_the_past(store: Store, wall: FakeWallClock) -> None:
    uids = []
    for number in range(5):
        uids.append(glimmer_store.keep_glimmer(store, f"glimmer {number}").uid)
        wall.advance(86400)
    first = glimmer_store.glimmers_page(store, limit=3)
    assert [g.text for g in first.glimmers] == ["glimmer 4", "glimmer 3", "glimmer 2"]
    assert first.cursor is not None
    rest = glimmer_store.glimmers_page(store, first.cursor, limit=3)
    assert [g.text for g in rest.glimmers] == ["glimmer 1", "glimmer 0"]
    assert rest.cursor is None
    assert glimmer_store.count_before(store, "2026-11-30") == 2
    found = glimmer_store.nth_before(store, "2026-11-30", 1)
    assert found is not None and found.text == "glimmer 1"
    glimmer_store.trash_glimmer(store, uids[1])
    assert glimmer_store.count_before(store, "2026-11-30") == 1
    glimmer_store.restore_glimmer(store, uids[1])
    assert glimmer_store.count_before(store, "2026-11-30") == 2


def test_an_anchor_has_one_answer_a_day_and_days_without_leave_nothing(
    store: Store, wall: FakeWallClock
) -> None:
    rhythm_store.answer_anchor(store, "move", "Move a little", "smaller")
    changed = rhythm_store.answer_anchor(store, "move", "Move a little", "done")
    rhythm_store.answer_anchor(store, "eat", "Eat something", "let_go")
    answers = rhythm_store.answers_on(store, TODAY)
    assert {k: a.answer for k, a in answers.items()} == {"move": "done", "eat": "let_go"}
    assert answers["move"].uid == changed.uid
    wall.advance(3 * 86400)  # three quiet days, then back
    rhythm_store.answer_anchor(store, "move", "Move a little", "done")
    assert rhythm_store.days_came_back(store, TODAY + dt.timedelta(days=3)) == [
        TODAY + dt.timedelta(days=3),
        TODAY,
    ]
    rows = store.conn.execute("SELECT day, answer FROM rhythm_answers ORDER BY id").fetchall()
    assert rows == [("2026-11-28", "done"), ("2026-11-28", "let_go"), ("2026-12-01", "done")]
    with pytest.raises(ValueError, match="done, made smaller, or let go"):
        rhythm_store.answer_anchor(store, "move", "Move a little", "missed")


def test_invitations_and_pace_findings_keep_what_they_ended_in(store: Store) -> None:
    taken = invitation_store.keep_invitation(
        store,
        invitation_store.TakenInvitation(
            "walk", "A mindful walk", minutes=10, ended_in="impressions", ending_uid="e1"
        ),
    )
    assert taken.describe() == "A mindful walk, 10 minutes, ending in three impressions"
    assert invitation_store.recent_invitations(store) == [taken]
    with pytest.raises(ValueError):
        invitation_store.keep_invitation(
            store, invitation_store.TakenInvitation("walk", "A walk", ended_in="shrug")
        )
    finding = pace_store.save_finding(
        store, pace_store.PaceFinding(((6.5, "fine"), (6.0, "easy")), chosen_rate=6.0)
    )
    assert finding.describe() == ("Your comfortable pace: 6 breaths a minute felt most comfortable")
    kept = pace_store.save_finding(
        store, pace_store.PaceFinding(finding.steps, 6.0, kept=True, uid=finding.uid)
    )
    assert pace_store.all_findings(store) == [kept]
    assert kept.describe().endswith("kept as your own pattern")
    with pytest.raises(ValueError):
        pace_store.save_finding(store, pace_store.PaceFinding(((6.5, "fine"),), chosen_rate=5.0))


def test_every_new_kind_is_in_the_timeline_and_search(store: Store, wall: FakeWallClock) -> None:
    glimmer_store.keep_glimmer(store, "sun on the kettle", "sight")
    wall.advance(60)
    rhythm_store.answer_anchor(store, "move", "Move a little", "done")
    wall.advance(60)
    invitation_store.keep_invitation(
        store, invitation_store.TakenInvitation("warm", "Something warm to hold")
    )
    wall.advance(60)
    pace_store.save_finding(store, pace_store.PaceFinding(((5.5, "easy"),), 5.5))
    items = TimelinePager(store).next_page(20)
    assert [i.kind for i in items] == ["pace", "invitation", "rhythm", "glimmer"]
    assert items[3].summary == "sun on the kettle · Sight"
    for words, kind in (
        ("kettle", "glimmer"),
        ("sight", "glimmer"),
        ("move", "rhythm"),
        ("warm", "invitation"),
        ("comfortable pace", "pace"),
    ):
        assert [i.kind for i in search_everything(store, words)] == [kind], words
    only = TimelinePager(store, kinds=["glimmer"]).next_page(20)
    assert [i.kind for i in only] == ["glimmer"]


def test_each_kind_goes_out_and_comes_back_as_it_was(store: Store) -> None:
    glimmer_store.keep_glimmer(store, "a cat's warm weight", "touch", "legs")
    glimmer_store.keep_glimmer(store, "just light")
    rhythm_store.answer_anchor(store, "eat", "Eat something", "smaller")
    invitation_store.keep_invitation(
        store, invitation_store.TakenInvitation("colour", "A colour nearby", ended_in="glimmer")
    )
    invitation_store.keep_invitation(
        store, invitation_store.TakenInvitation("walk", "A mindful walk", minutes=7.5)
    )
    pace_store.save_finding(store, pace_store.PaceFinding(((5.0, "fine"),), 5.0))
    before = {kind.key: kind.portable.read(store.conn) for kind in KINDS}
    document = json.loads(export(store, "json"))
    assert [g["text"] for g in document["glimmers"]] == ["a cat's warm weight", "just light"]
    assert document["glimmers"][1]["sense"] is None
    assert document["rhythm_answers"][0]["answer"] == "smaller"
    assert document["pace_findings"][0]["steps"] == [{"breaths_a_minute": 5.0, "comfort": "fine"}]
    again = parse_json(json.dumps(document))
    assert {key: again.get(key, []) for key in before} == before
    result = write_batch(store, again)
    assert result.added == 0  # the same ids: nothing twice
    markdown = export(store, "markdown")
    assert "a cat's warm weight" in markdown and "Eat something: a smaller version" in markdown
    assert "A mindful walk, 8 minutes" in markdown
    table = export(store, "csv")
    assert "glimmer" in table and "rhythm" in table and "pace" in table


def test_an_export_of_the_everyday_half_imports_into_another_journal(
    store: Store, tmp_path: Path
) -> None:
    glimmer_store.keep_glimmer(store, "steam from the kettle", "sight")
    rhythm_store.answer_anchor(store, "move", "Move a little", "done")
    text = export(store, "json")
    other = open_store(tmp_path / "other.db", tmp_path / "backups", FakeWallClock())
    try:
        rhythm_store.answer_anchor(other, "move", "Move a little", "let_go")  # that day's own
        result = write_batch(other, parse_json(text))
        assert [g.text for g in glimmer_store.all_glimmers(other)] == ["steam from the kettle"]
        # The day's anchor answered here already keeps its own answer.
        assert [a.answer for a in rhythm_store.all_answers(other)] == ["let_go"]
        assert result.added == 1 and result.already_there == 1
    finally:
        other.close()


def _record(**fields: object) -> dict[str, object]:
    return {"id": "r1", "day": "2026-11-28", "created_at": "2026-11-28T12:00:00", **fields}


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("glimmers", [], "is not a record"),
        ("glimmers", {"id": "g", "day": "2026-11-28", "created_at": "x"}, "date and time"),
        ("glimmers", _record(text="ok", sense="sixth"), "should be one of"),
        ("glimmers", _record(text="x" * 201), "up to 200 characters"),
        ("rhythm_answers", {"id": "a", "day": "someday"}, "should be a date"),
        (
            "rhythm_answers",
            _record(anchor="move", anchor_name="Move", answer="missed"),
            "should be one of",
        ),
        ("invitations", _record(invitation="walk", title="A walk", minutes=-3), "from 0 to 120"),
        ("pace_findings", _record(steps=[{"breaths_a_minute": 60, "comfort": "easy"}]), "3 to 10"),
        ("pace_findings", _record(steps=4), "should be a list"),
    ],
)
def test_a_bad_imported_record_is_explained(key: str, raw: object, message: str) -> None:
    document = {"format": "glimmers-journal", "version": 3, "entries": [], key: [raw]}
    with pytest.raises(ImportProblem, match=message):
        parse_json(json.dumps(document))


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("glimmers", _record(text="   "), "A few words"),
        ("rhythm_answers", _record(anchor="move", anchor_name=" ", answer="done"), "short name"),
        ("invitations", _record(invitation="walk", title=" "), "needs its name"),
        (
            "pace_findings",
            _record(
                steps=[{"breaths_a_minute": 6, "comfort": "easy"}],
                comfortable_breaths_a_minute=5,
            ),
            "one of the paces tried",
        ),
    ],
)
def test_an_imported_record_the_store_would_refuse_writes_nothing(
    store: Store, key: str, raw: object, message: str
) -> None:
    document = {"format": "glimmers-journal", "version": 3, "entries": [], key: [raw]}
    with pytest.raises(ImportProblem, match=message):
        write_batch(store, parse_json(json.dumps(document)))
    assert export(store, "json").count('"id"') == 0
