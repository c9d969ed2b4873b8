"""Which provision a member of staff delivers, from a plan's free-text "delivered by"."""

from __future__ import annotations

import pytest

from sencodesk.domain.permissions import delivers


@pytest.mark.parametrize("text", ["Pat Example", "pat  example", "Ms Example", "Mr. Example",
                                  "PEX", "pex1", "Ms Example and TA", "TA / Pat Example",
                                  "Class teacher", "subject teachers", "All staff"])
def test_named_or_every_teacher(text: str) -> None:
    assert delivers(text, name="Pat Example", username="pex1", mis_code="PEX")


@pytest.mark.parametrize("text", ["", "Teaching assistant", "TA Jones", "Ms Examples",
                                  "Pat Exampleton", "SENCO", "Mr Anderson", "Sam Example"])
def test_anyone_else(text: str) -> None:
    assert not delivers(text, name="Pat Example", username="pex1", mis_code="PEX")
