"""A pupil's Inclusion tab: context (flags, attendance, suspensions, part-time timetables) and
assessment scores over time, with a chart that reads in greyscale (a line style per test)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.assessment import ScoreKind, age_text
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import assessments
from sencodesk.services.assessments import ScoreRecord
from sencodesk.services.context import Desk
from sencodesk.ui.common import table_view
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog, combo
from sencodesk.ui.pupil.inclusion_box import InclusionBox
from sencodesk.ui.table_model import Column, RecordTableModel

_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
           Qt.PenStyle.DashDotLine)


def _shown(score: ScoreRecord) -> str:
    return age_text(score.value) if score.kind.is_age else f"{score.value:g}"


class InclusionTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int) -> None:
        super().__init__()
        self.desk, self.pupil_id = desk, pupil_id
        self.context = InclusionBox(desk, pupil_id,
                                    editable=desk.actor.may(Permission.EDIT_PUPILS))
        # a splitter shares the height by proportion: the context's tables are short lists,
        # the chart needs room to be read
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.context)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)
        self.scores = RecordTableModel[ScoreRecord]([
            Column("Date", lambda s: s.assessed_on), Column("Test", lambda s: s.test_name),
            Column("Kind", lambda s: s.kind.value), Column("Score", _shown),
            Column("Assessed by", lambda s: s.assessor)], self)
        if not desk.actor.may(Permission.READ_SUPPORT):
            return
        box = QGroupBox(self.tr("Assessment scores"))
        left = QVBoxLayout()
        left.addWidget(table_view(self.scores, self.tr("Assessment scores")), 1)
        if desk.actor.may(Permission.EDIT_SUPPORT):
            add = QPushButton(self.tr("Add &score…"))
            add.clicked.connect(self.add_score)
            left.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.kind = combo([(k.value.capitalize(), k) for k in ScoreKind], ScoreKind.STANDARDISED)
        self.kind.setAccessibleName(self.tr("Chart shows"))
        self.kind.currentIndexChanged.connect(self._draw)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        view = QChartView(self.chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setAccessibleName(self.tr("Scores over time"))
        right = QVBoxLayout()
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Chart:")))
        pick.addWidget(self.kind, 1)
        right.addLayout(pick)
        right.addWidget(view, 1)
        row = QHBoxLayout(box)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        self.split.addWidget(box)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.load()

    def load(self) -> None:
        self.scores.set_records(assessments.scores_of(self.desk, self.pupil_id))
        self._draw()

    def _draw(self) -> None:
        kind: ScoreKind = self.kind.value() or ScoreKind.STANDARDISED
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        found = [s for s in self.scores.records if s.kind is kind]
        self.chart.setTitle(self.tr("{kind}: no scores yet").format(kind=kind.value.capitalize())
                            if not found else kind.value.capitalize()
                            + (self.tr(" (months)") if kind.is_age else ""))
        if not found:
            return
        x_axis, y_axis = QDateTimeAxis(), QValueAxis()
        x_axis.setFormat("MM/yyyy")
        y_axis.setLabelFormat("%d")
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        tests = sorted({s.test_name for s in found})
        for number, test in enumerate(tests):
            series = QLineSeries()
            series.setName(test)
            series.setPointsVisible(True)
            series.setPen(QPen(Qt.GlobalColor.black, 2, _STYLES[number % len(_STYLES)]))
            for score in (s for s in found if s.test_name == test):
                moment = QDateTime(_qdate(score.assessed_on), QTime(12, 0))
                series.append(float(moment.toMSecsSinceEpoch()), score.value)
            self.chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        values = [s.value for s in found]
        y_axis.setRange(min(values) - 5, max(values) + 5)
        first, last = min(s.assessed_on for s in found), max(s.assessed_on for s in found)
        x_axis.setRange(QDateTime(_qdate(first), QTime(0, 0)).addDays(-15),
                        QDateTime(_qdate(last), QTime(0, 0)).addDays(15))

    def add_score(self) -> None:
        def save(v: dict[str, Any]) -> None:
            try:
                value = float(v["value"].replace(",", "."))
            except ValueError:
                raise ValidationError("value", "is a number (ages in months, e.g. 101 for "
                                      "8y 5m)") from None
            assessments.add_score(self.desk, self.pupil_id, v["kind"], v["test_name"],
                                  v["assessed_on"], value, v["assessor"])

        if FormDialog.ask(self.tr("Add an assessment score"), [
                ("kind", self.tr("Kind"), combo([(k.value.capitalize(), k) for k in ScoreKind])),
                ("test_name", self.tr("Test"), QLineEdit()),
                ("assessed_on", self.tr("Date"), DateField(self.desk.today())),
                ("value", self.tr("Score"), QLineEdit()),
                ("assessor", self.tr("Assessed by"), QLineEdit(self.desk.actor.name))],
                save, self, intro=self.tr("Reading and spelling ages are entered in months "
                                          "(8y 5m is 101).")):
            self.load()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
