"""Teachers in the server load benchmark: their accounts, made in the template school, and what
one does in the app, every read and write of theirs narrowed by row-level security to the
pupils they teach (``sencodesk_pupils_in_view()`` in each policy a Teacher's login passes)."""

from __future__ import annotations

import itertools
import random
import time
from dataclasses import dataclass, field

from benchmarks.server_staff import Report
from sencodesk.domain.codes import Role
from sencodesk.services import (
    accounts,
    groups,
    my_pupils,
    passports,
    plan_strategies,
    pupils,
    records_log,
)
from sencodesk.services.context import Desk
from sencodesk.services.demo_names import SURNAMES

PASSWORD = "benchmark teacher pass"
#: How many teaching groups the 1st, 2nd, 3rd... teacher is given (then round again).
GROUPS_EACH = (1, 2, 3)
#: A teacher's share of actions that open one of their pupils and read My pupils; the rest
#: add a note to the contact log.
OPEN, MY_PUPILS = 0.5, 0.3
NOTE_KIND = "observation"


def username(number: int) -> str:
    """The ``number``-th (from 0) benchmark teacher's account."""
    return f"teacher{number + 1}"


@dataclass(frozen=True)
class Taught:
    """What the benchmark's teachers were given in the template school."""

    teachers: int
    groups: int  # different groups among them
    shared: int  # groups given to two or more of them (only when the school has too few)
    fewest: int  # pupils taught by the teacher with the fewest
    most: int


def add_teachers(desk: Desk, count: int) -> Taught:
    """``count`` Teacher accounts, each made a teacher of 1 to 3 (GROUPS_EACH) of the demo's
    teaching groups beside its own teacher, dealt at random and all different while the
    school has enough groups with pupils in them."""
    listed = [g.id for g in groups.list_groups(desk) if g.pupils]
    dealt = itertools.cycle(random.Random(1).sample(listed, len(listed)))
    given: dict[int, int] = {}
    reach: list[int] = []
    for number in range(count):
        staff_id = accounts.add_account(desk, full_name=f"Ms {SURNAMES[number % len(SURNAMES)]}",
                                        username=username(number), role=Role.TEACHER,
                                        password=PASSWORD)
        taught: set[int] = set()
        for group_id in itertools.islice(dealt, GROUPS_EACH[number % len(GROUPS_EACH)]):
            group = groups.find_group(desk, group_id)
            if staff_id not in group.teacher_ids:
                groups.update_group(desk, group_id, groups.GroupFields(
                    group.code, group.subject, (*group.teacher_ids, staff_id),
                    group.starts_on, group.ends_on))
                given[group_id] = given.get(group_id, 0) + 1
            taught |= {row.id for row in groups.pupils_in(desk, group_id)}
        reach.append(len(taught))
    return Taught(count, len(given), sum(1 for n in given.values() if n > 1),
                  min(reach, default=0), max(reach, default=0))


def open_own(desk: Desk, pupil: int) -> None:
    """What the app's pupil page reads for a Teacher: the pupil's details, passport, the
    strategies of their plan and the contact-log notes the teacher may read."""
    pupils.get(desk, pupil)
    passports.latest(desk, pupil)
    plan_strategies.current_plan(desk, pupil)
    records_log.contacts(desk, pupil)


@dataclass
class Teacher:
    """A teacher: opens one of their pupils (those My pupils shows as on the SEN register or
    with a passport), reads My pupils, and adds notes to the contact log."""

    username: str
    role: str = "Teacher"
    password: str = PASSWORD
    pupils: list[int] = field(default_factory=list)  # read in warm_up, from My pupils

    def warm_up(self, desk: Desk) -> None:
        lines = [line for group in my_pupils.my_groups(desk) for line in group.pupils]
        send = {line.row.id for line in lines if line.on_register or line.has_passport}
        self.pupils = sorted(send or {line.row.id for line in lines})
        if not self.pupils:
            raise RuntimeError(f"the benchmark's {self.username} teaches no pupils")
        open_own(desk, self.pupils[0])

    def act(self, desk: Desk, rng: random.Random, report: Report, who: str) -> None:
        pick = rng.random()
        if pick < OPEN:
            report.timed("teacher open", open_own, desk, rng.choice(self.pupils))
        elif pick < OPEN + MY_PUPILS:
            report.timed("my pupils", my_pupils.my_groups, desk)
        else:
            pupil = rng.choice(self.pupils)
            text = f"{who} note {len(report.notes) + 1} at {time.time():.6f}"
            added = report.timed("note", lambda: records_log.add_contact(
                desk, pupil, occurred_on=desk.today(), kind=NOTE_KIND, summary=text))
            report.notes.append((pupil, added, text))
