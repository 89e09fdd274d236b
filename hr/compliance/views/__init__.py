"""Compliance screens: the dashboard, one employee's obligations and inputs, HR's
reports (penalties, CSE figures, the 8-year review) and the absences import."""

from hr.compliance.views import absences, dashboard, person, reports  # noqa: F401
