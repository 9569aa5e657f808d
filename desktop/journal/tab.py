"""The Journal tab: the timeline with search on the left, the writing surface on the right.

Writing is never lost on the way: moving away from unsaved writing (to another entry, a new
one, or out of the app) keeps it as a draft of that entry, one draft per entry being written,
and coming back to the entry brings it back. An empty draft is never kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.feelings import Vocabulary
from desktop.clock import WallClock, today
from desktop.controls import named
from desktop.journal.editor import AUTOSAVE_MS, EntryEditor
from desktop.journal.timeline import ITEM_ROLE, TimelineDelegate, TimelineModel
from desktop.local_format import day_and_time, day_label
from desktop.store import Store, WriteFailed
from desktop.store.items import TimelineItem, waiting_for_more
from desktop.store.journal import KINDS as ENTRY_KINDS
from desktop.store.journal import (
    Draft,
    Entry,
    EntryKind,
    all_tags,
    discard_draft,
    entry_kind,
    get_entry,
    load_drafts,
    restore_entry,
    save_draft,
    save_entry,
    trash_entry,
)
from desktop.store.kinds import shown_on_timeline, timeline_tables
from desktop.store.pictures import pictures_of
from desktop.store.timeline import SearchPager, TimelinePager
from desktop.store_signals import StoreSignals
from desktop.texts import QT_TRANSLATE_NOOP, translate

NEW_DRAFT = "journal-new"  # the draft of the entry being written that is not saved yet
EDIT_DRAFT = "journal-edit:"  # + an entry's uid: the draft of changes to that entry
OLD_DRAFT = "journal-editor"  # the single draft of earlier versions, whichever entry it was


def draft_key(uid: str | None, kind: EntryKind = "entry") -> str:
    """The draft that belongs to the entry ``uid``, or to a new entry of this kind (None)."""
    if uid is not None:
        return EDIT_DRAFT + uid
    return NEW_DRAFT if kind == "entry" else f"{NEW_DRAFT}:{kind}"


def _draft_target(draft: Draft) -> str | None:
    """The uid of the entry a draft changes; None for a new entry."""
    if draft.key.startswith(EDIT_DRAFT):
        return draft.key[len(EDIT_DRAFT) :]
    editing = draft.content.get("editing") if draft.key == OLD_DRAFT else None
    return editing if isinstance(editing, str) else None


def _kind_of(draft: Draft) -> EntryKind:
    return entry_kind(draft.content.get("kind", "entry")) or "entry"


def _holds_writing(content: dict[str, object]) -> bool:
    """True when a draft holds anything written, chosen or drawn."""
    senses = content.get("senses")
    texts = list(senses.values()) if isinstance(senses, dict) else []
    texts += [content.get("body"), content.get("tags"), content.get("sketch")]
    return any(isinstance(t, str) and t.strip() for t in texts) or bool(content.get("feelings"))


# "Everything", then one filter per kind of timeline row in the store's registry.
KIND_FILTERS: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    (QT_TRANSLATE_NOOP("JournalTab", "Everything"), None),
    *((shown.filter_label, (shown.item_kind,)) for shown in shown_on_timeline()),
)


class Banner(QFrame):
    """A quiet strip with a message and a couple of buttons, shown above the timeline."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.buttons = QHBoxLayout()
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addLayout(self.buttons)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def add_button(self, text: str, accessible: str, description: str) -> QPushButton:
        button = named(QPushButton(text), accessible, description)
        self.buttons.addWidget(button)
        return button


class JournalTab(QWidget):
    def __init__(
        self,
        store: Store,
        signals: StoreSignals,
        vocabulary: Vocabulary,
        wall: WallClock,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__()
        self.setObjectName("journal_tab")
        self._store = store
        self._signals = signals
        self._wall = wall
        self._trashed_uid: str | None = None

        self.search_edit = named(
            QLineEdit(),
            translate("JournalTab", "Search your journal"),
            translate("JournalTab", "Finds everything you have kept as you type, newest first"),
            object_name="journal_search",
        )
        self.search_edit.setPlaceholderText(translate("JournalTab", "Search (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.filters_button = named(
            QToolButton(),
            translate("JournalTab", "Show only…"),
            translate("JournalTab", "Shows one kind of record, or one tag"),
            object_name="show_filters",
        )
        self.filters_button.setText(translate("JournalTab", "Show only…"))
        self.filters_button.setCheckable(True)
        self.filters_button.setAutoRaise(True)
        self.kind_filter = named(
            QComboBox(),
            translate("JournalTab", "Show kinds"),
            translate("JournalTab", "Shows one kind of record, or everything"),
            object_name="kind_filter",
        )
        for label, kinds in KIND_FILTERS:
            self.kind_filter.addItem(translate("JournalTab", label), kinds)
        self.tag_filter = named(
            QComboBox(),
            translate("JournalTab", "Show tag"),
            translate("JournalTab", "Shows only records with this tag"),
            object_name="tag_filter",
        )
        self.filters = QWidget()
        self.filters.setObjectName("filters")

        self.model = TimelineModel(vocabulary, wall)
        self.timeline = named(
            QListView(),
            translate("JournalTab", "Timeline"),
            translate("JournalTab", "Everything you have kept, newest first"),
            object_name="timeline",
        )
        self.timeline.setModel(self.model)
        self.timeline.setItemDelegate(TimelineDelegate(self.timeline))
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.timeline.setWordWrap(True)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("timeline_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.new_button = named(
            QPushButton(translate("JournalTab", "&New entry")),
            translate("JournalTab", "New entry"),
            object_name="new_entry",
            tooltip=translate("JournalTab", "Ctrl+N"),
        )
        self.impressions_button = named(
            QPushButton(translate("JournalTab", "Three &impressions")),
            translate("JournalTab", "Three impressions"),
            translate("JournalTab", "Starts an entry of three small things you sensed"),
            object_name="new_impressions",
        )

        self.draft_banner = Banner("draft_banner")
        self.discard_draft_button = self.draft_banner.add_button(
            translate("JournalTab", "Discard it"),
            translate("JournalTab", "Discard it"),
            translate("JournalTab", "Lets this unsaved writing go and starts afresh"),
        )
        self.open_draft_button = self.draft_banner.add_button(
            translate("JournalTab", "Open it"),
            translate("JournalTab", "Open it"),
            translate("JournalTab", "Opens the entry with your unsaved changes"),
        )
        self.day_banner = Banner("day_banner")
        self.newest_button = self.day_banner.add_button(
            translate("JournalTab", "Show the &newest"),
            translate("JournalTab", "Show the newest"),
            translate("JournalTab", "Shows everything again, newest first"),
        )
        self.undo_banner = Banner("undo_banner")
        self.undo_button = self.undo_banner.add_button(
            translate("JournalTab", "&Undo"),
            translate("JournalTab", "Undo delete"),
            translate("JournalTab", "Brings the entry back from the trash"),
        )

        self.editor = EntryEditor(
            vocabulary, wall, autosave_ms=autosave_ms, pictures=lambda uid: pictures_of(store, uid)
        )
        self._offered: Draft | None = None  # the draft of another entry the banner offers

        filters = QHBoxLayout(self.filters)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.tag_filter, 1)
        self.filters.hide()
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button)
        new_row.addWidget(self.impressions_button)
        new_row.addStretch()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.filters_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addLayout(new_row)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.day_banner)
        left_layout.addWidget(self.undo_banner)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.timeline, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.draft_banner)
        right_layout.addWidget(self.editor, 1)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

        for keys, slot in (
            (QKeySequence.StandardKey.Find, self._focus_search),
            (QKeySequence.StandardKey.New, self.new_entry),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self._connect_signals()
        self._reload_tags()
        self.apply_filters()
        self._come_back_to(None)
        if self._offered is None and not self.draft_banner.isVisible():
            self._offer_other_draft()

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self.apply_filters)
        self.filters_button.toggled.connect(self._show_filters)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.tag_filter.currentIndexChanged.connect(self.apply_filters)
        self.timeline.activated.connect(self._open_index)
        self.timeline.clicked.connect(self._open_index)
        self.model.finished.connect(self._show_empty_hint)
        self.model.modelReset.connect(self._show_empty_hint)
        self.model.rowsInserted.connect(self._show_empty_hint)
        self.new_button.clicked.connect(self.new_entry)
        self.impressions_button.clicked.connect(self.new_impressions)
        self.editor.save_requested.connect(self._save)
        self.editor.delete_requested.connect(self._delete)
        self.editor.draft_changed.connect(self._keep_draft)
        self.discard_draft_button.clicked.connect(self._discard_draft)
        self.open_draft_button.clicked.connect(self._open_offered)
        self.undo_button.clicked.connect(self._undo_delete)
        self.newest_button.clicked.connect(self.apply_filters)
        self._signals.changed.connect(self._on_store_changed)

    # -- the timeline and search --------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _show_filters(self, on: bool) -> None:
        self.filters.setVisible(on)
        if on:
            self.kind_filter.setFocus()
        else:  # hidden filters do not go on filtering out of sight
            self.kind_filter.setCurrentIndex(0)
            self.tag_filter.setCurrentIndex(0)

    def show_day(self, day: str) -> None:
        """Show the timeline from ``day`` back: that day's items first (asked by Over time)."""
        for widget in (self.search_edit, self.kind_filter, self.tag_filter):
            widget.blockSignals(True)
        self.search_edit.clear()
        self.kind_filter.setCurrentIndex(0)
        self.tag_filter.setCurrentIndex(0)
        for widget in (self.search_edit, self.kind_filter, self.tag_filter):
            widget.blockSignals(False)
        self.model.set_source(TimelinePager(self._store, from_day=day))
        self.day_banner.show_message(
            translate("JournalTab", "From {day}, and the days before it.").format(
                day=day_label(day, today(self._wall))
            )
        )
        self._show_empty_hint()
        if self.model.rowCount() > 1:
            self.timeline.setCurrentIndex(self.model.index(1))  # the day's first item
        self.timeline.setFocus()

    def apply_filters(self) -> None:
        """Show the timeline, or what matches the search, with the filters chosen. Each
        keystroke searches at once: a page of results costs a few milliseconds however large
        the journal (desktop/store/timeline.py)."""
        self.day_banner.hide()
        kinds = self.kind_filter.currentData()
        tag = self.tag_filter.currentData()
        text = self.search_edit.text()
        if text.strip():
            self.model.set_source(SearchPager(self._store, text, kinds=kinds, tag=tag))
        else:
            self.model.set_source(TimelinePager(self._store, kinds=kinds, tag=tag))
        self._show_empty_hint()

    def _show_empty_hint(self) -> None:
        text = self.search_edit.text().strip()
        filtered = self.kind_filter.currentData() is not None or bool(self.tag_filter.currentData())
        if self.model.rowCount() > 0:
            hint = ""
        elif text and waiting_for_more(text):
            hint = translate("JournalTab", "Type a little more to search.")
        elif not self.model.exhausted:
            hint = translate("JournalTab", "Looking…")
        elif text:
            hint = translate("JournalTab", "Nothing found for \u201c{words}\u201d.").format(
                words=text
            )
        elif filtered:
            hint = translate("JournalTab", "Nothing here with this choice yet.")
        else:
            hint = translate(
                "JournalTab", "Nothing here yet. What you keep will show up here, newest first."
            )
        self.empty_label.setText(hint)
        self.empty_label.setVisible(bool(hint))

    def _reload_tags(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(translate("JournalTab", "All tags"), None)
        for tag in all_tags(self._store):
            self.tag_filter.addItem(f"#{tag}", tag)
        index = self.tag_filter.findData(current)
        self.tag_filter.setCurrentIndex(max(0, index))
        self.tag_filter.blockSignals(False)

    def _on_store_changed(self, table: str) -> None:
        if table in timeline_tables():
            self._reload_tags()
            self.apply_filters()

    def _open_index(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE)
        if not isinstance(item, TimelineItem) or item.kind not in ENTRY_KINDS:
            return
        editing = self.editor.editing
        if editing is not None and editing.uid == item.uid:
            return  # it is open already, with whatever is being written in it
        entry = get_entry(self._store, item.uid)
        if entry is None or not self._leave_current():
            return
        if self.editor.edit(entry):
            self.editor.show_message("")
            self._come_back_to(entry.uid)

    # -- writing ------------------------------------------------------------------------------

    def new_entry(self) -> None:
        self._start("entry")

    def new_impressions(self) -> None:
        self._start("impressions")

    def _start(self, kind: EntryKind) -> None:
        if not self._leave_current():
            return
        self.editor.start_new(kind)
        self.editor.show_message("")
        self._come_back_to(None, kind)
        # Nothing in the timeline is the one being written now: no row stays marked as open.
        self.timeline.clearSelection()

    def _current_key(self) -> str:
        editing = self.editor.editing
        return draft_key(editing.uid if editing is not None else None, self.editor.kind)

    def _save(self, entry: object) -> None:
        assert isinstance(entry, Entry)
        key = self._current_key()
        try:
            saved = save_entry(self._store, entry, draft_key=key)
        except ValueError as e:
            self.editor.show_message(str(e))
            return
        self.draft_banner.hide()
        self.editor.saved(saved)
        self._come_back_to(None, self.editor.kind)  # a new entry left unsaved on the way

    def _delete(self, uid: str) -> None:
        try:
            trash_entry(self._store, uid)
            discard_draft(self._store, draft_key(uid))
        except WriteFailed as e:
            self.editor.show_message(str(e))
            return
        self._trashed_uid = uid
        self.undo_banner.show_message(translate("JournalTab", "The entry is in the trash."))
        self.draft_banner.hide()
        self.editor.start_new("entry")
        self._come_back_to(None)

    def _undo_delete(self) -> None:
        if self._trashed_uid is None:
            return
        try:
            restore_entry(self._store, self._trashed_uid)
        except WriteFailed as e:
            self.undo_banner.show_message(str(e))
            return
        entry = get_entry(self._store, self._trashed_uid)
        self._trashed_uid = None
        self.undo_banner.hide()
        if entry is not None and self._leave_current():
            self.editor.edit(entry)
            self.editor.show_message(translate("JournalTab", "Brought back from the trash."))

    # -- drafts -------------------------------------------------------------------------------

    def _keep_draft(self, state: object) -> str | None:
        """Keep the editor's state as the draft of the entry it shows; an empty one, or one
        that changes nothing, is let go instead. Returns why it could not be kept, if not."""
        assert isinstance(state, dict)
        key = self._current_key()
        try:
            if self.editor.has_unsaved():
                save_draft(self._store, key, state)
            else:
                discard_draft(self._store, key)
        except WriteFailed as e:
            reason = str(e)
            self.editor.show_message(
                translate(
                    "JournalTab", "{reason} Your writing is still here; keep this window open."
                ).format(reason=reason)
            )
            return reason
        return None

    def keep_unsaved(self) -> str | None:
        """Keep unsaved writing as a draft now; why it could not be kept, if it could not."""
        if not self.editor.dirty:
            return None
        self.editor.autosave_timer.stop()
        return self._keep_draft(self.editor.state())

    def _leave_current(self) -> bool:
        """Before the editor shows something else: what is being written becomes its draft.
        False when it could not be kept (the editor says why): the writing stays on screen,
        the only place it is, and nothing else is opened over it."""
        if self.keep_unsaved() is not None:
            return False
        self.draft_banner.hide()
        self._offered = None
        return True

    def _drafts(self) -> list[Draft]:
        """The drafts that hold writing, newest first; empty ones are let go."""
        drafts = []
        for draft in load_drafts(self._store):
            if _holds_writing(draft.content):
                drafts.append(draft)
            else:
                self._forget(draft.key)
        return drafts

    def _forget(self, key: str) -> None:
        with contextlib.suppress(WriteFailed):  # one not let go now is let go another time
            discard_draft(self._store, key)

    def _draft_for(self, uid: str | None, kind: EntryKind = "entry") -> Draft | None:
        for draft in self._drafts():
            if draft.key == draft_key(uid, kind):
                return draft
            old_kind = draft.content.get("kind", "entry")
            if draft.key == OLD_DRAFT and _draft_target(draft) == uid and old_kind == kind:
                return draft
        return None

    def _come_back_to(self, uid: str | None, kind: EntryKind = "entry") -> None:
        """Back at an entry (or a new one) with unsaved writing: the writing comes back."""
        draft = self._draft_for(uid, kind)
        if draft is None:
            return
        editing = get_entry(self._store, uid) if uid is not None else None
        if uid is not None and editing is None:
            self._forget(draft.key)  # its entry is gone for good
            return
        self.editor.restore(draft.content, editing)
        if draft.key == OLD_DRAFT:  # from now on it is this entry's own draft
            self.editor.flush_draft()
            self._forget(OLD_DRAFT)
        self._offered = None
        self.open_draft_button.hide()
        self.discard_draft_button.show()
        self.draft_banner.show_message(
            translate("JournalTab", "Your unsaved writing from {when} is back.").format(
                when=_when(draft)
            )
        )
        self.editor.first_field().setFocus()

    def _offer_other_draft(self) -> None:
        """At the start, unsaved changes to an older entry are offered, to open."""
        others = [
            d
            for d in self._drafts()
            if draft_key(_draft_target(d), _kind_of(d)) != NEW_DRAFT  # that one is back already
        ]
        if not others:
            return
        self._offered = others[0]
        self.discard_draft_button.hide()
        self.open_draft_button.show()
        self.draft_banner.show_message(
            translate(
                "JournalTab", "You have unsaved writing in another entry, from {when}."
            ).format(when=_when(others[0]))
        )

    def _open_offered(self) -> None:
        draft = self._offered
        self.draft_banner.hide()
        self._offered = None
        if draft is None:
            return
        uid = _draft_target(draft)
        if uid is None:  # a new "three impressions" entry
            self.new_impressions()
            return
        entry = get_entry(self._store, uid)
        if entry is None or not self._leave_current():
            return
        if self.editor.edit(entry):
            self._come_back_to(entry.uid)

    def _discard_draft(self) -> None:
        """Let the writing that came back go: the entry as it was saved, or a fresh page."""
        editing = self.editor.editing
        try:
            discard_draft(self._store, self._current_key())
        except WriteFailed as e:
            self.editor.show_message(str(e))
            return
        self.draft_banner.hide()
        if editing is not None:
            saved = get_entry(self._store, editing.uid)
            if saved is not None:
                self.editor.edit(saved)
                return
        self.editor.start_new(self.editor.kind)

    def unkept_writing(self) -> str | None:
        """Before the window closes: what is being written is kept as a draft now; when it
        cannot be, the question to ask before it is lost."""
        problem = self.keep_unsaved()
        if problem is None:
            return None
        return translate(
            "JournalTab",
            "{problem}\n\nYour writing in the journal is kept nowhere else yet: if Glimmers "
            "closes now, it is lost. Close anyway?",
        ).format(problem=problem)

    def prepare_to_close(self) -> None:
        """Keep unsaved writing as a draft before the window goes."""
        self.editor.flush_draft()


def _when(draft: Draft) -> str:
    """When a draft was kept, in the person's own time (kept in UTC)."""
    try:
        saved = dt.datetime.fromisoformat(draft.saved_at).astimezone()
    except ValueError:
        return draft.saved_at
    return day_and_time(saved.replace(tzinfo=None))
