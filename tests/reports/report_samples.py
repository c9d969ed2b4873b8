"""Realistic sample data for the report tests (and for regenerating docs/screenshots): built
straight from the domain dataclasses, no database involved."""

from __future__ import annotations

from datetime import date, datetime

from sencodesk.domain.codes import CycleStatus, NeedType, Progress, SenStatus, YearGroup
from sencodesk.domain.documents import DocumentMeta
from sencodesk.domain.records import (
    CycleRecord,
    OutcomeRecord,
    PassportContent,
    PassportRecord,
    ProvisionRecord,
    PupilRow,
)

META = DocumentMeta(
    school="Oak Hill Academy",
    produced_by="Sam Patel",
    produced_at=datetime(2026, 11, 22, 14, 5),
    title="Pupil passport",
)


def pupil(
    forename: str = "Zoë", surname: str = "Łukasiewicz-Smith", pupil_id: int = 1, form: str = "7B"
) -> PupilRow:
    return PupilRow(
        id=pupil_id, upn="B801200005001", surname=surname, forename=forename,
        dob=date(2014, 3, 1), year_group=YearGroup.Y7, form=form, gender="F",
        status=SenStatus.SUPPORT, primary_need=NeedType.SLCN, secondary_need=NeedType.SPLD,
        left_on=None, next_review=date(2026, 12, 11),
    )


CONTENT = PassportContent(
    about_me=(
        "I am kind and funny and I love animals, especially my dog Biscuit. People say I am a "
        "good friend and I always notice when someone is sad."
    ),
    important_to_me=(
        "My family, my dog, drawing manga, and sitting with my friend Amara at lunch. "
        "Knowing what is happening next."
    ),
    find_difficult=(
        "Long spoken instructions – I forget the middle bit. Loud rooms and the hall at lunch. "
        "Reading out loud in front of the class. When plans change without warning."
    ),
    support_me=(
        "Give me instructions one or two at a time, and write them on the board\n"
        "Check in with me quietly after you set the task\n"
        "Don't ask me to read aloud unless I offer\n"
        "Let me use my timeout card and go to the library for 5 minutes\n"
        "Tell me before the lesson if there is a cover teacher or a room change\n"
        "Print worksheets on cream paper in a large font"
    ),
    help_myself=(
        "I will use my planner to write down homework. I will show my timeout card instead of "
        "walking out. I will ask my buddy if I miss an instruction."
    ),
    current_provision=(
        "Speech and language group (Tuesdays, 3 × 20 min).\nSmall-group reading (Lexia) "
        "3 times a week.\nMorning check-in with Mrs Khan."
    ),
    key_information=(
        "Reading age 8y 4m (tested 09/2026). Working memory difficulties (EP report 2025). "
        "Wears glasses for reading."
    ),
)


def passport(content: PassportContent = CONTENT, pupil_id: int = 1) -> PassportRecord:
    return PassportRecord(
        id=10 + pupil_id, pupil_id=pupil_id, version=3, written_on=date(2026, 9, 15),
        review_on=date(2026, 12, 11), content=content, author="Sam Patel",
        saved_at=datetime(2026, 9, 15, 16, 30),
    )


CONTACTS = (
    "Form tutor: Mr D O'Brien (room 14)",
    "SENCO: Sam Patel (ext 214)",
    "Key adult: Mrs A Khan, teaching assistant",
)

LONG = 3000


def long_content() -> PassportContent:
    words = "Sometimes I find it hard to keep up when everyone talks at once and I lose track. "
    text = (words * (LONG // len(words) + 1))[:LONG]
    lines = "\n".join(f"Strategy {n}: {words.strip()}" for n in range(1, 40))[:LONG]
    return PassportContent(text, text, text, lines, text, text, text)


def cycles() -> tuple[CycleRecord, ...]:
    """A current active cycle and the reviewed one before it (newest first)."""
    provisions = (
        ProvisionRecord(1, 1, "Speech and language group", "Vocabulary and narrative work",
                        "Mrs A Khan (TA)", 4, 20, 3, 12, 18000),
        ProvisionRecord(2, 2, "Lexia reading", "Computer-based phonics and fluency",
                        "Mr J Ward (HLTA)", 6, 30, 3, 12, 9600),
        ProvisionRecord(3, None, "Morning check-in", "Five minutes to plan the day",
                        "Mrs A Khan (TA)", 1, 5, 5, 12, 3500),
    )
    active = CycleRecord(
        id=2, pupil_id=1, previous_id=1, status=CycleStatus.ACTIVE,
        starts_on=date(2026, 9, 15), review_on=date(2026, 12, 11),
        assess_notes="Reading age 8y 4m on the Salford test. Teachers report she follows "
                     "one-step instructions well but loses multi-step ones.",
        areas_of_need="Understanding spoken instructions with more than two parts. Reading "
                      "fluency and confidence. Managing busy, noisy places.",
        reviewed_on=None, next_steps="", pupil_voice="", parent_voice="", attendees="",
        outcomes=(
            OutcomeRecord(1, 1, "Zoë will follow a three-step instruction in class without "
                          "help.", "Does so in 4 out of 5 observed lessons by December.", None),
            OutcomeRecord(2, 2, "Zoë will read a Year 4 text aloud to an adult at 90 words a "
                          "minute.", "Measured in the Lexia fluency check.", None),
            OutcomeRecord(3, 3, "Zoë will use her timeout card instead of leaving the room.",
                          "No unplanned exits for four weeks in a row.", None),
        ),
        provisions=provisions,
    )
    reviewed = CycleRecord(
        id=1, pupil_id=1, previous_id=None, status=CycleStatus.REVIEWED,
        starts_on=date(2026, 4, 20), review_on=date(2026, 7, 10),
        assess_notes="Transition information from Elm Primary; SaLT report March 2026.",
        areas_of_need="Speech, language and communication: vocabulary and following "
                      "instructions. Anxiety about change.",
        reviewed_on=date(2026, 7, 8),
        next_steps="Carry on with the language group in Year 7. Add Lexia for reading "
                   "fluency. Share the passport with all Year 7 teachers before September.",
        pupil_voice="I liked the group because it was quiet. I still don't like reading out "
                    "loud.",
        parent_voice="Mrs Łukasiewicz-Smith says Zoë is calmer at home and talks about school "
                     "more. She would like more warning of trips and changes.",
        attendees="Zoë, Mrs Łukasiewicz-Smith (mum), Sam Patel (SENCO), Mrs A Khan (TA)",
        outcomes=(
            OutcomeRecord(4, 1, "Zoë will learn and use ten new topic words each half term.",
                          "Uses them correctly in written work.", Progress.MET),
            OutcomeRecord(5, 2, "Zoë will tell an adult when she is worried.",
                          "Uses the worry box or tells her key adult weekly.",
                          Progress.PARTLY),
            OutcomeRecord(6, 3, "Zoë will complete the transition visits.",
                          "Attends all three visits to Oak Hill.", Progress.EXCEEDED),
        ),
        provisions=provisions[:1] + provisions[2:],
    )
    return (active, reviewed)
