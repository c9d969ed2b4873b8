"""Support plan, as staff who teach the pupil read it: the current plan's strategies and the
provision they deliver, nothing else of the plan."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from sencodesk.domain.records import PlanStrategies
from sencodesk.services import plan_strategies
from sencodesk.services.context import Desk
from sencodesk.ui.common import uk


def strategies_html(plan: PlanStrategies | None) -> str:
    if plan is None:
        return "<p>No support plan has been written for this pupil yet.</p>"
    e = html.escape
    parts = [f"<h3>Support plan from {uk(plan.starts_on)} · review {uk(plan.review_on)}</h3>"]
    if plan.areas_of_need:
        parts.append(f"<p><b>Areas of need:</b> {e(plan.areas_of_need)}</p>")
    parts.append("<p><b>How best to support me</b></p>")
    parts.append("<ul>" + "".join(f"<li>{e(s)}</li>" for s in plan.strategies) + "</ul>"
                 if plan.strategies else "<p><i>No strategies in the passport yet.</i></p>")
    parts.append("<p><b>Provision you deliver</b></p>")
    parts.append("<ul>" + "".join(
        f"<li>{e(p.name)}: {p.sessions_per_week} × {p.minutes_per_session} min for {p.weeks} "
        f"weeks, group of {p.group_size} ({e(p.delivered_by)})</li>" for p in plan.provisions)
        + "</ul>" if plan.provisions else "<p><i>None of this plan's provision names you; "
        "the SENCO holds the whole plan.</i></p>")
    return "".join(parts)


class StrategiesTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int) -> None:
        super().__init__()
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Support plan strategies"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.detail)
        self.detail.setHtml(strategies_html(plan_strategies.current_plan(desk, pupil_id)))
