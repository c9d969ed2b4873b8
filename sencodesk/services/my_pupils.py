"""A teacher's own pupils, group by group: each SEN pupil's need and key strategies in a
line, read in one unit of work so the screen paints from one snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.permissions import Permission, whole_school
from sencodesk.domain.records import PupilRow, SincePrinted
from sencodesk.services import groups, passport_prints, passports, register_rows, scope
from sencodesk.services.context import Desk, composite
from sencodesk.store.tables import Pupil

#: How many of a passport's "how best to support me" lines a one-line summary shows.
KEY_STRATEGIES = 3


@dataclass(frozen=True)
class PupilLine:
    row: PupilRow
    need: str  # the primary need's name, "" for a pupil not on the SEN register
    strategies: tuple[str, ...]  # the passport's first few, () without a passport
    has_passport: bool
    #: what changed in the passport since the reader last printed it (None: nothing, or never)
    since: SincePrinted | None = None

    @property
    def on_register(self) -> bool:
        return self.row.status is not SenStatus.NONE


@dataclass(frozen=True)
class GroupPupils:
    """One teaching group's pupils in register order, or (``group`` None) the pupils the
    SENCO has shared with this teacher by name."""

    group: groups.GroupRecord | None
    pupils: tuple[PupilLine, ...]

    @property
    def title(self) -> str:
        return self.group.label if self.group else "Shared with you"

    @property
    def with_send(self) -> tuple[PupilLine, ...]:
        """The pupils a teacher needs to know about: on the SEN register or with a passport."""
        return tuple(p for p in self.pupils if p.on_register or p.has_passport)


@composite(Permission.READ_PASSPORTS, writes=False)
def my_groups(desk: Desk, *, day: date | None = None) -> list[GroupPupils]:
    """The groups the signed-in person teaches on ``day`` (today) with their pupils, then any
    pupils shared with them by name; for a whole-school role, the groups they teach."""
    day = day or desk.today()
    staff_id = desk.actor.staff_id
    with desk.unit(Permission.READ_PUPILS) as session:
        taught = groups.groups_of(session, day, staff_id)
        placed = {g.id: groups.members(session, g.id, day) for g in taught}
        shared: set[int] = set()
        if not whole_school(desk.actor.role):
            shared = set(scope.pupils_taught(session, staff_id, day)) - set().union(
                *placed.values())
        everyone = set().union(shared, *placed.values())
        rows = {r.id: r for r in register_rows.read(
            session, [col(Pupil.id).in_(sorted(everyone))])} if everyone else {}
    latest = passports.latest_for(desk, sorted(rows)) if rows else {}
    since = passport_prints.since_printed(desk, latest)

    def line(row: PupilRow) -> PupilLine:
        passport = latest.get(row.id)
        strategies = tuple(passport.content.strategies[:KEY_STRATEGIES]) if passport else ()
        return PupilLine(row, row.primary_need.label if row.primary_need else "", strategies,
                         passport is not None, since.get(row.id))

    def lines(ids: set[int]) -> tuple[PupilLine, ...]:
        # register order: the order ``register_rows.read`` gives (surname, then forename)
        return tuple(line(row) for pid, row in rows.items() if pid in ids)

    found = [GroupPupils(g, lines(placed[g.id])) for g in taught]
    if shared:
        found.append(GroupPupils(None, lines(shared)))
    return found
