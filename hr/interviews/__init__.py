"""Interviews: plan, prepare, conduct, sign and keep, for every interview type."""

from flask import Blueprint

bp = Blueprint("interviews", __name__, url_prefix="/interviews")
# Its views attach to `bp` when create_app imports them (see hr/__init__.py).
