"""Who a pupil passport tells class and supply staff to contact.

A passport is read by class and supply teachers, so by default it carries no parent's phone
number: staff go through the SENCO, whose contact is always printed. A school may choose to
name one parent or carer (with or without a phone number); only someone recorded with parental
responsibility is ever shown, since a passport must not lead staff to share information with,
or hand a child to, someone who does not hold it.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from sencodesk.domain.records import ParentRecord


class ParentContact(StrEnum):
    """The school's setting: which parent/carer contact a passport shows."""

    NONE = "none"
    NAME = "name"
    NAME_AND_PHONE = "name and phone"

    @property
    def label(self) -> str:
        return {
            ParentContact.NONE: "None: staff contact the SENCO",
            ParentContact.NAME: "Name one parent/carer with parental responsibility",
            ParentContact.NAME_AND_PHONE: "Name one parent/carer with parental responsibility "
                                          "and their phone number",
        }[self]


def passport_contacts(policy: ParentContact, parents: Sequence[ParentRecord], *,
                      senco_contact: str, senco_name: str) -> tuple[str, ...]:
    """The lines under "Key contacts": the SENCO always, then at most one parent/carer with
    parental responsibility if the school's setting asks for one."""
    reach = senco_contact.strip() or (
        f"{senco_name}, through the school office" if senco_name else "through the school office")
    lines = [f"SENCO: {reach}"]
    named = next((p for p in parents if p.parental_responsibility), None)
    if policy is not ParentContact.NONE and named is not None:
        line = f"{named.relationship or 'Parent/carer'}: {named.name}"
        if policy is ParentContact.NAME_AND_PHONE and named.phone:
            line += f" ({named.phone})"
        lines.append(line)
    return tuple(lines)
