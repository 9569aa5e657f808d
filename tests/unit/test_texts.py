"""Counted texts: the count is written as every other number the app shows, grouped by
thousands ("Imported 50,000 journal entries", not "50000"), with or without Qt's translator."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop import texts
from desktop.texts import translate


@pytest.fixture(params=["as written", "Qt"])
def backend(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[None]:
    texts.use(QCoreApplication.translate if request.param == "Qt" else None)
    yield
    texts.use(None)


@pytest.mark.usefixtures("backend")
@pytest.mark.parametrize(
    ("n", "shown"),
    [
        (1, "1 journal entry"),
        (3, "3 journal entries"),
        (999, "999 journal entries"),
        (50_000, "50,000 journal entries"),
        (1_234_567, "1,234,567 journal entries"),
    ],
)
def test_a_count_is_grouped_by_thousands(n: int, shown: str) -> None:
    assert translate("Store", "%n journal entr(y|ies)", None, n) == shown


@pytest.mark.usefixtures("backend")
def test_only_the_count_is_grouped() -> None:
    text = translate("Test", "%n of 10000 left (year 2026)", None, 10000)
    assert text == "10,000 of 10000 left (year 2026)"
