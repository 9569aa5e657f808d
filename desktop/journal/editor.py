"""Writing an entry: a writing surface that asks "What did you notice?", the five senses first.

Feeling words, more words of your own with tags, and the sketch are each one click away, behind
a disclosure; a part that holds something is open. The editor is a view: it emits save and
delete requests and a draft of itself every few seconds while it has unsaved changes; the
journal tab does the storing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.feelings import Feeling, Vocabulary
from desktop.checkin.feelings_picker import FeelingsPicker
from desktop.clock import WallClock, today
from desktop.controls import named
from desktop.journal.entry_extras import EntryExtras, PictureSource
from desktop.journal.sketch_pad import SketchPanel
from desktop.limited_text import LimitedPlainTextEdit, limit_and_tell, refused_message
from desktop.look import FlowLayout, WholeHints, heading
from desktop.store import limits
from desktop.store.journal import (
    IMPRESSION_COUNT,
    SENSES,
    Entry,
    EntryKind,
    check_entry,
    clean_tags,
    entry_kind,
    impressions_entry,
)
from desktop.texts import QT_TRANSLATE_NOOP, translate

AUTOSAVE_MS = 4000
SENSE_HINTS = {
    "touch": QT_TRANSLATE_NOOP("Senses", "Warm, cool, soft, heavy…"),
    "sound": QT_TRANSLATE_NOOP("Senses", "Near or far, loud or quiet…"),
    "sight": QT_TRANSLATE_NOOP("Senses", "Light, colour, movement…"),
    "smell_taste": QT_TRANSLATE_NOOP("Senses", "Anything at all, or nothing"),
    "breath_body": QT_TRANSLATE_NOOP("Senses", "Slow, quick, tight, loose…"),
}


class EntryEditor(QWidget):
    save_requested = Signal(object)  # Entry: the entry as written
    delete_requested = Signal(str)  # the entry's uid
    draft_changed = Signal(object)  # dict: the editor's state (state()), to keep as a draft

    def __init__(
        self,
        vocabulary: Vocabulary,
        wall: WallClock,
        autosave_ms: int = AUTOSAVE_MS,
        parent: QWidget | None = None,
        pictures: PictureSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._wall = wall
        # What came with a saved entry from elsewhere (pictures, a mood in words): read-only.
        self.extras = EntryExtras(pictures)
        self._editing: Entry | None = None
        self._kind: EntryKind = "entry"
        self._dirty = False
        self._loading = False
        self._too_large = False  # an entry shown but not opened: it is larger than a save keeps
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(autosave_ms)

        self.heading = heading(QLabel(), "title")
        self.heading.setObjectName("editor_heading")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.day_edit = named(
            QDateEdit(),
            translate("JournalEditor", "Day"),
            translate("JournalEditor", "The day this entry is about; it can be earlier"),
            object_name="day",
        )
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("d MMMM yyyy")

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_entry_page(vocabulary))
        self.pages.addWidget(self._build_impressions_page())

        self.message = named(
            QLabel(),
            translate("JournalEditor", "Message"),
            object_name="editor_message",
        )
        self.message.setWordWrap(True)
        self.save_button = named(
            QPushButton(translate("JournalEditor", "&Save entry")),
            translate("JournalEditor", "Save entry"),
            object_name="save_entry",
            tooltip=translate("JournalEditor", "Save (Ctrl+S)"),
        )
        self.save_button.setDefault(True)
        self.delete_button = named(
            QPushButton(translate("JournalEditor", "&Delete entry")),
            translate("JournalEditor", "Delete entry"),
            object_name="delete_entry",
            tooltip=translate("JournalEditor", "Moves the entry to the trash; you can undo it"),
        )

        # The day on a line of its own under the heading: beside it, heading and day together
        # were wider than half a laptop screen leaves the editor with text at 150%.
        top = QHBoxLayout()
        day_label = QLabel(translate("JournalEditor", "Da&y"))
        day_label.setBuddy(self.day_edit)
        top.addWidget(day_label)
        top.addWidget(self.day_edit)
        top.addStretch()
        buttons = QHBoxLayout()
        # Delete at the far side from Save: a hurried click on one never lands on the other.
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.request_save)
        self._connect_signals()
        self.start_new("entry")

    # -- building -----------------------------------------------------------------------------

    def _build_entry_page(self, vocabulary: Vocabulary) -> QWidget:
        self.sense_edits: dict[str, QLineEdit] = {}
        senses = QFormLayout()
        for key, source in SENSES:
            label = translate("Senses", source)
            hint = translate("Senses", SENSE_HINTS[key])
            edit = named(QLineEdit(), label, hint, object_name=f"sense_{key}")
            self._limit(edit, label, limits.LINE)
            edit.setPlaceholderText(hint)
            self.sense_edits[key] = edit
            senses.addRow(label, edit)

        self.feelings = FeelingsPicker(vocabulary)

        self.body_edit = LimitedPlainTextEdit(limits.TEXT)
        body_label = translate("JournalEditor", "Anything else")
        self.body_edit.refused.connect(
            lambda length: self.show_message(refused_message(body_label, limits.TEXT, length))
        )
        self.body_edit.over_limit.connect(self._body_over_limit)
        named(
            self.body_edit,
            translate("JournalEditor", "Anything else"),
            translate("JournalEditor", "Anything else you would like to keep, in your own words"),
            object_name="body",
        )
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setPlaceholderText(
            translate("JournalEditor", "Anything else you would like to keep")
        )
        self.body_edit.setMinimumHeight(120)
        self.tags_edit = QLineEdit()
        self._limit(self.tags_edit, translate("JournalEditor", "Tags"), limits.LINE)
        named(
            self.tags_edit,
            translate("JournalEditor", "Tags"),
            translate("JournalEditor", "Separate tags with commas"),
            object_name="tags",
        )
        self.tags_edit.setPlaceholderText(translate("JournalEditor", "walk, morning, music"))
        words = QWidget()
        words.setObjectName("words_section")
        words_form = QFormLayout(words)
        words_form.setContentsMargins(0, 0, 0, 0)
        words_form.addRow(translate("JournalEditor", "In your words"), self.body_edit)
        words_form.addRow(translate("JournalEditor", "Tags"), self.tags_edit)

        self.sketch = SketchPanel()
        self.sketch.setObjectName("sketch_section")
        self.feelings.setObjectName("feelings_section")

        # Each optional part one click away; its content opens below the row of disclosures,
        # so opening one never moves the one beside it.
        self.disclosures: dict[str, Disclosure] = {}
        self.sections: dict[str, QWidget] = {}
        row = FlowLayout(spacing=8)  # onto a second line where large text leaves no room
        for key, text, description, section, focus in (
            (
                "feelings",
                QT_TRANSLATE_NOOP("JournalEditor", "Feeling words"),
                QT_TRANSLATE_NOOP("JournalEditor", "Shows feeling words to choose from"),
                self.feelings,
                self.feelings.first_control,
            ),
            (
                "words",
                QT_TRANSLATE_NOOP("JournalEditor", "Anything else"),
                QT_TRANSLATE_NOOP("JournalEditor", "Shows a place for more words and tags"),
                words,
                self.body_edit,
            ),
            (
                "sketch",
                QT_TRANSLATE_NOOP("JournalEditor", "Sketch"),
                QT_TRANSLATE_NOOP("JournalEditor", "Shows a small pad to draw on"),
                self.sketch,
                self.sketch.pad,
            ),
        ):
            disclosure = Disclosure(
                translate("JournalEditor", text), translate("JournalEditor", description)
            )
            disclosure.setObjectName(f"open_{key}")
            disclosure.toggled.connect(lambda on, k=key, f=focus: self._set_section_open(k, on, f))
            self.disclosures[key] = disclosure
            self.sections[key] = section
            section.hide()
            row.addWidget(disclosure)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(16)
        layout.addLayout(senses)
        WholeHints(senses, content)  # a narrow editor puts each sense's name above its field
        layout.addWidget(self.extras)  # what it brought from another journal
        layout.addLayout(row)
        for section in self.sections.values():
            layout.addWidget(section)
        layout.addStretch()
        self.entry_scroll = QScrollArea()
        self.entry_scroll.setObjectName("entry_scroll")
        self.entry_scroll.setWidgetResizable(True)
        self.entry_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.entry_scroll.setWidget(content)
        return self.entry_scroll

    def _set_section_open(self, key: str, on: bool, focus: QWidget) -> None:
        section = self.sections[key]
        section.setVisible(on)
        if on and not self._loading:
            focus.setFocus()
            self.entry_scroll.ensureWidgetVisible(section)

    def open_section(self, key: str) -> None:
        """Open one optional part ("feelings", "words", "sketch"), its first field in focus."""
        self.disclosures[key].setChecked(True)

    def _open_what_holds_something(self) -> None:
        """A part that holds something is open: nothing kept is out of sight."""
        held = {
            "feelings": bool(self.feelings.feelings()),
            "words": bool(self.body_edit.toPlainText() or self.tags_edit.text()),
            "sketch": not self.sketch.pad.is_empty(),
        }
        for key, holds in held.items():
            if holds and not self.disclosures[key].isChecked():
                self.disclosures[key].setChecked(True)

    def _build_impressions_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.impression_edits: list[QLineEdit] = []
        for number in range(1, IMPRESSION_COUNT + 1):
            label = translate("JournalEditor", "Impression {number}").format(number=number)
            edit = named(
                QLineEdit(),
                label,
                translate("JournalEditor", "One small thing you sensed, in a few words"),
                object_name=f"impression_{number}",
            )
            self._limit(edit, label, limits.LINE)
            edit.setPlaceholderText(translate("JournalEditor", "A few words"))
            self.impression_edits.append(edit)
            form.addRow(label, edit)
        return page

    def _limit(self, edit: QLineEdit, label: str, limit: int) -> None:
        """The store's limit for this field, told to the person when an edit goes over it."""
        limit_and_tell(edit, label, limit, self.show_message)

    def _body_over_limit(self, over: bool) -> None:
        if over:
            self.show_message(
                translate(
                    "JournalEditor",
                    "\u201cAnything else\u201d holds up to {limit} characters and now has "
                    "{length}. Shorten it a little to save.",
                ).format(limit=f"{limits.TEXT:,}", length=f"{self.body_edit.length():,}")
            )
        else:
            self.show_message("")

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.request_save)
        self.delete_button.clicked.connect(self._request_delete)
        self.autosave_timer.timeout.connect(self.flush_draft)
        self.day_edit.dateChanged.connect(self._mark_dirty)
        for edit in [*self.sense_edits.values(), self.tags_edit, *self.impression_edits]:
            edit.textChanged.connect(self._mark_dirty)
        self.body_edit.textChanged.connect(self._mark_dirty)
        self.feelings.changed.connect(self._mark_dirty)
        self.sketch.pad.changed.connect(self._mark_dirty)
        self.body_edit.textChanged.connect(self._open_what_holds_something)
        self.tags_edit.textChanged.connect(self._open_what_holds_something)

    # -- modes --------------------------------------------------------------------------------

    @property
    def kind(self) -> EntryKind:
        return self._kind

    @property
    def editing(self) -> Entry | None:
        return self._editing

    def start_new(self, kind: EntryKind = "entry") -> None:
        self._load(Entry(kind=kind, day=today(self._wall).isoformat()), editing=None)

    def edit(self, entry: Entry) -> bool:
        """Open a saved entry. One that holds more than the store keeps now (kept by an older
        version) is not put in the fields, where a save would cut it: the editor says why and
        offers only to move it to the trash. Returns False then."""
        try:
            check_entry(entry)
        except ValueError as e:
            self._load(Entry(kind=entry.kind, day=entry.day), editing=entry)
            self._too_large = True
            self.pages.setEnabled(False)
            self.save_button.setEnabled(False)
            self.show_message(
                translate(
                    "JournalEditor",
                    "This entry is larger than the editor can open: {reason} It is kept as it "
                    "is, and an export holds all of it. You can move it to the trash here.",
                ).format(reason=e)
            )
            return False
        self._load(entry, editing=entry)
        return True

    def _load(self, entry: Entry, editing: Entry | None) -> None:
        self._loading = True
        self._too_large = False
        self.pages.setEnabled(True)
        self.save_button.setEnabled(True)
        try:
            self._editing = editing
            self._kind = entry.kind
            self.pages.setCurrentIndex(1 if entry.kind == "impressions" else 0)
            # A kept entry open for changes says so, above the same fields a new one has.
            if entry.kind == "impressions":
                self.heading.setText(
                    translate("JournalEditor", "Your three impressions")
                    if editing
                    else translate("JournalEditor", "Three impressions")
                )
                self.hint.setText(
                    translate(
                        "JournalEditor",
                        "Three small things you sensed. A few words each is plenty.",
                    )
                )
            else:
                self.heading.setText(
                    translate("JournalEditor", "What you noticed")
                    if editing
                    else translate("JournalEditor", "What did you notice?")
                )
                self.hint.setText(
                    translate(
                        "JournalEditor",
                        "Start with your senses. Anything counts, "
                        "including \u201cnothing in particular\u201d.",
                    )
                )
            day = dt.date.fromisoformat(entry.day)
            # Up to today; or up to the entry's own day, if the clock has been set back since
            # it was written: the limit must never move a day the person did not change.
            self.day_edit.setMaximumDate(_qdate(max(today(self._wall), day)))
            self.day_edit.setDate(_qdate(day))
            for key, edit in self.sense_edits.items():
                edit.setText(getattr(entry, key))
            self.feelings.set_feelings(entry.feelings)
            self.body_edit.setPlainText(entry.body if entry.kind == "entry" else "")
            self.tags_edit.setText(", ".join(entry.tags))
            self.sketch.pad.load_json(entry.sketch)
            self.extras.show_entry(editing)
            notes = list(entry.impressions) + [""] * IMPRESSION_COUNT
            for edit, note in zip(self.impression_edits, notes, strict=False):
                edit.setText(note)
            self.delete_button.setVisible(editing is not None)
            self.save_button.setText(
                translate("JournalEditor", "&Save changes")
                if editing
                else translate("JournalEditor", "&Save entry")
            )
            for disclosure in self.disclosures.values():
                disclosure.setChecked(False)
            self._open_what_holds_something()
        finally:
            self._loading = False
        self._dirty = False
        self.autosave_timer.stop()
        # Every entry starts at the top, the first sense ready for typing.
        self.entry_scroll.verticalScrollBar().setValue(0)
        self.first_field().setFocus()

    def first_field(self) -> QWidget:
        if self._kind == "impressions":
            return self.impression_edits[0]
        return self.sense_edits["touch"]

    # -- entry and draft state ----------------------------------------------------------------

    def current_entry(self) -> Entry:
        day = self.day_edit.date().toPython()
        assert isinstance(day, dt.date)
        base = self._editing
        if self._kind == "impressions":
            entry = impressions_entry(
                [e.text() for e in self.impression_edits],
                day=day.isoformat(),
                uid=base.uid if base else None,
            )
            if base is not None:  # what this page does not show stays as it was (an import's)
                entry = dataclasses.replace(
                    entry,
                    feelings=base.feelings,
                    tags=base.tags,
                    sketch=base.sketch,
                    **{key: getattr(base, key) for key, _ in SENSES},
                )
        else:
            texts = {key: edit.text() for key, edit in self.sense_edits.items()}
            entry = Entry(
                day=day.isoformat(),
                feelings=self.feelings.feelings(),
                body=self.body_edit.toPlainText(),
                tags=tuple(t for t in self.tags_edit.text().split(",")),
                sketch=self.sketch.pad.to_json(),
                pleasantness=None,
                touch=texts["touch"],
                sound=texts["sound"],
                sight=texts["sight"],
                smell_taste=texts["smell_taste"],
                breath_body=texts["breath_body"],
            )
        if base is not None:
            entry = dataclasses.replace(
                entry, uid=base.uid, created_at=base.created_at, pleasantness=base.pleasantness
            )
        return entry

    def state(self) -> dict[str, Any]:
        entry = self.current_entry()
        return {
            "editing": self._editing.uid if self._editing else None,
            "kind": entry.kind,
            "day": entry.day,
            "senses": {key: getattr(entry, key) for key, _ in SENSES},
            "feelings": [[f.word, f.intensity] for f in entry.feelings],
            "body": entry.body,
            "tags": self.tags_edit.text(),
            "sketch": entry.sketch,
            "created_at": entry.created_at,
        }

    def restore(self, state: dict[str, Any], editing: Entry | None) -> None:
        """Bring back a draft; ``editing`` is the saved entry it was changing, if any."""
        senses = state.get("senses") or {}
        try:
            entry = Entry(
                uid=editing.uid if editing else Entry().uid,
                kind=entry_kind(state.get("kind", "entry")) or "entry",
                day=str(state.get("day") or today(self._wall).isoformat()),
                feelings=tuple(Feeling(str(w), int(i)) for w, i in state.get("feelings", [])),
                body=str(state.get("body", "")),
                tags=(),
                sketch=str(state.get("sketch", "")),
                pleasantness=None,
                created_at=editing.created_at if editing else "",
                touch=str(senses.get("touch", "")),
                sound=str(senses.get("sound", "")),
                sight=str(senses.get("sight", "")),
                smell_taste=str(senses.get("smell_taste", "")),
                breath_body=str(senses.get("breath_body", "")),
            )
            dt.date.fromisoformat(entry.day)
        except (TypeError, ValueError):
            self.show_message(
                translate("JournalEditor", "That draft could not be read, so it was left aside.")
            )
            return
        self._load(entry, editing=editing)
        self.tags_edit.setText(str(state.get("tags", "")))
        self._mark_dirty()
        try:  # a draft from an older version may hold more than a save keeps: say so now
            check_entry(entry)
        except ValueError as e:
            self.show_message(str(e))

    def holds_writing(self) -> bool:
        """True when the editor holds anything a person wrote, chose or drew."""
        return not self.current_entry().is_blank() or bool(self.tags_edit.text().strip())

    def has_unsaved(self) -> bool:
        """True when the editor holds writing that a save would keep and that is not kept:
        an empty new entry has none, nor an entry changed and changed back."""
        if not self._dirty or self._too_large:
            return False
        if self._editing is None:
            return self.holds_writing()
        return _content(self.current_entry()) != _content(self._editing)

    def _mark_dirty(self) -> None:
        if self._loading:
            return
        self._dirty = True
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def flush_draft(self) -> None:
        """Hand the current state over as a draft now (the timer, or the window closing)."""
        self.autosave_timer.stop()
        if self._dirty:
            self.draft_changed.emit(self.state())

    # -- results from the owner ---------------------------------------------------------------

    def request_save(self) -> None:
        if self._too_large:  # its fields are not in the editor: a save would replace it
            return
        self.save_requested.emit(self.current_entry())

    def _request_delete(self) -> None:
        if self._editing is not None:
            self.delete_requested.emit(self._editing.uid)

    def saved(self, entry: Entry) -> None:
        self.start_new(self._kind if self._editing is None else "entry")
        if entry.day == today(self._wall).isoformat():
            self.show_message(translate("JournalEditor", "Saved, for today."))
        else:
            day = QLocale().toString(_qdate(dt.date.fromisoformat(entry.day)))
            self.show_message(translate("JournalEditor", "Saved, for {day}.").format(day=day))

    def show_message(self, text: str) -> None:
        self.message.setText(text)


def _content(entry: Entry) -> tuple[object, ...]:
    """What a person can change in an entry, to tell whether anything was changed."""
    try:
        tags: tuple[str, ...] = clean_tags(entry.tags)
    except ValueError:
        tags = tuple(entry.tags)  # too long to keep: certainly not what was saved
    return (
        entry.kind,
        entry.day,
        *(getattr(entry, key) for key, _ in SENSES),
        entry.feelings,
        entry.body,
        tags,
        entry.sketch,
    )


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def chevron(colour: QColor, size: int, open_: bool) -> QIcon:
    """A soft chevron, pointing on (closed) or down (open), drawn in ``colour``."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, max(1.5, size / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    near, mid, far = size * 0.3, size * 0.5, size * 0.7
    if open_:
        points = [QPointF(near - 1, near + 1), QPointF(mid, far), QPointF(far + 1, near + 1)]
    else:
        points = [QPointF(near + 1, near - 1), QPointF(far, mid), QPointF(near + 1, far + 1)]
    painter.drawPolyline(points)
    painter.end()
    return QIcon(pixmap)


class Disclosure(QToolButton):
    """A quiet button that shows or hides one optional part of the entry.

    Its chevron is drawn in the palette's colours, the accent while the part is open (Qt's own
    arrow is a black triangle in every theme), and drawn again when light or dark changes.
    """

    def __init__(self, text: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        named(self, text, description)
        self.toggled.connect(self._show_state)
        self._show_state(False)

    def chevron_colour(self) -> QColor:
        role = QPalette.ColorRole.Highlight if self.isChecked() else QPalette.ColorRole.Mid
        return self.palette().color(role)

    def _show_state(self, on: bool) -> None:
        size = max(12, self.fontMetrics().height() * 3 // 4)
        self.setIconSize(QSize(size, size))
        self.setIcon(chevron(self.chevron_colour(), size, on))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._show_state(self.isChecked())
