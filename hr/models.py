"""Import every model module so that Alembic and `create_all` see all tables."""

from hr.audit.models import AuditEvent
from hr.auth.models import User
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
from hr.people.models import Department, Employee, ImportBatch, Site

__all__ = [
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
