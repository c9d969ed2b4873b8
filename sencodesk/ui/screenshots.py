"""Screenshots of every screen at 1366×768 from a demo school: `make screenshots`.

    python -m sencodesk.ui.screenshots OUTDIR

Builds a 300-pupil demo school in a temporary folder with a fixed date, so the pictures change
only when the screens do.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from sencodesk.services.context import Desk

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
        login.grab().save(str(out / "login.png"))
        window = MainWindow(desk)
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        saved = ["login.png"]
        for title in window.titles:
            window.show_page(title)
            app.processEvents()
            name = f"{title.lower()}.png"
            window.grab().save(str(out / name))
            saved.append(name)
        ehcp = pupils.list_pupils(desk, pupils.RegisterFilter(status=SenStatus.EHCP))
        window.open_pupil(ehcp[0].id)
        for tab in TABS:
            assert window.workspace is not None
            window.workspace.show_tab(tab)
            app.processEvents()
            name = f"pupil-{tab}.png"
            window.grab().save(str(out / name))
            saved.append(name)
        window.lock()
        app.processEvents()
        window.grab().save(str(out / "locked.png"))
        saved.append("locked.png")
        window.guard.unlock()
        window.workspace = None
        window.close()
        from sencodesk.ui.document_pictures import save_documents

        saved += save_documents(desk, out)
        saved += _import_wizard(desk, out, Path(folder))
        desk.close()
    print(f"Saved {len(saved)} screenshots to {out}: {', '.join(saved)}")
    return 0


def _import_wizard(desk: Desk, out: Path, folder: Path) -> list[str]:
    """The import wizard's column and preview pages on a small SIMS-style file: three known
    pupils with changes, one new, two that are rejected."""
    from PySide6.QtWidgets import QApplication

    from sencodesk.domain.upn import with_check_letter
    from sencodesk.services import pupils
    from sencodesk.ui.import_wizard import ImportWizard

    lines = ["UPN;Legal Surname;Legal Forename;DOB;Year;Reg;SEN Status;Primary Need"]
    for row in pupils.list_pupils(desk)[:3]:
        need = row.primary_need.value if row.primary_need else ""
        lines.append(f"{row.upn};{row.surname};{row.forename};{row.dob:%d/%m/%Y};"
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
    wizard.grab().save(str(out / "import-columns.png"))
    wizard.next()
    while wizard.preview_page.busy:
        QApplication.processEvents()
    wizard.preview_page.tabs.setCurrentIndex(1)
    wizard.grab().save(str(out / "import-preview.png"))
    wizard.reject()
    return ["import-columns.png", "import-preview.png"]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
