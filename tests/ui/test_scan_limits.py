"""A music file whose tags are longer than the store keeps stops the scan with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.listen.scanner import ScanJob
from desktop.store import Store, limits
from desktop.store.listening import count_tracks
from tests.audio import convert, have_sox, make_wav, tag
from tests.helpers import InlineScans


@pytest.mark.skipif(not have_sox(), reason="needs sox to write a tagged file")
def test_a_title_over_the_limit_is_refused_with_a_message(
    qtbot: QtBot, store: Store, scans: InlineScans, tmp_path: Path
) -> None:
    wav = make_wav(tmp_path / "plain.wav", seconds=1)
    tag(convert(wav, tmp_path / "odd.ogg"), "t" * (limits.TRACK_TEXT + 1))
    job = ScanJob([tmp_path / "odd.ogg"], store, start=scans)
    with qtbot.waitSignal(job.failed) as failed:
        job.start()
    assert (
        "odd.ogg" in failed.args[0] and "\u201cTitle\u201d can hold up to 2,000" in failed.args[0]
    )
    assert count_tracks(store) == 0
