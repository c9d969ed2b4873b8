"""The import wizard: columns checked, a preview of every change, and nothing written until
Import is pressed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ctf_samples import UPN_A, ctf_file, ctf_pupil
from factories import new_upn
from pytestqt.qtbot import QtBot

from sencodesk.services import pupils
from sencodesk.services.context import Desk
from sencodesk.services.mis_import import ImportPreview
from sencodesk.ui.import_wizard import NOT_IN_FILE, ImportWizard


def _csv(tmp_path: Path) -> Path:
    good, bad = new_upn(), new_upn()
    file = tmp_path / "arbor.csv"
    file.write_text("UPN,Pupil Surname,First Name,DOB,Year,Registration Form,SEN Status,"
                    "Primary Need\n"
                    f"{good},O'Brien,Siobhán,01/03/2014,7,7B,K,SLCN\n"
                    f"{bad},Nobody,Oops,31/02/2014,7,7B,N,\n", encoding="utf-8")
    return file


def ctf_file_path(tmp_path: Path) -> Path:
    file = tmp_path / "from-old-school.xml"
    file.write_bytes(ctf_file(ctf_pupil()))
    return file


def _wizard(qtbot: QtBot, desk: Desk, path: Path) -> ImportWizard:
    wizard = ImportWizard(desk)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    return wizard


def _to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: not wizard.preview_page.busy, timeout=10000)


def test_csv_columns_preview_cancel_then_import(qtbot: QtBot, desk: Desk,
                                                tmp_path: Path) -> None:
    file = _csv(tmp_path)
    wizard = _wizard(qtbot, desk, file)
    wizard.next()
    columns = wizard.columns_page
    assert wizard.currentPage() is columns
    assert columns.combos["forename"].currentText() == "First Name"  # a known alias
    assert columns.combos["surname"].currentText() == NOT_IN_FILE
    assert not columns.isComplete() and "Legal surname" in columns.message.text()
    columns.combos["surname"].setCurrentText("Pupil Surname")
    assert columns.isComplete()
    _to_preview(qtbot, wizard)
    preview = wizard.preview_page
    assert "1 new, 0 updated, 0 unchanged, 1 rejected" in preview.summary.text()
    assert preview.rejected.records[0].row == 3
    assert "is not a real date" in preview.rejected.records[0].message
    assert "Nothing has been written yet." in preview.summary.text()
    wizard.reject()
    assert pupils.list_pupils(desk) == []  # cancelled: nothing written

    again = _wizard(qtbot, desk, file)
    again.next()
    again.columns_page.combos["surname"].setCurrentText("Pupil Surname")
    _to_preview(qtbot, again)
    again.accept()
    qtbot.waitUntil(lambda: again.imported is not None, timeout=10000)
    (row,) = pupils.list_pupils(desk)
    assert (row.surname, row.forename, row.form) == ("O'Brien", "Siobhán", "7B")


def test_a_usual_column_can_be_left_out_and_one_column_feeds_one_field(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    file = tmp_path / "sims.csv"
    file.write_text("UPN,Surname,Forename,Preferred Forename,DOB,Year,Reg,Gender\n"
                    f"{new_upn()},Smith,Anne,Annie,01/03/2014,7,7B,F\n", encoding="utf-8")
    wizard = _wizard(qtbot, desk, file)
    wizard.next()
    columns = wizard.columns_page
    assert columns.combos["gender"].currentText() == "Gender"
    columns.combos["gender"].setCurrentText(NOT_IN_FILE)
    columns.combos["forename"].setCurrentText("Surname")
    assert not columns.isComplete()
    assert "Surname" in columns.message.text() and "choose one column" in columns.message.text()
    columns.combos["forename"].setCurrentText("Preferred Forename")
    assert not columns.isComplete()  # the preferred forename field reads it too
    assert "Preferred Forename" in columns.message.text()
    columns.combos["preferred_forename"].setCurrentText(NOT_IN_FILE)
    assert columns.isComplete()
    _to_preview(qtbot, wizard)
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.imported is not None, timeout=10000)
    (row,) = pupils.list_pupils(desk)
    assert (row.forename, row.gender) == ("Annie", "")


def test_a_ctf_skips_the_columns_and_a_bad_file_explains(qtbot: QtBot, desk: Desk,
                                                          tmp_path: Path) -> None:
    file = tmp_path / "from-old-school.xml"
    file.write_bytes(ctf_file(ctf_pupil()))
    wizard = _wizard(qtbot, desk, file)
    _to_preview(qtbot, wizard)
    assert "1 new" in wizard.preview_page.summary.text()
    assert "line in the file" in wizard.preview_page.summary.text()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.imported is not None, timeout=10000)
    assert pupils.id_for_upn(desk, UPN_A)

    hostile = tmp_path / "hostile.xml"
    hostile.write_bytes(b'<!DOCTYPE x [<!ENTITY a "b">]><CTfile/>')
    bad = _wizard(qtbot, desk, hostile)
    _to_preview(qtbot, bad)
    assert "cannot be imported" in bad.preview_page.summary.text()
    assert not bad.preview_page.isComplete()
    missing = _wizard(qtbot, desk, tmp_path / "nowhere.csv")
    missing.next()
    assert missing.currentPage() is missing.file_page
    assert "Cannot read" in missing.file_page.message.text()


def test_an_empty_file_or_a_workbook_is_explained_on_the_first_page(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    empty = tmp_path / "pupils.csv"
    empty.write_bytes(b"")
    workbook = tmp_path / "pupils.xlsx"
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"[Content_Types].xml" * 200)
    for file, message in ((empty, "pupils.csv is empty"),
                          (workbook, "pupils.xlsx is a spreadsheet workbook, not CSV")):
        wizard = _wizard(qtbot, desk, file)
        wizard.next()
        assert wizard.currentPage() is wizard.file_page
        assert message in wizard.file_page.message.text()


def test_cancelling_the_check_says_so_and_nothing_is_planned(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, desk, ctf_file_path(tmp_path))
    release = threading.Event()
    real = wizard.preview_work

    def slow() -> Callable[[], ImportPreview]:
        work = real()

        def waiting() -> ImportPreview:
            release.wait(10)
            return work()
        return waiting

    wizard.preview_work = slow  # type: ignore[method-assign]
    wizard.next()
    page = wizard.preview_page
    assert page.busy and page._task is not None
    page._task.cancel()  # as the progress dialog's Cancel button does
    release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert "stopped" in page.summary.text()
    assert wizard.plan is None and not page.isComplete()
