"""The Qt binding keeps Python's None intact.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that returns
nothing (setText, setData...), and the interpreter aborts ("deallocating None") once a few
thousand calls have been made: the Due page of a large school, refreshed a few times, was
enough. pyproject.toml keeps such a binding out; this test fails if one comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 300


def test_methods_returning_nothing_leave_none_alone(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    item = QStandardItem("x")
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n))
        item.setData(n, 257)
    # other threads and the interpreter may take or drop a few references meanwhile; a
    # binding that takes one per call loses 2 × CALLS
    assert sys.getrefcount(None) > before - CALLS // 10
