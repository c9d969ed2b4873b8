"""Letters to parents and carers, drafted from the case file in plain words.

Pure: what the case file says about one pupil in, a letter (headed sections of short paragraphs)
out. Sentences are short and everyday, for a reading age of about 9 to 11: no census codes, no
"APDR", no "SEN support" without saying what it means. What a SENCO typed (outcomes, next
steps, views) is quoted as it was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from sencodesk.domain.codes import Progress, SenStatus
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.records import CycleRecord, ParentRecord

#: The duty to tell parents that the school is making special educational provision for their
#: child where no EHC plan is maintained (checked against the Act's text on legislation.gov.uk).
RULE_S68 = "Children and Families Act 2014, section 68(2)"
#: Schools meet parents at least three times a year (SEND Code of Practice 6.65).
RULE_MEETINGS = "SEND Code of Practice 2015, paragraph 6.65"


class LetterKind(Enum):
    SEN_PROVISION = "Special educational provision"
    REVIEW_INVITATION = "Invitation to a review meeting"
    REVIEW_SUMMARY = "Summary of a review"


#: How a review's judgement of one goal is put to a parent.
PLAIN_PROGRESS = {
    Progress.NOT_MET: "not reached yet",
    Progress.PARTLY: "part of the way there",
    Progress.MET: "reached",
    Progress.EXCEEDED: "reached, and more",
}


@dataclass(frozen=True)
class Letterhead:
    school: str
    address: tuple[str, ...]
    logo: bytes | None


@dataclass(frozen=True)
class LetterPupil:
    """What a letter needs to know about the pupil."""

    pupil_id: int
    forename: str
    full_name: str
    status: SenStatus
    parents: tuple[ParentRecord, ...]
    provision: tuple[str, ...] = ()
    cycles: tuple[CycleRecord, ...] = ()  # oldest first


#: A paragraph that is only this marker and a number of lines is drawn as an empty box of
#: that many lines, to write an answer in (views forms).
ANSWER_BOX = "[answer box]"


class ReviewPaper(Enum):
    """The papers of an EHC plan's annual review (domain/review_letters.py)."""

    INVITATION = "Invitation to an annual review"
    ADVICE_REQUEST = "Request for advice"
    PARENT_VIEWS = "Your views"
    PUPIL_VIEWS = "My views"
    PUPIL_VIEWS_EASY = "My views (easy read)"


@dataclass(frozen=True)
class Letter:
    kind: LetterKind | ReviewPaper
    pupil_id: int
    pupil_name: str
    dated: date
    to: str
    greeting: str
    subject: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (heading or "", paragraphs)
    signed: str
    role: str
    rule: str = ""
    #: body text size in points; 0 for the letters' usual size (easy read is larger)
    size: int = 0


def greeting(parents: Sequence[ParentRecord]) -> str:
    """"Dear Jo Adams and Sam Adams," from those with parental responsibility (else anyone
    recorded), or "Dear parent or carer,"."""
    chosen = [p.name for p in parents if p.parental_responsibility] or [p.name for p in parents]
    names = [n.strip() for n in chosen if n.strip()]
    if not names:
        return "Dear parent or carer,"
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Dear {joined},"


def _uk(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _active(pupil: LetterPupil) -> CycleRecord | None:
    live = [c for c in pupil.cycles if c.reviewed_on is None]
    return live[-1] if live else None


def _reviewed(pupil: LetterPupil) -> CycleRecord | None:
    done = [c for c in pupil.cycles if c.reviewed_on is not None]
    return max(done, key=lambda c: c.reviewed_on or c.review_on) if done else None


def sen_provision(pupil: LetterPupil, *, school: str, today: date, signed: str,
                  role: str) -> Letter:
    """The letter telling parents the school is making special educational provision for their
    child (CFA 2014 s68(2)); for pupils on SEN support, as the duty applies where no EHC plan
    is maintained."""
    if pupil.status is not SenStatus.SUPPORT:
        why = ("has an EHC plan, and this letter is for pupils without one"
               if pupil.status is SenStatus.EHCP else "is not on the SEND register")
        raise ValidationError("pupils", f"{pupil.full_name} {why} (section 68).")
    name = pupil.forename
    help_now = (tuple(f"• {p}" for p in pupil.provision) if pupil.provision else
                ("We will agree the help with you when we next meet.",))
    active = _active(pupil)
    meet = [f"We will meet you at least three times a year to talk about how {name} is "
            "getting on, and to plan the next steps together."]
    if active is not None:
        meet.append(f"Our next meeting is planned for {_uk(active.review_on)}. We will write "
                    "to you before then.")
    return Letter(
        LetterKind.SEN_PROVISION, pupil.pupil_id, pupil.full_name, today,
        f"To the parents and carers of {pupil.full_name}", greeting(pupil.parents),
        f"Extra help for {name} at school",
        (("", (f"I am writing to let you know that {school} is giving {name} extra help. "
               f"This help is different from, or added to, what most children of {name}'s "
               "age get at school. It is called special educational provision.",
               "The law asks schools to tell parents when they do this.")),
         ("The help we give now", help_now),
         ("Working together", tuple(meet)),
         ("Questions", ("If you would like to talk about this, please get in touch with me "
                        "at the school. You can also ask about the local offer: it lists the "
                        "help and services for children in our area.",))),
        signed, role, RULE_S68)


def review_invitation(pupil: LetterPupil, *, today: date, signed: str, role: str) -> Letter:
    """Inviting parents to the review of the pupil's support plan on its review date."""
    active = _active(pupil)
    if active is None:
        raise ValidationError("pupils", f"{pupil.full_name} has no support plan waiting for "
                              "its review: plan the support first.")
    name = pupil.forename
    return Letter(
        LetterKind.REVIEW_INVITATION, pupil.pupil_id, pupil.full_name, today,
        f"To the parents and carers of {pupil.full_name}", greeting(pupil.parents),
        f"Come and talk about how {name} is getting on",
        (("", (f"We would like to meet you on {_uk(active.review_on)} to look at how {name} "
               "is getting on with the extra help at school.",
               "If this day does not suit you, please tell us and we will find another. You "
               "are welcome to bring someone with you.")),
         ("Before we meet", ("It helps if you think about these things:",
                             f"• What is going well for {name}?",
                             f"• What worries you, or {name}?",
                             f"• What would you like {name} to work on next?",
                             f"We will ask {name} what they think, too.")),
         ("", ("Please let us know if you can come.",))),
        signed, role, RULE_MEETINGS)


def review_summary(pupil: LetterPupil, *, today: date, signed: str, role: str) -> Letter:
    """A plain summary of the pupil's last review: each goal and how far it was reached, what
    happens next, and the views given."""
    cycle = _reviewed(pupil)
    if cycle is None or cycle.reviewed_on is None:
        raise ValidationError("pupils", f"{pupil.full_name} has no review recorded yet.")
    name = pupil.forename
    goals = tuple(f"• {o.description.strip()}: {PLAIN_PROGRESS[o.progress]}."
                  if o.progress else f"• {o.description.strip()}: not looked at this time."
                  for o in sorted(cycle.outcomes, key=lambda o: o.position))
    sections: list[tuple[str, tuple[str, ...]]] = [
        ("", (f"Thank you for talking with us about {name} on {_uk(cycle.reviewed_on)}. "
              "This letter sums up what we said.",)),
        (f"How {name} got on", goals or ("We did not set goals this time.",)),
    ]
    if cycle.next_steps.strip():
        sections.append(("What happens next", (cycle.next_steps.strip(),)))
    if cycle.pupil_voice.strip():
        sections.append((f"What {name} told us", (cycle.pupil_voice.strip(),)))
    if cycle.parent_voice.strip():
        sections.append(("What you told us", (cycle.parent_voice.strip(),)))
    following = _active(pupil)
    if following is not None and following.starts_on >= cycle.starts_on:
        sections.append(("Our next meeting", (f"We plan to meet again on "
                                              f"{_uk(following.review_on)}.",)))
    sections.append(("", ("If anything here is not right, or you have a question, please "
                          "get in touch with me.",)))
    return Letter(LetterKind.REVIEW_SUMMARY, pupil.pupil_id, pupil.full_name, today,
                  f"To the parents and carers of {pupil.full_name}", greeting(pupil.parents),
                  f"What we agreed about {name}", tuple(sections), signed, role,
                  RULE_MEETINGS)


@dataclass(frozen=True)
class LetterSet:
    letterhead: Letterhead
    letters: tuple[Letter, ...]
    produced_by: str
