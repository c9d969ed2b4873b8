"""One writer of SEN status and need periods: pupils.apply_sen, used by forms, imports and
the demo school alike, so each of them keeps the census rules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sencodesk
from sencodesk.domain.codes import NeedType
from sencodesk.domain.errors import ValidationError
from sencodesk.services import demo, pupils
from sencodesk.services.context import Desk

PACKAGE = Path(sencodesk.__file__).resolve().parent


def test_only_the_pupils_service_makes_sen_periods() -> None:
    makers = []
    for module in PACKAGE.rglob("*.py"):
        if module.parent.name == "versions":  # migrations write SQL, not models
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in {"StatusPeriod", "NeedPeriod"}:
                makers.append(f"{module.relative_to(PACKAGE)}:{node.lineno}")
    assert makers and {m.split(":")[0] for m in makers} == {"services/pupils.py"}, makers


def test_the_demo_school_keeps_the_census_rules(desk: Desk,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """NSA with an EHC plan is refused by the census rules; a demo drawing it is refused too."""
    monkeypatch.setattr(demo, "E_NEEDS", ((NeedType.NSA, 1),))
    with pytest.raises(ValidationError, match="NSA"):
        demo.build(desk, pupils=40, seed=1)
    assert pupils.list_pupils(desk) == []
