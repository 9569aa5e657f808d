"""What a saved entry brought with it from another journal: its pictures (a sketch among them
marked as a sketch) and, where that app kept a mood, how pleasant it felt, in words.

Self-contained: the editor gives it the entry it shows and places it where it likes. It reads
the pictures through a function it is handed, so it knows nothing of the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.controls import named
from desktop.store.journal import Entry
from desktop.store.pictures import Picture
from desktop.store.records import pleasantness_words
from desktop.texts import translate

PictureSource = Callable[[str], Sequence[Picture]]  # an entry's uid: its pictures, in order
THUMBNAIL = QSize(128, 96)
VIEWER = QSize(900, 680)


def read_image(data: bytes, fit: QSize | None = None, grow: bool = False) -> QImage:
    """The picture, decoded at no more than ``fit`` (JPEGs decode smaller directly); with
    ``grow``, a smaller one is scaled up to fit too."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a photo's own orientation tag
    size = reader.size()
    too_big = size.width() > fit.width() or size.height() > fit.height() if fit else False
    if fit is not None and size.isValid() and not size.isEmpty() and (too_big or grow):
        reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return image


def picture_name(picture: Picture, number: int, count: int) -> str:
    if picture.is_sketch:
        return translate("JournalExtras", "Sketch {number} of {count}").format(
            number=number, count=count
        )
    return translate("JournalExtras", "Picture {number} of {count}").format(
        number=number, count=count
    )


class PictureViewer(QDialog):
    """One picture, as large as fits, with a way to close it."""

    def __init__(self, picture: Picture, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("picture_viewer")
        self.setWindowTitle(name)
        self.image_label = named(
            QLabel(), name, translate("JournalExtras", "A picture kept with this entry")
        )
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image = read_image(picture.data, VIEWER)
        if image.isNull():
            self.image_label.setText(
                translate(
                    "JournalExtras", "Glimmers cannot show this kind of picture ({kind})."
                ).format(kind=picture.media_type)
            )
        else:
            self.image_label.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(
            buttons.button(QDialogButtonBox.StandardButton.Close),
            translate("JournalExtras", "Close"),
            translate("JournalExtras", "Closes the picture"),
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(
            min(VIEWER.width(), max(320, image.width() + 48)),
            min(VIEWER.height(), max(240, image.height() + 96)),
        )


class EntryExtras(QWidget):
    """Hidden unless the entry it shows has pictures or a mood kept from elsewhere."""

    def __init__(
        self, pictures: PictureSource | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("entry_extras")
        self._source = pictures
        self._pictures: list[Picture] = []
        self.viewer: PictureViewer | None = None
        self.mood_label = QLabel()
        self.mood_label.setObjectName("entry_mood")
        self.mood_label.setWordWrap(True)
        self.buttons: list[QToolButton] = []
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mood_label)
        layout.addLayout(self._row)
        self.show_entry(None)

    def show_entry(self, entry: Entry | None) -> None:
        """Show what came with ``entry`` (None: a new entry, so nothing)."""
        if entry is not None and entry.pleasantness is not None:
            self.mood_label.setText(
                translate("JournalExtras", "You noted this felt {words}.").format(
                    words=pleasantness_words(entry.pleasantness)
                )
            )
            self.mood_label.show()
        else:
            self.mood_label.clear()
            self.mood_label.hide()
        pictures = list(self._source(entry.uid)) if entry is not None and self._source else []
        self._show_pictures(pictures)
        self.setVisible(bool(pictures) or self.mood_label.isVisibleTo(self))

    def _show_pictures(self, pictures: list[Picture]) -> None:
        for button in self.buttons:
            self._row.removeWidget(button)
            button.hide()  # at once: the deletion itself waits for the event loop
            button.deleteLater()
        self.buttons = []
        self._pictures = pictures
        for number, picture in enumerate(pictures, start=1):
            name = picture_name(picture, number, len(pictures))
            button = named(
                QToolButton(),
                name,
                translate("JournalExtras", "Opens the picture larger"),
                object_name=f"entry_picture_{number}",
                tooltip=name,
            )
            image = read_image(picture.data, THUMBNAIL, grow=True)
            if image.isNull():
                button.setText(name)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            else:
                button.setIcon(QIcon(QPixmap.fromImage(image)))
                button.setIconSize(THUMBNAIL)
                button.setText(name)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.clicked.connect(lambda _=False, i=number - 1: self.open_picture(i))
            self._row.insertWidget(self._row.count() - 1, button)
            button.show()  # now, not when the event loop next runs
            self.buttons.append(button)

    def open_picture(self, index: int) -> PictureViewer:
        picture = self._pictures[index]
        if self.viewer is not None:
            self.viewer.close()
            self.viewer.deleteLater()
        self.viewer = PictureViewer(
            picture, picture_name(picture, index + 1, len(self._pictures)), self
        )
        self.viewer.open()
        return self.viewer
