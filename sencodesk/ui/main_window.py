"""The main window: navigation on the left, a page on the right, the signed-in user below."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEventLoop, QSettings, QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from sencodesk.domain.permissions import Permission, whole_school
from sencodesk.domain.records import SchoolInfo
from sencodesk.services import accounts, school
from sencodesk.services.context import Desk
from sencodesk.ui import help_pages, viewing, worker
from sencodesk.ui.change_watch import ChangeWatcher
from sencodesk.ui.common import confirm, explain
from sencodesk.ui.due.view import DueView
from sencodesk.ui.fit import fit_to_screen
from sencodesk.ui.lock import IdleWatcher, LockGuard, LockOverlay
from sencodesk.ui.menus import build_menus
from sencodesk.ui.navigation import NavigationList
from sencodesk.ui.register.new_pupil import NewPupilDialog
from sencodesk.ui.register.view import RegisterView

if TYPE_CHECKING:
    from sencodesk.ui.pupil.workspace import PupilWorkspace


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, *, idle_ms: int | None = None) -> None:
        super().__init__()
        self.desk = desk
        info = school.get(desk)
        self.setWindowTitle(f"{info.name} · sencodesk")
        self.nav = NavigationList()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(170)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}  # the pages built so far
        self.titles: list[str] = []
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self.workspace: PupilWorkspace | None = None
        self.restored = False
        self.signing_out = False  # closed to let someone else sign in, not to quit
        self.backed_up = False  # the closing backup is taken (or was given up)
        self.closing_task: worker.Task | None = None
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        # a page wider or taller than the screen scrolls inside the window; it never makes the
        # window grow past the screen (which pushed the status bar and Lock off it)
        pages = QScrollArea()
        pages.setWidget(self.stack)
        pages.setWidgetResizable(True)
        pages.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(pages, 1)
        self.setCentralWidget(body)
        self._build_pages()
        self.nav.currentRowChanged.connect(self._show_row)
        build_menus(self)
        self._build_status_bar()
        self.guard = LockGuard(desk.actor.name, self._check_password, self)
        self.guard.unlocked.connect(self._unlocked)
        self.idle = IdleWatcher(idle_ms or info.autolock_minutes * 60_000, self)
        self.idle.idle.connect(self.lock)
        self.watch = ChangeWatcher(desk, self)  # others' saves show within two seconds
        self.watch.changed.connect(self._saved_elsewhere)
        self._behind: set[str] = set()  # lists to read again when next shown
        fit_to_screen(self, QSize(1366, 768))
        geometry = QSettings().value("main_window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry) \
                and not self.isMaximized():
            fit_to_screen(self, self.size())  # saved on a larger screen or at another scale
        self.nav.setCurrentRow(0)

    # pages -----------------------------------------------------------------------------
    def _page_factories(self) -> list[tuple[str, Callable[[], QWidget]]]:
        may = self.desk.actor.may
        found: list[tuple[str, Callable[[], QWidget]]] = []
        if may(Permission.READ_PUPILS) and not whole_school(self.desk.actor.role):
            found.append((self.tr("My pupils"), self._my_pupils))
        if may(Permission.READ_PUPILS):
            found += [(self.tr("Due"), self._due), (self.tr("Register"), self._register)]
        if may(Permission.READ_SUPPORT):
            from sencodesk.ui.provision.view import ProvisionView

            found.append((self.tr("Provision"), lambda: ProvisionView(self.desk)))
        if may(Permission.MANAGE_GROUPS):
            from sencodesk.ui.groups.view import GroupsView

            found.append((self.tr("Teaching groups"), lambda: GroupsView(self.desk)))
        if may(Permission.READ_CONTEXT) and may(Permission.EXPORT):
            found.append((self.tr("Inclusion"), self._inclusion))
        if may(Permission.EXPORT) or may(Permission.PRINT_PASSPORTS):
            from sencodesk.ui.reports_view import ReportsView

            found.append((self.tr("Reports"), lambda: ReportsView(self.desk)))
        found.append((self.tr("Settings"), self._settings))
        return found

    def _settings(self) -> QWidget:
        from sencodesk.ui.settings.view import SettingsView

        view = SettingsView(self.desk)
        view.saved.connect(self._school_saved)
        if view.accounts is not None:
            view.accounts.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        return view

    def _school_saved(self, info: SchoolInfo) -> None:
        """A new auto-lock time counts from now, not from the next start."""
        self.idle.set_interval(info.autolock_minutes * 60_000)
        self.statusBar().showMessage(self.tr("Settings saved."), 5000)

    def _build_pages(self) -> None:
        """Pages are built on first visit, so signing in paints the Due dashboard without
        first computing the provision map and the rest."""
        for title, make in self._page_factories():
            self.titles.append(title)
            self._factories[title] = make
            self.nav.addItem(title)
            self.stack.addWidget(QWidget())

    def page(self, title: str) -> QWidget:
        """The page called ``title``, built now if it has not been shown yet."""
        if title not in self.pages:
            index = self.titles.index(title)
            placeholder = self.stack.widget(index)
            widget = self._factories[title]()
            self.stack.insertWidget(index, widget)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages[title] = widget
        return self.pages[title]

    def _my_pupils(self) -> QWidget:
        from sencodesk.ui.my_pupils.view import MyPupilsView

        view = MyPupilsView(self.desk)
        view.pupil_activated.connect(self.open_pupil)
        return view

    def _due(self) -> QWidget:
        view = DueView(self.desk)
        view.pupil_activated.connect(self.open_pupil)
        view.import_requested.connect(self.import_pupils)
        view.new_pupil_requested.connect(self.new_pupil)
        return view

    def _inclusion(self) -> QWidget:
        from sencodesk.ui.inclusion.view import InclusionView

        view = InclusionView(self.desk)
        view.import_requested.connect(self.import_context)
        view.pupil_activated.connect(lambda pid: self.open_pupil(pid, "inclusion"))
        return view

    def _register(self) -> QWidget:
        view = RegisterView(self.desk)
        view.pupil_activated.connect(lambda pid: self.open_pupil(pid, "profile"))
        view.new_pupil_requested.connect(self.new_pupil)
        view.print_passports_requested.connect(self.print_passports)
        self.register = view
        return view

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        current = self.stack.currentWidget()
        if current is not self.workspace and current is not None \
                and getattr(current, "has_unsaved_changes", lambda: False)() \
                and not confirm(self, self.tr("Unsaved changes"),
                                self.tr("Leave this screen without saving your changes?")):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self.stack.currentIndex())
            self.nav.blockSignals(False)
            return
        if self.workspace is not None and not self._leave_workspace():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(-1)
            self.nav.blockSignals(False)
            return
        self.stack.setCurrentWidget(self.page(self.titles[row]))
        if self.titles[row] in self._behind:
            self._behind.discard(self.titles[row])
            getattr(self.page(self.titles[row]), "refresh", lambda: None)()

    def show_page(self, title: str) -> None:
        if title in self.titles:
            self.nav.setCurrentRow(self.titles.index(title))

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    # pupils ----------------------------------------------------------------------------
    def open_pupil(self, pupil_id: int, tab: str = "profile") -> None:
        from sencodesk.ui.pupil.workspace import PupilWorkspace

        if self.workspace is not None and not self._leave_workspace():
            return
        workspace = PupilWorkspace(self.desk, pupil_id)
        workspace.closed.connect(self._close_workspace)
        workspace.show_tab(tab)
        self.workspace = workspace
        self.stack.addWidget(workspace)
        self.stack.setCurrentWidget(workspace)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)

    def _leave_workspace(self) -> bool:
        workspace = self.workspace
        if workspace is None:
            return True
        if workspace.has_unsaved_changes() and not confirm(self, self.tr("Unsaved changes"),
                                   self.tr("Leave this pupil without saving your changes?")):
            return False
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        self.workspace = None
        return True

    def _close_workspace(self) -> None:
        if self._leave_workspace():
            self.show_page(self.tr("Register"))
            page = self.pages.get(self.tr("Register"))
            if isinstance(page, RegisterView):
                page.refresh()

    def new_pupil(self) -> None:
        if not self.desk.actor.may(Permission.EDIT_PUPILS):
            return
        pupil_id = NewPupilDialog.ask(self.desk, self)
        if pupil_id is not None:
            self._refresh_lists()
            self.statusBar().showMessage(self.tr("Pupil added."), 5000)
            self.open_pupil(pupil_id)

    def _refresh_lists(self) -> None:
        """The register and the Due page after pupils were added."""
        for title in (self.tr("Register"), self.tr("Due")):
            page = self.pages.get(title)
            if isinstance(page, RegisterView | DueView):
                page.refresh()

    def _saved_elsewhere(self) -> None:
        """The case file changed (another window, a command, or a save here): the list on
        screen is read again now, the others when next shown."""
        for title in (self.tr("Register"), self.tr("Due")):
            page = self.pages.get(title)
            if not isinstance(page, RegisterView | DueView):
                continue
            if page is self.stack.currentWidget():
                page.refresh()
            else:
                self._behind.add(title)

    def import_pupils(self) -> None:
        """The import wizard; the register shows the new pupils once it has imported."""
        if not self.desk.actor.may(Permission.IMPORT):
            return
        from sencodesk.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.desk, self)
        if wizard.exec() and wizard.imported is not None:
            self._refresh_lists()
            self.statusBar().showMessage(self.tr("Imported {new} new and {updated} updated "
                                                 "pupils.").format(
                new=wizard.imported.created, updated=wizard.imported.updated), 8000)

    def import_context(self) -> None:
        """The context import wizard; the Inclusion page shows the figures once written."""
        if not self.desk.actor.may(Permission.IMPORT):
            return
        from sencodesk.ui.context_import_wizard import ContextImportWizard

        wizard = ContextImportWizard(self.desk, self)
        if wizard.exec() and wizard.imported is not None:
            page = self.pages.get(self.tr("Inclusion"))
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
            self.statusBar().showMessage(self.tr("Imported {count} records.").format(
                count=wizard.imported), 8000)

    def print_passports(self, pupil_ids: list[int]) -> None:
        from sencodesk.ui.documents import print_passports

        print_passports(self.desk, pupil_ids, self)

    def find_pupil(self) -> None:
        self.show_page(self.tr("Register"))
        page = self.pages.get(self.tr("Register"))
        if isinstance(page, RegisterView):
            page.focus_search()

    def print_current(self) -> None:
        target = self.workspace if self.stack.currentWidget() is self.workspace \
            else self.stack.currentWidget()
        printer = getattr(target, "print_current", None)
        if callable(printer):
            printer()
        else:
            self.statusBar().showMessage(self.tr("There is nothing to print on this screen."),
                                         4000)

    # status bar -----------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        actor = self.desk.actor
        who = QLabel(self.tr("Signed in as {name} ({role})").format(name=actor.name,
                                                                      role=actor.role.label))
        who.setAccessibleName(who.text())
        lock = QPushButton(self.tr("Lock"))
        lock.setToolTip(self.tr("Lock now (Ctrl+L)"))
        lock.setAccessibleName(self.tr("Lock sencodesk"))
        lock.clicked.connect(self.lock)
        self.statusBar().addWidget(who, 1)
        self.statusBar().addPermanentWidget(lock)

    def show_shortcuts(self) -> None:
        help_pages.show(self, self.tr("Keyboard shortcuts"),
                        help_pages.shortcuts_html(self.actions()))

    def show_where(self) -> None:
        help_pages.show(self, self.tr("Where my data is"),
                        help_pages.where_html(self.desk.data_dir))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About sencodesk"), help_pages.about_html())

    # the person signed in -----------------------------------------------------------------
    def change_password(self) -> None:
        from sencodesk.ui.settings.passwords import change_own

        if change_own(self.desk, self):
            self.statusBar().showMessage(self.tr("Your password has been changed."), 6000)

    def sign_out(self) -> None:
        """Close this window (asking about unsaved work, backing up as on quitting) and go
        back to the sign-in window."""
        self.signing_out = True
        if not self.close():
            self.signing_out = False

    # locking -----------------------------------------------------------------------------
    def _check_password(self, password: str) -> bool:
        return accounts.confirm_password(self.desk, password)

    def lock(self) -> None:
        viewing.remove_all()  # decrypted copies of documents go when nobody is watching
        self.menuBar().setEnabled(False)
        for action in self.actions():
            action.setEnabled(False)
        self.guard.lock()

    @property
    def locked(self) -> bool:
        return self.guard.locked

    @property
    def overlay(self) -> LockOverlay | None:
        """The lock screen over this window while locked."""
        return self.guard.overlay_for(self)

    def _unlocked(self) -> None:
        self.menuBar().setEnabled(True)
        for action in self.actions():
            action.setEnabled(True)
        self.idle.set_interval(self.idle.timer.interval())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.workspace is not None and not self._leave_workspace():
            event.ignore()
            return
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.guard.release()
        self.idle.stop()
        self.watch.stop()
        viewing.remove_all()
        self._backup_on_close()
        event.accept()

    def _backup_on_close(self) -> None:
        """An encrypted backup each time the app closes (kept: 7 daily and 4 weekly). It is
        taken off the UI thread behind a progress dialog, the window waiting in an event loop
        of its own, so it still paints and answers while the backup is written."""
        from sencodesk.services import backups

        if not self.desk.actor.may(Permission.BACKUP) or self.restored or self.backed_up:
            return
        self.backed_up = True  # once, even if the window is asked to close again meanwhile
        waiting = QEventLoop()
        failed: list[BaseException] = []

        def over(error: BaseException | None = None) -> None:
            if error is not None:
                failed.append(error)
            waiting.quit()

        self.closing_task = worker.run_with_progress(
            self, self.tr("Backing up before closing…"),
            lambda _p: backups.auto_backup(self.desk), on_done=lambda _r: over(),
            on_error=over, on_cancel=over)
        waiting.exec()
        if failed:
            explain(self, failed[0])

    def close_after_restore(self) -> None:
        """The case file was replaced under us: close without touching it (no backup of the
        closed file, no unsaved-work questions: nothing of the old file can be saved now)."""
        self.restored = True
        self.workspace = None
        self.close()


