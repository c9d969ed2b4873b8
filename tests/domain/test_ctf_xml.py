"""Reading and writing Common Transfer Files safely."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from ctf_samples import UPN_A, UPN_B
from ctf_samples import ctf_file as ctf
from ctf_samples import ctf_pupil as pupil
from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.ctf import LeaverHistory, build_ctf, parse_ctf
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.upn import with_check_letter


def test_reads_details_and_sen_history_ignoring_unknown_elements() -> None:
    parsed = parse_ctf(ctf(pupil(), pupil(UPN_B, sen="", needs="")))
    assert not parsed.errors
    first, second = parsed.rows
    assert (first.upn, first.surname, first.forename) == (UPN_A, "Łukasiewicz-Smith", "Zoë")
    assert (first.dob, first.year_group, first.gender) == (date(2014, 3, 1), YearGroup.Y7, "F")
    assert first.status is SenStatus.SUPPORT and first.sen_since == date(2023, 9, 4)
    assert first.needs == (NeedType.SLCN, NeedType.SPLD)  # by rank, not file order
    assert first.row == 5  # the line of its <Pupil>
    assert second.status is SenStatus.NONE and second.needs == ()


def test_a_contacts_details_are_never_taken_for_the_pupils() -> None:
    # the pupil's own preferred names are missing; a contact listed first has some
    contact = ("<Contacts><Contact><Surname>Parent</Surname><PreferredSurname>Mum"
               "</PreferredSurname><Forename>Ada</Forename><Sex>F</Sex></Contact></Contacts>")
    text = pupil().replace("<Pupil>\n", "<Pupil>\n" + contact)
    (row,) = parse_ctf(ctf(text)).rows
    assert (row.surname, row.forename) == ("Łukasiewicz-Smith", "Zoë")
    assert row.preferred_surname == ""


def test_newest_sen_entry_wins_and_historical_codes_are_mapped() -> None:
    sen = ("<SEN><StartDate>2019-09-01</StartDate><SENprovision>S</SENprovision></SEN>"
           "<SEN><StartDate>2017-09-01</StartDate><SENprovision>A</SENprovision></SEN>")
    (row,) = parse_ctf(ctf(pupil(sen=sen))).rows
    assert row.status is SenStatus.EHCP and row.sen_since == date(2019, 9, 1)
    assert row.sen_history == ((date(2017, 9, 1), SenStatus.SUPPORT),
                               (date(2019, 9, 1), SenStatus.EHCP))
    assert "historical code S recorded as E" in row.note
    assert "historical code A recorded as K" in row.note


def test_a_bad_pupil_is_rejected_with_its_line_and_the_rest_are_read() -> None:
    parsed = parse_ctf(ctf(pupil(), pupil(UPN_B, dob="01/03/2014"),
                           pupil(with_check_letter("801200005003"), year="banana")))
    assert len(parsed.rows) == 1
    assert [(e.row, e.message.split(":")[0]) for e in parsed.errors] == [
        (8, "DOB"), (11, "NCyearActual")]
    assert "yyyy-mm-dd" in parsed.errors[0].message


@pytest.mark.parametrize(("data", "message"), [
    (b"", "is empty"),
    (b"<CTfile><Pupil><UPN>x</UPN></CTfile>", "not well-formed XML at line 1"),
    (b"<CTfile>\n<Header/>\n</CTfile>", "no <Pupil> elements"),
])
def test_file_level_problems_are_clear(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_ctf(data)


def test_billion_laughs_is_refused_unexpanded() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10))
    data = ctf(pupil().replace("Zoë", "&lol9;"), prolog=f"<!DOCTYPE CTfile [{entities}]>\n")
    with pytest.raises(ValidationError, match="refused unread"):
        parse_ctf(data)


def test_external_entity_is_refused_never_read(tmp_path: object) -> None:
    data = ctf(pupil().replace("Zoë", "&secret;"),
               prolog='<!DOCTYPE CTfile [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n')
    with pytest.raises(ValidationError, match="refused unread"):
        parse_ctf(data)


names = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x17F),
                min_size=1, max_size=20)


@given(surname=names, forename=names, status=st.sampled_from([SenStatus.SUPPORT,
                                                               SenStatus.EHCP]),
       need=st.sampled_from([n for n in NeedType if n is not NeedType.NSA]),
       year=st.sampled_from(list(YearGroup)))
def test_what_we_write_reads_back_the_same(surname: str, forename: str, status: SenStatus,
                                           need: NeedType, year: YearGroup) -> None:
    leaver = LeaverHistory(UPN_A, surname, forename, date(2012, 5, 17), "M", year,
                           ((date(2020, 9, 1), SenStatus.SUPPORT), (date(2023, 1, 9), status)),
                           (need,))
    data = build_ctf([leaver], school="Oak Hill & Co <Academy>", urn="123456", la="801",
                     generated_at=datetime(2026, 11, 22, 9, 30))
    (row,) = parse_ctf(data).rows
    assert (row.upn, row.surname, row.forename, row.dob) == (UPN_A, surname, forename,
                                                             leaver.dob)
    assert (row.year_group, row.status, row.needs) == (year, status, (need,))
    assert row.sen_since == date(2023, 1, 9)
