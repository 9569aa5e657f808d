"""Loads the shared vocabularies from resources/ once per call site that needs them."""

from __future__ import annotations

from desktop.checkin.feelings import Vocabulary
from desktop.resources import read_text


def load_feelings() -> Vocabulary:
    return Vocabulary.parse(read_text("feelings.txt"))
