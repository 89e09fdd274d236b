"""The figures the CSE receives on career interviews (L2312-18, R2312-8/9, in the
BDESE): employees who had one in the year, penalties paid and their amount, and the
training actions that followed the interviews. CSV and XLSX exports."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

import sqlalchemy as sa
from flask_babel import gettext as _

from hr.compliance.models import PenaltyPayment
from hr.db import db
from hr.grids.models import InterviewType
from hr.interviews.models import Interview, Status, TrainingRequest, TrainingStatus


@dataclass
class CseFigures:
    year: int
    employees_interviewed: int = 0
    interviews: int = 0
    reviews: int = 0
    penalties_paid: int = 0
    penalties_amount: int = 0
    trainings_requested: int = 0
    trainings_by_status: dict[str, int] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, object]]:
        labels = {
            TrainingStatus.REQUESTED: _("Training requests still to decide"),
            TrainingStatus.APPROVED: _("Training requests approved"),
            TrainingStatus.REFUSED: _("Training requests refused"),
            TrainingStatus.PLANNED: _("Training actions planned"),
            TrainingStatus.DONE: _("Training actions done"),
        }
        return [
            (_("Employees who had a career interview"), self.employees_interviewed),
            (_("Career interviews held"), self.interviews),
            (_("of which 8-year reviews"), self.reviews),
            (_("Penalties paid (abondement correctif)"), self.penalties_paid),
            (_("Amount of the penalties paid (€)"), self.penalties_amount),
            (_("Training requests made in career interviews"), self.trainings_requested),
        ] + [(label, self.trainings_by_status.get(s.value, 0)) for s, label in labels.items()]


def figures(year: int) -> CseFigures:
    """Four aggregate queries, whatever the size of the company."""
    result = CseFigures(year=year)
    lo = datetime.combine(date(year, 1, 1), time(), tzinfo=UTC)
    hi = datetime.combine(date(year + 1, 1, 1), time(), tzinfo=UTC)
    counted = sa.or_(
        Interview.status == Status.SIGNED,
        sa.and_(Interview.status == Status.CLOSED, Interview.copy_available_on.isnot(None)),
    )
    career = sa.select(Interview.id, Interview.employee_id, InterviewType.code).join(
        InterviewType, InterviewType.id == Interview.interview_type_id
    )
    held = (
        career.where(
            InterviewType.code.in_(("career", "career_review")),
            counted,
            Interview.held_at >= lo,
            Interview.held_at < hi,
        )
    ).subquery()
    row = db.session.execute(
        sa.select(
            sa.func.count(sa.distinct(held.c.employee_id)),
            sa.func.count(held.c.id),
            sa.func.count(held.c.id).filter(held.c.code == "career_review"),
        )
    ).one()
    result.employees_interviewed, result.interviews, result.reviews = row
    paid = db.session.execute(
        sa.select(sa.func.count(PenaltyPayment.id), sa.func.sum(PenaltyPayment.amount)).where(
            PenaltyPayment.paid_on.between(date(year, 1, 1), date(year, 12, 31))
        )
    ).one()
    result.penalties_paid, result.penalties_amount = paid[0], int(paid[1] or 0)
    by_status = db.session.execute(
        sa.select(TrainingRequest.status, sa.func.count(TrainingRequest.id))
        .where(TrainingRequest.interview_id.in_(sa.select(held.c.id)))
        .group_by(TrainingRequest.status)
    ).all()
    result.trainings_by_status = {TrainingStatus(s).value: n for s, n in by_status}
    result.trainings_requested = sum(result.trainings_by_status.values())
    return result


def as_csv(f: CseFigures) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Indicator"), str(f.year)])
    writer.writerows(f.rows())
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(f: CseFigures) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = str(f.year)
    sheet.append([_("Indicator"), f.year])
    for label, value in f.rows():
        sheet.append([label, value])
    sheet.column_dimensions["A"].width = 55
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
