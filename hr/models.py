"""Import every model module so that Alembic and `create_all` see all tables."""

from hr.audit.models import AuditEvent
from hr.auth.models import User
from hr.calendars.feeds import FeedToken
from hr.campaigns.models import Campaign
from hr.compliance.models import (
    Absence,
    Mandate,
    PenaltyPayment,
    Progression,
    TrainingRecord,
)
from hr.core.models import Setting
from hr.grids.models import (
    Grid,
    GridQuestion,
    GridSection,
    GridVersion,
    InterviewType,
    LibraryQuestion,
    RatingScale,
    Skill,
)
from hr.interviews.models import (
    Addendum,
    Answer,
    FollowUpAction,
    Interview,
    Objective,
    Signature,
    TrainingRequest,
)
from hr.mail.models import OutboxMessage
from hr.people.models import Department, Employee, ImportBatch, Site

__all__ = [
    "Absence",
    "Mandate",
    "PenaltyPayment",
    "Progression",
    "TrainingRecord",
    "Addendum",
    "Answer",
    "Campaign",
    "FeedToken",
    "OutboxMessage",
    "FollowUpAction",
    "Interview",
    "Objective",
    "Signature",
    "TrainingRequest",
    "AuditEvent",
    "Department",
    "Employee",
    "Grid",
    "GridQuestion",
    "GridSection",
    "GridVersion",
    "ImportBatch",
    "InterviewType",
    "LibraryQuestion",
    "RatingScale",
    "Setting",
    "Site",
    "Skill",
    "User",
]
