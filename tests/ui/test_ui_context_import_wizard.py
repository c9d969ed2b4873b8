"""Importing context in the app, as a SENCO does it: from the Inclusion page, choose what the
file holds, pick the file, check the columns (SIMS and Arbor headers recognised), read every
rejected row by its row and column, then import the file whole; stopping part way writes
nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from factories import add_pupil, new_upn, signed_in_as
from inclusion_samples import arbor_file, sims_file
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role
from sencodesk.domain.inclusion import ContextFlags
from sencodesk.services import context_import, inclusion
from sencodesk.services.context import Desk
from sencodesk.ui.context_import_wizard import ContextImportWizard
from sencodesk.ui.inclusion.view import InclusionView
from sencodesk.ui.main_window import MainWindow


def _click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _open(qtbot: QtBot, desk: Desk, holds: str, file: Path) -> ContextImportWizard:
    """The wizard, with what the file holds chosen by typing its first letters and the file's
    name typed in."""
    wizard = ContextImportWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.file_page
    wizard.kind_box.setFocus()
    qtbot.keyClicks(wizard.kind_box, holds)
    qtbot.mouseClick(page.path, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.path, str(file))
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    return wizard


def _preview(qtbot: QtBot, wizard: ContextImportWizard) -> None:
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: not wizard.preview_page.busy, timeout=10000)


def test_a_sims_suspensions_file_is_previewed_row_by_row_then_imported(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    upns = [new_upn() for _ in range(2)]
    ids = [add_pupil(desk, upn=upn) for upn in upns]
    data = sims_file("exclusions", upns).decode("cp1252")
    # a third row whose start date does not exist
    data += f"{upns[0]},Zoë,Ashdown,Year 8,8C,Fixed Period,31/09/2025,,2,DB\r\n"
    file = tmp_path / "Exclusions.csv"
    file.write_bytes(data.encode("cp1252"))

    wizard = _open(qtbot, desk, "Sus", file)
    assert wizard.kind.value == "exclusions"
    columns = wizard.columns_page
    assert wizard.currentPage() is columns
    assert columns.recognised.text() == "Columns named as SIMS exports them."
    assert columns.combos["sessions"].currentText() == "Actual Sessions"
    assert columns.combos["kind"].currentText() == "Exclusion Type"
    _preview(qtbot, wizard)
    page = wizard.preview_page
    summary = page.summary.text()
    assert "2 new, 0 updated, 0 unchanged, 1 rejected" in summary
    assert "Columns not read: Surname, Forename, Year, Reg, End Date." in summary
    (rejected,) = page.rejected.records
    assert rejected.row == 4 and rejected.message.startswith("Start Date: ")
    assert page.tabs.tabText(3) == "Rejected (1)"
    assert page.new.index(0, 2).data() == "Suspension from 14/10/2025, 0.5 days (VP)"
    assert page.tabs.currentIndex() == 0
    assert inclusion.exclusions(desk) == {}  # the preview wrote nothing

    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: wizard.imported is not None, timeout=10000)
    assert wizard.imported == 2
    found = inclusion.exclusions(desk)
    assert [e.days for pid in ids for e in found[pid]] == [0.5, 0.5]


def test_the_inclusion_page_opens_it_and_shows_what_an_arbor_file_brought(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upn = new_upn()
    add_pupil(desk, upn=upn)
    file = tmp_path / "Part-time.csv"
    file.write_bytes(arbor_file("part-time", [upn]))
    main = MainWindow(desk)
    qtbot.addWidget(main)
    main.show()
    nav = main.nav
    row = next(i for i in range(nav.count()) if nav.item(i).text() == "Inclusion")
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=nav.visualItemRect(nav.item(row)).center())
    view = main.stack.currentWidget()
    assert isinstance(view, InclusionView)
    assert view.part_time.rowCount() == 0
    opened: list[ContextImportWizard] = []

    def run(wizard: ContextImportWizard) -> int:
        """What the SENCO does in the wizard the button opened."""
        opened.append(wizard)
        wizard.show()
        qtbot.keyClicks(wizard.kind_box, "Par")
        qtbot.keyClicks(wizard.file_page.path, str(file))
        _click(qtbot, wizard, QWizard.WizardButton.NextButton)
        assert wizard.columns_page.recognised.text() == "Columns named as Arbor exports them."
        _preview(qtbot, wizard)
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
        qtbot.waitUntil(lambda: wizard.imported is not None, timeout=10000)
        return int(wizard.result())

    monkeypatch.setattr(ContextImportWizard, "exec", run)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].imported == 1
    assert view.part_time.rowCount() == 1  # the page read the figures again
    assert view.part_time.index(0, 5).data() is not None


def test_stopping_a_long_import_writes_nothing_and_import_can_be_pressed_again(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    upns = [new_upn() for _ in range(3)]
    for upn in upns:
        add_pupil(desk, upn=upn)
    rows = [f"{upn},{year}/{(year + 1) % 100:02d},{term},100,90,6,4"
            for upn in upns for year in range(2000, 2026)
            for term in ("Autumn", "Spring", "Summer")]
    file = tmp_path / "attendance.csv"
    file.write_text("UPN,Academic Year,Term,Possible,Attended,Authorised,Unauthorised\n"
                    + "\n".join(rows) + "\n", encoding="utf-8")
    wizard = _open(qtbot, desk, "Att", file)
    _preview(qtbot, wizard)
    assert f"{len(rows)} new" in wizard.preview_page.summary.text()

    # the first writes wait until the SENCO has pressed Cancel on the progress dialog
    release = threading.Event()
    real = inclusion.write_attendance

    def slow(*args: object, **kwargs: object) -> bool:
        release.wait(10)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(inclusion, "write_attendance", slow)
    monkeypatch.setattr(context_import, "PROGRESS_EVERY", 1)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    dialog = wizard.findChild(QProgressDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    cancel = dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.FinishButton).isEnabled(),
                    timeout=10000)
    assert "stopped and nothing was written" in wizard.preview_page.summary.text()
    assert wizard.imported is None
    assert inclusion.attendance(desk) == {}

    monkeypatch.setattr(inclusion, "write_attendance", real)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: wizard.imported is not None, timeout=20000)
    assert sum(len(found) for found in inclusion.attendance(desk).values()) == len(rows)


def test_flags_that_change_open_on_the_updated_rows(qtbot: QtBot, desk: Desk,
                                                    tmp_path: Path) -> None:
    upn = new_upn()
    pid = add_pupil(desk, upn=upn)
    inclusion.set_context(desk, pid, ContextFlags(eal=True))
    file = tmp_path / "flags.csv"
    file.write_bytes(arbor_file("flags", [upn]))
    wizard = _open(qtbot, desk, "Pu", file)
    assert wizard.kind.value == "flags"
    _preview(qtbot, wizard)
    page = wizard.preview_page
    assert "0 new, 1 updated" in page.summary.text()
    assert page.tabs.currentIndex() == 1  # not the empty New tab
    assert page.updated.index(0, 2).data() == (
        "Pupil premium yes, Free school meals no, Looked after no, Previously looked after "
        "yes, EAL no")
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: wizard.imported is not None, timeout=10000)
    flags = inclusion.context_of(desk, pid)
    assert (flags.pupil_premium, flags.previously_looked_after, flags.eal) == (True, True, False)


def test_a_head_reads_the_inclusion_page_but_has_no_import_button(qtbot: QtBot,
                                                                   desk: Desk) -> None:
    head = signed_in_as(desk, Role.HEAD)
    try:
        view = InclusionView(head)
        qtbot.addWidget(view)
        view.show()
        assert not view.import_button.isVisible()
        mine = InclusionView(desk)
        qtbot.addWidget(mine)
        mine.show()
        assert mine.import_button.isVisible()
    finally:
        head.close()
