"""The signed-in desk: an open case file, who is acting, and what day it is."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlmodel import Session

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import OutsideView, PermissionDenied, SencodeskError
from sencodesk.domain.permissions import Permission, allows
from sencodesk.services import scope
from sencodesk.store.blobs import SealedFiles
from sencodesk.store.database import Database, Snapshot

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Actor:
    staff_id: int
    name: str
    username: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return allows(self.role, permission)


@dataclass
class Desk:
    """Everything a service call needs. ``today`` is injectable so the clock is testable."""

    db: Database
    actor: Actor
    data_dir: Path
    today: Callable[[], date] = field(default=date.today)
    #: The unit of work open on each thread, which services called inside it join.
    _open: threading.local = field(default_factory=threading.local, repr=False,
                                   compare=False)

    @property
    def blobs(self) -> SealedFiles:
        """The school's attached files (encrypted; named by a keyed hash of their content)."""
        return self.db.blobs

    @property
    def confidential_blobs(self) -> SealedFiles | None:
        """Confidential documents, under a key of their own that only the slots of roles
        allowed to read them hold; None if this person's sign-in does not open them."""
        return self.db.confidential_blobs

    def secret(self, purpose: str) -> bytes:
        """A keyed secret for one purpose (e.g. anonymous codes), never the school's key."""
        return self.db.secret(purpose)

    def require(self, permission: Permission) -> None:
        if not self.actor.may(permission):
            refusal = PermissionDenied(
                f"{self.actor.role.label} accounts cannot {permission.value}. "
                "Ask your SENCO if you need this."
            )
            if getattr(self._open, "session", None) is None:
                self._record_refusal(refusal)
            raise refusal

    def _record_refusal(self, refusal: PermissionDenied) -> None:
        """Put a refusal on the audit trail, in a unit of its own (the refused one is undone).
        A case file that cannot be written to (another writer, a full disk) still refuses."""
        from sencodesk.services import audit  # audit builds on this module

        if getattr(refusal, "audited", False):
            return
        refusal.audited = True  # type: ignore[attr-defined]
        pupil_id = refusal.pupil_id if isinstance(refusal, OutsideView) else None
        with contextlib.suppress(SencodeskError), \
                self.db.transaction(snapshot="write") as session:
            audit.record(session, self.actor, "refused", "pupil" if pupil_id else "permission",
                         pupil_id=pupil_id, summary=str(refusal)[:300])

    @contextlib.contextmanager
    def unit(self, permission: Permission) -> Iterator[Session]:
        """One permission-checked transaction: all of it happens, or none of it. Called
        inside a :meth:`composite` (or another unit) on the same thread, it joins that one."""
        self.require(permission)
        with self._join_or_begin(None) as session:
            yield session

    @contextlib.contextmanager
    def composite(self, *permissions: Permission, writes: bool = True) -> Iterator[Session]:
        """A use case made of other services' calls as one unit of work: every read from
        one snapshot of the case file, and (``writes``) its audit rows committed with them or
        not at all. The services called inside join it instead of opening their own."""
        for permission in permissions:
            self.require(permission)
        with self._join_or_begin("write" if writes else "read") as session:
            yield session

    @contextlib.contextmanager
    def _join_or_begin(self, snapshot: Snapshot) -> Iterator[Session]:
        current: Session | None = getattr(self._open, "session", None)
        if current is not None:
            yield current
            return
        try:
            with self.db.transaction(snapshot=snapshot) as session:
                self._open.session = session
                try:
                    scope.narrow(session, role=self.actor.role, staff_id=self.actor.staff_id,
                                 day=self.today())
                    yield session
                finally:
                    self._open.session = None
        except PermissionDenied as refusal:
            self._record_refusal(refusal)
            raise

    def close(self) -> None:
        self.db.close()


def composite(*permissions: Permission, writes: bool = True,
              ) -> Callable[[Callable[Concatenate[Desk, P], R]],
                            Callable[Concatenate[Desk, P], R]]:
    """Run the decorated service (whose first argument is the desk) as one
    :meth:`Desk.composite` unit of work."""
    def wrap(service: Callable[Concatenate[Desk, P], R]) -> Callable[Concatenate[Desk, P], R]:
        @functools.wraps(service)
        def run(desk: Desk, /, *args: P.args, **kwargs: P.kwargs) -> R:
            with desk.composite(*permissions, writes=writes):
                return service(desk, *args, **kwargs)
        return run
    return wrap
