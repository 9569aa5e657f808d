"""Guards against a broken Qt binding release, which would crash the app after a while."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize


def test_void_calls_keep_the_reference_count_of_none() -> None:
    # PySide6 6.12.0 released a reference to None on every call of a method returning nothing;
    # after a few minutes of animation Python aborted with "deallocating None". See pyproject.
    size = QSize(1, 2)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        size.setWidth(3)
    assert sys.getrefcount(None) >= before - 100
