"""Small Common Transfer Files for tests."""

from __future__ import annotations

from sencodesk.domain.upn import with_check_letter

UPN_A = with_check_letter("801200005001")
UPN_B = with_check_letter("801200005002")


def ctf_file(*pupils: str, prolog: str = "") -> bytes:
    body = "".join(pupils)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<CTfile>\n<Header>'
            "<DocumentName>Common Transfer File</DocumentName><Unknown>x</Unknown></Header>\n"
            f"<CTFpupilData>\n{body}</CTFpupilData>\n</CTfile>\n").encode()


def ctf_pupil(upn: str = UPN_A, *, dob: str = "2014-03-01", year: str = "7",
          sen: str = ("<SEN><StartDate>2023-09-04</StartDate><SENprovision>K</SENprovision>"
                      "</SEN>"),
          needs: str = ("<SENneeds><SENneed><SENtypeRank>2</SENtypeRank><SENtype>SPLD</SENtype>"
                        "</SENneed><SENneed><SENtypeRank>1</SENtypeRank><SENtype>SLCN</SENtype>"
                        "</SENneed></SENneeds>")) -> str:
    return (f"<Pupil>\n<UPN>{upn}</UPN><Surname>Łukasiewicz-Smith</Surname>"
            f"<Forename>Zoë</Forename><DOB>{dob}</DOB><Sex>F</Sex>"
            f"<BasicDetails><NCyearActual>{year}</NCyearActual><Hobby>chess</Hobby>"
            f"</BasicDetails><SENhistory>{sen}{needs}</SENhistory>\n</Pupil>\n")
