"""Run as a script, with QT_SCALE_FACTOR set: paints a pacer holding its breath onto magenta
at ten widget sizes, and prints how many device pixels are still magenta. A widget that paints
all its pixels (WA_OpaquePaintEvent) leaves none: on screen, any left would keep an older
frame."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from desktop.breathe.pacer import BreathSession
from desktop.breathe.pacer_widget import PacerWidget
from desktop.breathe.patterns import BOX
from tests.helpers import FakeClock


def unpainted(width: int, height: int) -> int:
    clock = FakeClock()
    session = BreathSession(BOX, clock, minutes=1)
    session.start()
    clock.set(clock.now() + 5.0)  # a second into the hold at the top of the breath
    pacer = PacerWidget()
    pacer.resize(width, height)
    pacer.set_session(session)
    ratio = pacer.devicePixelRatioF()
    magenta = QColor("magenta")
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(magenta)
    pacer.render(image)
    left = magenta.rgb()
    return sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == left
    )


if __name__ == "__main__":
    app = QApplication([])
    print(sum(unpainted(width, width - 17) for width in range(300, 310)))
