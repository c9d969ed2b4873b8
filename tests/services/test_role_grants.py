"""No account reaches more than its own access by creating an account or resetting a password."""

from __future__ import annotations

import pytest
from factories import signed_in_as

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import PermissionDenied
from sencodesk.domain.permissions import GRANTS, may_grant
from sencodesk.services import accounts
from sencodesk.services.context import Desk

PAIRS = [(a, b) for a in Role for b in Role]


@pytest.mark.parametrize(("granter", "role"), PAIRS, ids=[f"{a}-gives-{b}" for a, b in PAIRS])
def test_every_role_gives_only_roles_within_its_own_access(
    desk: Desk, granter: Role, role: Role
) -> None:
    actor = desk if granter is Role.SENCO else signed_in_as(desk, granter)
    allowed = granter in (Role.SENCO, Role.ADMIN) and GRANTS[role] <= GRANTS[granter]
    assert may_grant(granter, role) is allowed
    if allowed:
        accounts.add_account(actor, full_name="New Person", username="newperson", role=role,
                             password="long enough pass")
    else:
        with pytest.raises(PermissionDenied):
            accounts.add_account(actor, full_name="New Person", username="newperson",
                                 role=role, password="long enough pass")
    # resetting someone else's password of that role: the same rule
    target = "target" + role.value
    accounts.add_account(desk, full_name="Target Person", username=target, role=role,
                         password="long enough pass")
    if allowed:
        accounts.set_password(actor, target, "another long pass")
        accounts.sign_in(desk.data_dir, target, "another long pass").close()
    else:
        with pytest.raises(PermissionDenied):
            accounts.set_password(actor, target, "another long pass")
        accounts.sign_in(desk.data_dir, target, "long enough pass").close()
    # withdrawing that account: the same rule (an Administrator cannot lock out the SENCO)
    if allowed:
        accounts.remove_account(actor, target)
    else:
        with pytest.raises(PermissionDenied, match=r"cannot (withdraw|manage)"):
            accounts.remove_account(actor, target)
    if actor is not desk:
        actor.close()


def test_an_administrator_cannot_make_a_head_or_reset_the_senco(desk: Desk) -> None:
    admin = signed_in_as(desk, Role.ADMIN)
    with pytest.raises(PermissionDenied, match="cannot give anyone the Head"):
        accounts.add_account(admin, full_name="Admin Again", username="admin2",
                             role=Role.HEAD, password="long enough pass")
    with pytest.raises(PermissionDenied, match="SENCO"):
        accounts.set_password(admin, "senco", "taken over now")
    assert accounts.grantable_roles(Role.ADMIN) == [Role.ADMIN]
    assert accounts.grantable_roles(Role.SENCO) == list(Role)
    # their own password, they may change
    accounts.set_password(admin, admin.actor.username, "my own new pass")
    admin.close()
