"""People and organisation: directory, employee pages, org chart, HR imports."""

from flask import Blueprint

bp = Blueprint("people", __name__)
# Its views attach to `bp` when create_app imports them (see hr/__init__.py).
