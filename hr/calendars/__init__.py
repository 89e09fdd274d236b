"""Calendars: the shared annual calendar (year, month, agenda), scheduling from it,
subscription feeds (`/ical/<token>.ics`) and the iCalendar they serve."""

from flask import Blueprint

bp = Blueprint("calendars", __name__, url_prefix="/calendar")
# The feed URL lives outside /calendar: subscribers reach it without a session.
feeds_bp = Blueprint("feeds", __name__)
# Views attach to these blueprints when create_app imports them (see hr/__init__.py).
