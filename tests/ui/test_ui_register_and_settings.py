"""The register (search as you type, filters, new pupil) and the settings screen."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from ui_helpers import answering_forms, type_date

from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.upn import with_check_letter
from sencodesk.services import cycles, pupils, school
from sencodesk.services.context import Desk
from sencodesk.ui.register.new_pupil import NewPupilDialog
from sencodesk.ui.register.view import RegisterView
from sencodesk.ui.settings.view import SettingsView


def test_typing_narrows_the_register_and_the_counts(qtbot: QtBot, demo_desk: Desk) -> None:
    view = RegisterView(demo_desk)
    qtbot.addWidget(view)
    total = view.model.rowCount()
    assert total == 80 and view.counts.text().startswith("80 pupils")
    target = view.model.everyone[5]
    qtbot.keyClicks(view.search, target.surname[:4])
    narrowed = view.shown()
    assert 0 < len(narrowed) < total
    assert all(target.surname[:4].casefold() in r.sort_name.casefold()
               or target.surname[:4].casefold() in r.upn.casefold() for r in narrowed)
    assert view.counts.text().startswith(f"{len(narrowed)} pupils")
    view.search.clear()
    qtbot.keyClicks(view.search, target.upn)
    assert [r.upn for r in view.shown()] == [target.upn]


def test_filters_combine(qtbot: QtBot, demo_desk: Desk) -> None:
    late = pupils.list_pupils(demo_desk, pupils.RegisterFilter(status=SenStatus.SUPPORT))[0]
    cycles.create(demo_desk, late.id, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 11, 2),
        outcomes=(cycles.OutcomeInput("Read 150 words"),)), beside_active=True)
    view = RegisterView(demo_desk)
    qtbot.addWidget(view)
    view.status.select(SenStatus.SUPPORT)
    assert view.shown() and all(r.status is SenStatus.SUPPORT for r in view.shown())
    view.year.select(YearGroup.Y8)
    assert view.shown() and all(r.year_group is YearGroup.Y8 for r in view.shown())
    view.year.select(None)
    view.overdue.setChecked(True)
    assert late.id in {r.id for r in view.shown()}
    assert all(r.next_review is not None and r.next_review < demo_desk.today()
               and r.status is SenStatus.SUPPORT for r in view.shown())
    view.table.sortByColumn(0, view.table.horizontalHeader().sortIndicatorOrder())


def test_register_finds_a_legal_surname_behind_a_preferred_one(qtbot: QtBot, desk: Desk) -> None:
    add_pupil(desk, legal_surname="Kowalski", legal_forename="Aleksander",
              preferred_surname="Cole", preferred_forename="Alex")
    add_pupil(desk, legal_surname="Chen")
    view = RegisterView(desk)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "kowal")
    assert [r.surname for r in view.shown()] == ["Cole"]
    view.search.clear()
    qtbot.keyClicks(view.search, "ALEKSANDER")
    assert [r.surname for r in view.shown()] == ["Cole"]


def test_need_filter_shows_the_need_it_matched(qtbot: QtBot, desk: Desk) -> None:
    add_pupil(desk, legal_surname="Adeyemi", needs=(NeedType.SLCN, NeedType.ASD))
    add_pupil(desk, legal_surname="Begum", needs=(NeedType.MLD,))
    view = RegisterView(desk)
    qtbot.addWidget(view)
    _choose(qtbot, view.need, "ASD")
    assert [r.surname for r in view.shown()] == ["Adeyemi"]
    needs = next(c for c, col in enumerate(view.model.columns) if col.title == "Needs")
    assert view.model.index(0, needs).data() == "SLCN, ASD"


def test_year_and_class_filters_offer_what_the_school_has_in_natural_order(
    qtbot: QtBot, desk: Desk
) -> None:
    for form, year in (("10A", YearGroup.Y10), ("7B", YearGroup.Y7), ("7A", YearGroup.Y7),
                       ("11C", YearGroup.Y11)):
        add_pupil(desk, form=form, year_group=year, dob=date(2021 - year, 10, 1))
    view = RegisterView(desk)
    qtbot.addWidget(view)
    assert [view.year.itemText(i) for i in range(view.year.count())] == [
        "Any year", "Year 7", "Year 10", "Year 11"]
    assert [view.form.itemText(i) for i in range(view.form.count())] == [
        "Any class", "7A", "7B", "10A", "11C"]
    _choose(qtbot, view.year, "Year 10")
    assert [r.form for r in view.shown()] == ["10A"]
    view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    _choose(qtbot, view.year, "Any year")
    assert [r.form for r in view.shown()] == ["7A", "7B", "10A", "11C"]


def _choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an item as a person does: focus the box and arrow down to it."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def test_new_pupil_shows_the_error_by_the_field_then_saves(qtbot: QtBot, desk: Desk) -> None:
    dialog = NewPupilDialog(desk)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.upn, "C801200005001")
    qtbot.keyClicks(dialog.surname, "O'Brien")
    dialog.forename.setText("Zoë")  # QTest cannot type non-ASCII keys offscreen
    type_date(dialog.dob, "14/03/2015")
    dialog.save()
    assert "check letter should be B, not C" in dialog.errors["upn"].text()
    assert dialog.pupil_id is None and pupils.list_pupils(desk) == []
    dialog.upn.setText(with_check_letter("801200005001"))
    dialog.status.select(SenStatus.SUPPORT)
    dialog.save()
    assert "primary need is required" in dialog.errors["primary need"].text()
    dialog.status.select(SenStatus.NONE)
    dialog.save()
    assert dialog.pupil_id is not None
    assert [r.surname for r in pupils.list_pupils(desk)] == ["O'Brien"]


def test_settings_save_and_reopen(qtbot: QtBot, desk: Desk) -> None:
    view = SettingsView(desk)
    qtbot.addWidget(view)
    view.urn.setText("12345")
    view.save()
    assert "six digits" in view.message.text()
    assert view.has_unsaved_changes()
    view.urn.setText("123456")
    view.autolock.setValue(5)
    view.reports_lead.setValue(8)
    view.save()
    assert not view.has_unsaved_changes()
    again = SettingsView(desk)
    qtbot.addWidget(again)
    assert again.urn.text() == "123456" and again.autolock.value() == 5
    assert school.get(desk).lead_times == {"request_reports": 56}
    assert again.accounts is not None and again.accounts.model.rowCount() == 1


def test_clicking_a_header_sorts_by_the_raw_value(qtbot: QtBot, demo_desk: Desk) -> None:
    from PySide6.QtCore import Qt

    view = RegisterView(demo_desk)
    qtbot.addWidget(view)
    view.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)  # next review, as dates
    reviews = [r.next_review for r in view.shown() if r.next_review]
    assert reviews == sorted(reviews)
    assert all(r.next_review is None for r in view.shown()[len(reviews):])
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    years = [int(r.year_group) for r in view.shown()]
    assert years == sorted(years, reverse=True)


def test_add_a_term_and_an_account(qtbot: QtBot, desk: Desk,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from sencodesk.domain.codes import Role
    from sencodesk.services import accounts

    view = SettingsView(desk)
    qtbot.addWidget(view)
    with answering_forms(monkeypatch,
                         {"name": "Autumn", "starts": date(2026, 9, 3), "ends": date(2026, 9, 1)},
                         {"name": "Autumn", "starts": date(2026, 9, 3),
                          "ends": date(2026, 12, 18)}) as shown:
        view.add_term()
        assert "before the term start" in shown[0].errors["term end"].text()
        view.add_term()
    assert [t.name for t in school.terms(desk)] == ["Autumn"]
    assert view.accounts is not None
    with answering_forms(monkeypatch,
                         {"name": "Tia Jones", "username": "tia", "role": Role.HEAD,
                          "password": "long enough", "again": "different"},
                         {"name": "Tia Jones", "username": "tia", "role": Role.HEAD,
                          "password": "long enough", "again": "long enough"}) as shown:
        view.accounts.add()
        assert "differ" in shown[0].errors["password again"].text()
        view.accounts.add()
    assert {a.username: a.role for a in accounts.list_accounts(desk)}["tia"] is Role.HEAD
