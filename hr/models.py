"""Import every model module so that Alembic and `create_all` see all tables."""

from hr.audit.models import AuditEvent
from hr.auth.models import User
from hr.core.models import Setting
from hr.people.models import Department, Employee, ImportBatch, Site

__all__ = ["AuditEvent", "Department", "Employee", "ImportBatch", "Setting", "Site", "User"]
