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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
        window.overlay.hide()
        window.workspace = None
        window.close()
        from sencodesk.ui.document_pictures import save_documents

        saved += save_documents(desk, out)
        desk.close()
    print(f"Saved {len(saved)} screenshots to {out}: {', '.join(saved)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
