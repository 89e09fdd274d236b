"""Audit: the append-only, hash-chained record of every change, and the pages that
read it (timelines, search)."""

from flask import Blueprint

from hr.audit.services import record, record_many

bp = Blueprint("audit", __name__, url_prefix="/audit")

__all__ = ["bp", "record", "record_many"]
