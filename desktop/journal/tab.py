"""The Journal tab: the timeline with search and filters on the left, the editor on the right."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, QTimer
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
    QVBoxLayout,
    QWidget,
)

from desktop.checkin.feelings import Vocabulary
from desktop.clock import WallClock
from desktop.journal.editor import AUTOSAVE_MS, EntryEditor
from desktop.journal.timeline import ITEM_ROLE, TimelineDelegate, TimelineModel
from desktop.local_format import day_and_time
from desktop.store import Store, WriteFailed
from desktop.store.journal import KINDS as ENTRY_KINDS
from desktop.store.journal import (
    Entry,
    TimelineItem,
    all_tags,
    discard_draft,
    get_entry,
    load_drafts,
    restore_entry,
    save_draft,
    save_entry,
    trash_entry,
)
from desktop.store.kinds import shown_on_timeline, timeline_tables
from desktop.store.timeline import TimelinePager, search_everything
from desktop.store_signals import StoreSignals
from desktop.texts import QT_TRANSLATE_NOOP, translate

DRAFT_KEY = "journal-editor"
SEARCH_DELAY_MS = 150
SEARCH_LIMIT = 200
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

    def add_button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
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
        self._trashed_uid: str | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("journal_search")
        self.search_edit.setPlaceholderText(translate("JournalTab", "Search your journal (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(translate("JournalTab", "Search your journal"))
        self.search_edit.setAccessibleDescription(
            translate("JournalTab", "Finds entries, sessions and check-ins as you type")
        )
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.setAccessibleName(translate("JournalTab", "Show kinds"))
        self.kind_filter.setAccessibleDescription(
            translate("JournalTab", "Shows one kind of record, or everything")
        )
        for label, kinds in KIND_FILTERS:
            self.kind_filter.addItem(translate("JournalTab", label), kinds)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tag_filter")
        self.tag_filter.setAccessibleName(translate("JournalTab", "Show tag"))
        self.tag_filter.setAccessibleDescription(
            translate("JournalTab", "Shows only records with this tag")
        )
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)

        self.model = TimelineModel(vocabulary, wall)
        self.timeline = QListView()
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName(translate("JournalTab", "Timeline"))
        self.timeline.setAccessibleDescription(
            translate("JournalTab", "Everything you have kept, newest first")
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

        self.new_button = QPushButton(translate("JournalTab", "&New entry"))
        self.new_button.setObjectName("new_entry")
        self.new_button.setAccessibleName(translate("JournalTab", "New entry"))
        self.new_button.setToolTip(translate("JournalTab", "Ctrl+N"))
        self.impressions_button = QPushButton(translate("JournalTab", "Three &impressions"))
        self.impressions_button.setObjectName("new_impressions")
        self.impressions_button.setAccessibleName(translate("JournalTab", "Three impressions"))
        self.impressions_button.setAccessibleDescription(
            translate("JournalTab", "Starts an entry of three small things you sensed")
        )

        self.draft_banner = Banner("draft_banner")
        self.restore_draft_button = self.draft_banner.add_button(
            translate("JournalTab", "&Restore"), "Restore the draft"
        )
        self.discard_draft_button = self.draft_banner.add_button(
            translate("JournalTab", "Discard"), "Discard the draft"
        )
        self.undo_banner = Banner("undo_banner")
        self.undo_button = self.undo_banner.add_button(
            translate("JournalTab", "&Undo"), "Undo delete"
        )

        self.editor = EntryEditor(vocabulary, wall, autosave_ms=autosave_ms)

        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.tag_filter, 1)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button)
        new_row.addWidget(self.impressions_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(new_row)
        left_layout.addWidget(self.search_edit)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.draft_banner)
        left_layout.addWidget(self.undo_banner)
        left_layout.addWidget(self.timeline, 1)
        left_layout.addWidget(self.empty_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
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
        self._offer_draft()

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_timer.timeout.connect(self.apply_filters)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.tag_filter.currentIndexChanged.connect(self.apply_filters)
        self.timeline.activated.connect(self._open_index)
        self.timeline.clicked.connect(self._open_index)
        self.new_button.clicked.connect(self.new_entry)
        self.impressions_button.clicked.connect(self.new_impressions)
        self.editor.save_requested.connect(self._save)
        self.editor.delete_requested.connect(self._delete)
        self.editor.draft_changed.connect(self._keep_draft)
        self.restore_draft_button.clicked.connect(self._restore_draft)
        self.discard_draft_button.clicked.connect(self._discard_draft)
        self.undo_button.clicked.connect(self._undo_delete)
        self._signals.changed.connect(self._on_store_changed)

    # -- the timeline and search --------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def apply_filters(self) -> None:
        self.search_timer.stop()
        kinds = self.kind_filter.currentData()
        tag = self.tag_filter.currentData()
        text = self.search_edit.text()
        store = self._store
        if text.strip():
            pending = [True]

            def fetch(limit: int) -> list[TimelineItem]:
                del limit  # search gives its best matches at once
                if not pending or not pending.pop():
                    return []
                found = search_everything(store, text, limit=SEARCH_LIMIT)
                return [
                    item
                    for item in found
                    if (kinds is None or item.kind in kinds) and (not tag or tag in item.tags)
                ]

            self.model.set_source(fetch)
        else:
            self.model.set_source(TimelinePager(store, kinds=kinds, tag=tag).next_page)
        self._show_empty_hint(bool(text.strip()) or kinds is not None or bool(tag))

    def _show_empty_hint(self, filtered: bool) -> None:
        empty = self.model.rowCount() == 0
        if filtered:
            self.empty_label.setText(
                translate("JournalTab", "Nothing matches. Try fewer or other words.")
            )
        else:
            self.empty_label.setText(
                translate(
                    "JournalTab", "Nothing here yet. What you keep will show up here, newest first."
                )
            )
        self.empty_label.setVisible(empty)

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
        entry = get_entry(self._store, item.uid)
        if entry is None:
            return
        self.editor.flush_draft()
        if self.editor.edit(entry):
            self.editor.show_message("")

    # -- writing ------------------------------------------------------------------------------

    def new_entry(self) -> None:
        self.editor.flush_draft()
        self.editor.start_new("entry")
        self.editor.show_message("")

    def new_impressions(self) -> None:
        self.editor.flush_draft()
        self.editor.start_new("impressions")
        self.editor.show_message("")

    def _save(self, entry: object) -> None:
        assert isinstance(entry, Entry)
        try:
            saved = save_entry(self._store, entry, draft_key=DRAFT_KEY)
        except ValueError as e:
            self.editor.show_message(str(e))
            return
        self.draft_banner.hide()
        self.editor.saved(saved)

    def _delete(self, uid: str) -> None:
        try:
            trash_entry(self._store, uid)
        except WriteFailed as e:
            self.editor.show_message(str(e))
            return
        self._trashed_uid = uid
        self.undo_banner.show_message(translate("JournalTab", "The entry is in the trash."))
        self.editor.start_new("entry")
        discard_draft(self._store, DRAFT_KEY)

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
        if entry is not None:
            self.editor.edit(entry)
            self.editor.show_message(translate("JournalTab", "Brought back from the trash."))

    # -- drafts -------------------------------------------------------------------------------

    def _keep_draft(self, state: object) -> str | None:
        """Keep the editor's state as the draft; the reason, shown too, when it could not be."""
        assert isinstance(state, dict)
        try:
            save_draft(self._store, DRAFT_KEY, state)
        except WriteFailed as e:
            self.editor.show_message(
                translate(
                    "JournalTab", "{reason} Your writing is still here; keep this window open."
                ).format(reason=e)
            )
            return str(e)
        return None

    def keep_unsaved(self) -> str | None:
        """Keep unsaved writing as a draft now; why it could not be kept, if it could not."""
        if not self.editor.dirty:
            return None
        self.editor.autosave_timer.stop()
        return self._keep_draft(self.editor.state())

    def _offer_draft(self) -> None:
        drafts = [d for d in load_drafts(self._store) if d.key == DRAFT_KEY]
        if not drafts:
            return
        try:  # kept in UTC; shown in the person's own time
            saved = dt.datetime.fromisoformat(drafts[0].saved_at).astimezone()
            when = day_and_time(saved.replace(tzinfo=None))
        except ValueError:
            when = drafts[0].saved_at
        self.draft_banner.show_message(
            translate("JournalTab", "You have unsaved writing from {when}.").format(when=when)
        )

    def _restore_draft(self) -> None:
        drafts = [d for d in load_drafts(self._store) if d.key == DRAFT_KEY]
        self.draft_banner.hide()
        if not drafts:
            return
        state = drafts[0].content
        editing_uid = state.get("editing")
        editing = get_entry(self._store, editing_uid) if isinstance(editing_uid, str) else None
        self.editor.restore(state, editing)
        self.editor.show_message(translate("JournalTab", "Your unsaved writing is back."))

    def _discard_draft(self) -> None:
        discard_draft(self._store, DRAFT_KEY)
        self.draft_banner.hide()

    def prepare_to_close(self) -> None:
        """Keep unsaved writing as a draft before the window goes."""
        self.editor.flush_draft()
