"""The main window: one tab per practice, the menus, and the remembered window geometry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.controls import guard_wheel, named
from desktop.settings import WINDOW_GEOMETRY, WINDOW_PAGE, Settings
from desktop.texts import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFrame, QLabel

ACKNOWLEDGE_MS = 8000


def set_shortcut(action: QAction, keys: QKeySequence | QKeySequence.StandardKey) -> None:
    """setShortcuts(), not setShortcut(): PySide resolves the latter's overloads by building
    every enum of the Qt namespace, some 30 ms, and menus get their shortcuts before the
    first paint."""
    action.setShortcuts(keys if isinstance(keys, QKeySequence.StandardKey) else [keys])


def new_action(text: str, parent: QObject) -> QAction:
    """An action with its text, made as QAction(parent) and then given the text: PySide picks
    QAction(text, parent) among overloads that take a QIcon, and only looking makes the QIcon
    class, whose enums take some 5 ms; the menus are made before the first paint."""
    action = QAction(parent)
    action.setText(text)
    return action


def call_later(ms: int, context: QObject, callback: Callable[[], object]) -> None:
    """``callback`` once, ``ms`` from now, unless ``context`` is gone by then: what
    QTimer.singleShot(ms, context, callback) does, on a timer of the context's own. PySide
    resolves that overload of singleShot by making QMetaMethod's enums (about 1 ms), and
    start-up asks for later work before the first paint."""
    timer = QTimer(context)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(callback)
    timer.timeout.connect(timer.deleteLater)
    timer.start()


class Page(NamedTuple):
    """A tab: built only when it is first shown, so hidden tabs never slow the first paint.

    (A named tuple, cheaper to declare than a dataclass before the first paint.)"""

    key: str
    title: str
    description: str
    build: Callable[[], QWidget]
    number: int | None = None  # its Ctrl+number; by default its place among the tabs


class _LazyPage(QWidget):
    def __init__(self, page: Page, built: Callable[[str, QWidget], None]) -> None:
        super().__init__()
        self.page = page
        self._built = built
        self.content: QWidget | None = None
        named(self, page.title, page.description, object_name=f"page_{page.key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.content is None:
            self.content = self.page.build()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self.content)
            # A layout shows a new child only on a later turn of the event loop; showing it now
            # lets the caller give it the focus straight away.
            self.content.show()
            guard_wheel(self.content)  # scrolling the page never changes a value on it
            self._built(self.page.key, self.content)
        return self.content

    def focus_inside(self) -> None:
        """Put the keyboard's focus inside the page, so a screen reader says where the person
        is: where the page says (its take_focus()), else on its first control."""
        content = self.content
        focused = QApplication.focusWidget()
        if content is None or (focused is not None and content.isAncestorOf(focused)):
            return
        take_focus = getattr(content, "take_focus", None)
        if callable(take_focus):
            take_focus()
            return
        from PySide6.QtCore import Qt  # its enums are made on first use: not before first paint

        widget = content.nextInFocusChain()
        while widget is not None and widget is not content and content.isAncestorOf(widget):
            if (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus()
                return
            widget = widget.nextInFocusChain()


class MainWindow(QMainWindow):
    too_much_requested = Signal()
    about_requested = Signal()
    quit_requested = Signal()
    offer_accepted = Signal()  # the "yes" of the strip that offer() shows
    first_painted = Signal()  # the window is on screen: later work can start
    page_built = Signal(str, QWidget)  # a tab's key and content, when it is first built
    glimmer_requested = Signal()  # the Glimmer button or Ctrl+G, from any tab

    def __init__(self, pages: list[Page], settings: Settings) -> None:
        super().__init__()
        self._settings = settings
        self.setWindowTitle(APP_NAME)
        self.setObjectName("main_window")
        self.tabs = named(
            QTabWidget(),
            translate("Shell", "Practices"),
            object_name="tabs",
        )
        self.tabs.setDocumentMode(True)
        self._pages: dict[str, _LazyPage] = {}
        for page in pages:
            lazy = _LazyPage(page, self.page_built.emit)
            self._pages[page.key] = lazy
            index = self.tabs.addTab(lazy, page.title.replace("&", ""))
            self.tabs.setTabToolTip(index, page.description)
        # Beside the tabs, so it is there on every tab without adding to any page's controls.
        self.glimmer_button = named(
            QPushButton(translate("Shell", "Keep a glimmer…")),
            translate("Shell", "Keep a glimmer"),
            translate("Shell", "Keep a small good moment in a few words. Ctrl+G, from anywhere"),
            object_name="glimmer_button",
            tooltip=translate("Shell", "Keep a glimmer (Ctrl+G)"),
        )
        # The top right corner, an 8 px step in from the window's edge and sitting on the tabs'
        # line rather than across it.
        corner = QWidget()
        corner_row = QVBoxLayout(corner)
        corner_row.setContentsMargins(0, 2, 8, 3)
        corner_row.addWidget(self.glimmer_button)
        self.tabs.setCornerWidget(corner)
        # Above the tabs, when there is something to say: the standing notice, then the offer
        # strip. Both are made when first needed (the frame and label classes, with their
        # enums, are not needed for the first paint of most starts).
        self._notice: QLabel | None = None
        self._offer: tuple[QFrame, QLabel, QPushButton, QPushButton] | None = None
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.menus: dict[str, QMenu] = {}
        self._build_menus(pages)
        self._connect_signals()
        self._restore_geometry()
        self.setMinimumSize(640, 480)
        self._prepared = False
        self._painted = False
        # Asks "Close anyway?" with the words given, over the window; the journal sets it (the
        # window has no dialogs of its own). None: nothing is asked. (Given the window at each
        # call: holding it here would keep its Python side alive after it is deleted.)
        self.confirm_close: Callable[[QWidget, str], bool] | None = None

    # -- building -----------------------------------------------------------------------------

    def _build_menus(self, pages: list[Page]) -> None:
        bar = self.menuBar()
        file_menu = self.menus["file"] = bar.addMenu(translate("Shell", "&File"))
        # Ctrl+G from anywhere; the Glimmer button beside the tabs is its visible face.
        self.glimmer_action = new_action(translate("Shell", "Keep a glimmer"), self)
        set_shortcut(self.glimmer_action, QKeySequence("Ctrl+G"))
        self.addAction(self.glimmer_action)
        self.quit_action = new_action(translate("Shell", "&Quit"), self)
        set_shortcut(self.quit_action, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.quit_action)

        view_menu = self.menus["view"] = bar.addMenu(translate("Shell", "&View"))
        self.page_actions: list[QAction] = []
        for number, page in enumerate(pages, start=1):
            action = new_action(page.title, self)
            set_shortcut(action, QKeySequence(f"Ctrl+{page.number or number}"))
            action.setData(page.key)
            action.triggered.connect(lambda _=False, key=page.key: self.show_page(key))
            view_menu.addAction(action)
            self.page_actions.append(action)

        help_menu = self.menus["help"] = bar.addMenu(translate("Shell", "&Help"))
        self.too_much_action = new_action(translate("Shell", "If this feels like &too much…"), self)
        set_shortcut(self.too_much_action, QKeySequence("F1"))
        help_menu.addAction(self.too_much_action)
        help_menu.addSeparator()
        self.about_action = new_action(
            translate("Shell", "&About {app}").format(app=APP_NAME), self
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        self.tabs.currentChanged.connect(self._on_current_changed)
        self.quit_action.triggered.connect(self.quit_requested)
        self.too_much_action.triggered.connect(self.too_much_requested)
        self.about_action.triggered.connect(self.about_requested)
        self.glimmer_action.triggered.connect(self.glimmer_requested)
        self.glimmer_button.clicked.connect(self.glimmer_action.trigger)

    # -- above the tabs -------------------------------------------------------------------------

    def _offer_parts(self) -> tuple[QFrame, QLabel, QPushButton, QPushButton]:
        if self._offer is None:
            from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

            bar = QFrame()
            bar.setObjectName("offer_bar")
            bar.setFrameShape(QFrame.Shape.StyledPanel)
            text = QLabel()
            text.setWordWrap(True)
            yes = QPushButton()
            no = QPushButton(translate("Shell", "Not now"))
            no.setAccessibleName(translate("Shell", "Not now"))
            row = QHBoxLayout(bar)
            row.addWidget(text, 1)
            row.addWidget(yes)
            row.addWidget(no)
            bar.hide()
            no.clicked.connect(bar.hide)
            yes.clicked.connect(bar.hide)
            yes.clicked.connect(self.offer_accepted)
            self._column.insertWidget(self._column.indexOf(self.tabs), bar)  # the notice above
            self._offer = (bar, text, yes, no)
        return self._offer

    @property
    def offer_bar(self) -> QFrame:
        """The quiet strip above the tabs that offer() shows."""
        return self._offer_parts()[0]

    @property
    def offer_text(self) -> QLabel:
        return self._offer_parts()[1]

    @property
    def offer_yes(self) -> QPushButton:
        return self._offer_parts()[2]

    @property
    def offer_no(self) -> QPushButton:
        return self._offer_parts()[3]

    @property
    def notice(self) -> QLabel:
        """A calm standing note (a journal that can only be read says why here); no buttons."""
        if self._notice is None:
            from PySide6.QtWidgets import QFrame, QLabel

            notice = QLabel()
            notice.setObjectName("notice")
            notice.setWordWrap(True)
            notice.setMargin(6)
            notice.setFrameShape(QFrame.Shape.StyledPanel)
            notice.hide()
            self._column.insertWidget(0, notice)
            self._notice = notice
        return self._notice

    def offer(self, text: str, yes: str) -> None:
        """A quiet strip above the tabs with a suggestion; it never takes the focus."""
        self.offer_text.setText(text)
        self.offer_yes.setText(yes)
        self.offer_yes.setAccessibleName(yes.replace("&", ""))
        self.offer_bar.show()

    def show_read_only(self, why: str) -> None:
        """The standing note of a journal opened for reading only, and ``why``."""
        self.show_notice(
            translate(
                "Glimmers",
                "Your journal is open for reading only, because {why}. Everything in it is here "
                "to read; nothing new can be saved until that changes.",
            ).format(why=why)
        )

    def show_notice(self, text: str) -> None:
        """A standing note above the tabs, for as long as this window is open."""
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.setAccessibleDescription(translate("Shell", "A note about your journal"))
        self.notice.show()

    def show_status(self, text: str) -> None:
        """A passing note in the status bar."""
        self.statusBar().showMessage(text)

    def acknowledge(self, text: str) -> None:
        """A quiet word in the status line ("Kept."), also said to a screen reader."""
        self.statusBar().showMessage(text, ACKNOWLEDGE_MS)
        # Imported here: the accessibility classes' enums are made when first imported, and
        # nothing is acknowledged before the first paint.
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def add_menu_action(self, menu: str, action: QAction, before_quit: bool = True) -> None:
        """Let features add their own items; in File they go above Quit."""
        target = self.menus[menu]
        if menu == "file" and before_quit:
            target.insertAction(self.quit_action, action)
        else:
            target.addAction(action)

    # -- pages --------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return list(self._pages)

    def current_page_key(self) -> str:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, _LazyPage)
        return widget.page.key

    def show_page(self, key: str) -> QWidget:
        lazy = self._pages[key]
        self.tabs.setCurrentWidget(lazy)
        return lazy.ensure_built()

    def page_content(self, key: str) -> QWidget | None:
        """The built content of a page, or None if it has not been shown yet."""
        return self._pages[key].content

    def _on_current_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, _LazyPage):
            widget.ensure_built()
            self._settings.set(WINDOW_PAGE, widget.page.key)
            # Someone moving along the tabs with the arrow keys stays on the tabs; any other
            # way of changing page (a click, Ctrl+number, a menu, a request) goes into it.
            if not self.tabs.tabBar().hasFocus():
                widget.focus_inside()

    # -- geometry -----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._settings.get(WINDOW_GEOMETRY)
        if geometry:
            from PySide6.QtCore import QByteArray  # with its enums, only where there is one

            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1100, 760)
        key = self._settings.get(WINDOW_PAGE)
        if key in self._pages:
            # Only chosen here: like any visible tab, it is built after the first paint (the
            # journal it shows may open only then).
            self.tabs.blockSignals(True)
            self.tabs.setCurrentWidget(self._pages[key])
            self.tabs.blockSignals(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            # The visible tab is built right after the first paint: the window appears at once
            # and its content follows a moment later, instead of the person waiting for both.
            self._painted = True
            call_later(0, self, self.first_painted.emit)
            call_later(0, self, self.build_current_page)

    def after_first_paint(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the window is on screen: at its first paint, or soon if that
        has been (a journal opened into a frame that is showing already)."""
        if self._painted:
            call_later(0, self, callback)
        else:
            self.first_painted.connect(callback)

    def build_current_page(self) -> QWidget | None:
        if self._prepared:  # retired (closed, locked or replaced) before the timer came
            return None
        current = self.tabs.currentWidget()
        if not isinstance(current, _LazyPage):
            return None
        built = current.ensure_built()
        current.focus_inside()
        return built

    def save_geometry(self) -> None:
        self._settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self._settings.sync()

    def keep_unsaved(self) -> list[str]:
        """Ask each page to keep what is not saved yet (a draft) now; why any of it could not
        be kept. The lock asks first, and waits rather than lose a word."""
        reasons = []
        for lazy in self._pages.values():
            keep = getattr(lazy.content, "keep_unsaved", None)
            if callable(keep):
                reason = keep()
                if reason:
                    reasons.append(str(reason))
        return reasons

    def prepare_to_close(self) -> None:
        """Let each page keep what it must (drafts, a session) and remember the geometry.

        Runs once: a window retired by the lock or a restore is not prepared again later.
        """
        if self._prepared:
            return
        self._prepared = True
        for lazy in self._pages.values():
            prepare = getattr(lazy.content, "prepare_to_close", None)
            if callable(prepare):
                prepare()
        self.save_geometry()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        self.prepare_to_close()
        super().closeEvent(event)

    def _may_close(self) -> bool:
        """Writing a page could not keep (a full disk, a busy journal) is lost if the window
        closes now: the person is asked first, and may stay."""
        if self._prepared or self.confirm_close is None:
            return True
        for lazy in self._pages.values():
            unkept = getattr(lazy.content, "unkept_writing", None)
            question = unkept() if callable(unkept) else None
            if isinstance(question, str) and not self.confirm_close(self, question):
                return False
        return True
