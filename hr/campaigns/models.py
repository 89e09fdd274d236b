"""A campaign: one interview type, one grid version, a population, deadlines."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.db import UTCDateTime, db, str_enum, utcnow
from hr.grids.models import GridVersion, InterviewType


class CampaignStatus(enum.StrEnum):
    DRAFT = "draft"
    LAUNCHED = "launched"
    CLOSED = "closed"


class Campaign(db.Model):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    interview_type_id: Mapped[int] = mapped_column(sa.ForeignKey("interview_types.id"))
    grid_version_id: Mapped[int] = mapped_column(sa.ForeignKey("grid_versions.id"))
    status: Mapped[CampaignStatus] = mapped_column(
        str_enum(CampaignStatus, "campaign_status"), default=CampaignStatus.DRAFT, index=True
    )
    # Who is in: {"department_ids": [...], "site_ids": [...], "contract_types": [...],
    #             "hired_before": "YYYY-MM-DD", "manager_ids": [...]}; empty = everyone.
    population: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    opens_on: Mapped[date]
    preparation_deadline: Mapped[date | None]
    interview_deadline: Mapped[date]
    signature_deadline: Mapped[date | None]
    instructions_managers: Mapped[str | None] = mapped_column(sa.Text)
    instructions_employees: Mapped[str | None] = mapped_column(sa.Text)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    launched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    close_reason: Mapped[str | None] = mapped_column(sa.Text)

    interview_type: Mapped[InterviewType] = relationship()
    grid_version: Mapped[GridVersion] = relationship()

    def snapshot(self) -> dict:
        return {
            "name": self.name,
            "status": CampaignStatus(self.status).value,
            "grid_version_id": self.grid_version_id,
            "population": self.population,
            "opens_on": self.opens_on,
            "preparation_deadline": self.preparation_deadline,
            "interview_deadline": self.interview_deadline,
            "signature_deadline": self.signature_deadline,
        }
