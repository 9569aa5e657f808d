"""Render the app icon (resources/icons/glimmers.svg) to the PNG sizes desktops ask for.

    python packaging/linux/make_icons.py OUT_DIR
writes OUT_DIR/hicolor/<size>x<size>/apps/org.example.Glimmers.png, the scalable SVG beside
them, and OUT_DIR/glimmers.ico for Windows. Build output: not committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.example.Glimmers"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parents[2] / "resources" / "icons" / "glimmers.svg"


def render(out: Path) -> list[Path]:
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
        if size == 256:  # the Windows installer's icon
            image.save(str(out / "glimmers.ico"), "ICO")
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    return written


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    for path in render(Path(sys.argv[1])):
        print(path)
