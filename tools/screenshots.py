"""Screenshots of every screen at 1366×768 from a demo school: `make screenshots`.

    python tools/screenshots.py OUTDIR

Builds a 300-pupil demo school in a temporary folder with a fixed date, so the pictures change
only when the screens do. Docs tooling, not part of the app. On a real display
(QT_QPA_PLATFORM=xcb, e.g. an Xvfb screen with a window manager) each window is taken from the
screen with its title bar and the system's fonts; offscreen, Qt draws the window alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))  # document_pictures beside this file

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sencodesk.services.context import Desk
    from sencodesk.ui.main_window import MainWindow

SIZE = (1366, 768)
TODAY = date(2026, 11, 22)
TABS = ("profile", "passport", "support", "ehcp", "contacts", "documents", "history")


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from sencodesk.ui.application import make_application

    app = make_application([])
    from sencodesk.domain.codes import SenStatus
    from sencodesk.services import accounts, demo, pupils
    from sencodesk.store import keyslots
    from sencodesk.ui.login import SignInDialog
    from sencodesk.ui.main_window import MainWindow

    keyslots.DEFAULT_KDF = keyslots.KdfParams(n=2**12)  # pictures, not security
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        desk = accounts.init_school(data_dir, school_name=demo.SCHOOL_NAME, username="senco",
                                    full_name="Sam Patel", password="screenshots only")
        desk.today = lambda: TODAY
        demo.build(desk, pupils=300, seed=4)
        login = SignInDialog(data_dir)
        login.username.setText("senco")
        login.show()
        app.processEvents()
        _shoot(login, out / "login.png")
        window = MainWindow(desk)
        window.resize(*SIZE)
        window.show()
        if _on_screen():
            window.showMaximized()
        app.processEvents()
        saved = ["login.png"]
        for title in window.titles:
            window.show_page(title)
            app.processEvents()
            name = f"{title.lower()}.png"
            _shoot(window, out / name)
            saved.append(name)
        ehcp = pupils.list_pupils(desk, pupils.RegisterFilter(status=SenStatus.EHCP))
        window.open_pupil(ehcp[0].id)
        for tab in TABS:
            assert window.workspace is not None
            window.workspace.show_tab(tab)
            app.processEvents()
            name = f"pupil-{tab}.png"
            _shoot(window, out / name)
            saved.append(name)
        saved += _forms(window, out)
        window.lock()
        app.processEvents()
        _shoot(window, out / "locked.png")
        saved.append("locked.png")
        window.guard.unlock()
        window.workspace = None
        window.close()
        from document_pictures import save_documents

        saved += save_documents(desk, out)
        saved += _import_wizard(desk, out, Path(folder))
        desk.close()
    print(f"Saved {len(saved)} screenshots to {out}: {', '.join(saved)}")
    return 0


def _on_screen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "") == "xcb"


def _settle(window: QWidget) -> None:
    """Give the window manager time to frame and activate the window, so focus and typed
    keys land as they do for a person."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    window.raise_()
    window.activateWindow()
    loop = QEventLoop()
    QTimer.singleShot(700 if _on_screen() else 0, loop.quit)
    loop.exec()
    QApplication.processEvents()


def _shoot(window: QWidget, path: Path) -> None:
    """The window as it looks: from the screen, frame and all, on a real display."""
    if not _on_screen():
        window.grab().save(str(path))
        return
    _settle(window)
    frame = window.frameGeometry()
    screen = window.screen()
    screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(path))


def _forms(window: MainWindow, out: Path) -> list[str]:
    """The longest form (a new support cycle, which scrolls with Save and Cancel kept in view)
    and the new pupil form, each with a date typed as a person types it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from sencodesk.ui.date_field import DateField
    from sencodesk.ui.form_dialog import FormDialog
    from sencodesk.ui.pupil import plan_form
    from sencodesk.ui.pupil.support_tab import SupportTab
    from sencodesk.ui.register.new_pupil import NewPupilDialog

    assert window.workspace is not None
    support = window.workspace.tab("support")
    assert isinstance(support, SupportTab)
    fields = plan_form.plan_fields(None, support.catalogue_for(None), today=window.desk.today())
    cycle = FormDialog("New support cycle", fields, lambda _v: None, window)
    new_pupil = NewPupilDialog(window.desk, window)
    saved = []
    for name, dialog in (("form-new-cycle.png", cycle), ("form-new-pupil.png", new_pupil)):
        dialog.show()
        _settle(dialog)
        box = next(w for w in dialog.findChildren(DateField) if w.isVisible())
        box.edit.setFocus()
        box.edit.selectAll()  # as a click or Tab into it does
        QTest.keyClicks(box.edit, "1/10/26" if dialog is cycle else "31/02/2015")
        QTest.keyClick(box.edit, Qt.Key.Key_Tab)
        _shoot(dialog, out / name)
        dialog.done(0)  # closed without the "discard what you typed?" question
        saved.append(name)
    return saved


def _import_wizard(desk: Desk, out: Path, folder: Path) -> list[str]:
    """The import wizard's column and preview pages on a small SIMS-style file: three known
    pupils with changes, one new, two that are rejected."""
    from PySide6.QtWidgets import QApplication

    from sencodesk.domain.dates import uk
    from sencodesk.domain.upn import with_check_letter
    from sencodesk.services import pupils
    from sencodesk.ui.import_wizard import ImportWizard

    lines = ["UPN;Legal Surname;Legal Forename;DOB;Year;Reg;SEN Status;Primary Need"]
    for row in pupils.list_pupils(desk)[:3]:
        need = row.primary_need.value if row.primary_need else ""
        lines.append(f"{row.upn};{row.surname};{row.forename};{uk(row.dob)};"
                     f"{row.year_group.short};{row.form}X;{row.status.value};{need}")
    lines += [f"{with_check_letter('801200077001')};Łukasiewicz-Smith;Zoë;01/03/2014;7;7B;P;SPLD",
              f"{with_check_letter('801200077002')};Nobody;Oops;31/02/2014;7;7B;N;",
              "C801200005001;Wrong;Letter;01/03/2014;7;7B;N;"]
    file = folder / "sims-export.csv"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    wizard = ImportWizard(desk)
    wizard.resize(900, 620)
    wizard.show()
    wizard.file_page.path.setText(str(file))
    wizard.next()
    _shoot(wizard, out / "import-columns.png")
    wizard.next()
    while wizard.preview_page.busy:
        QApplication.processEvents()
    wizard.preview_page.tabs.setCurrentIndex(1)
    _shoot(wizard, out / "import-preview.png")
    wizard.reject()
    return ["import-columns.png", "import-preview.png"]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
