"""Administration: accounts and company settings."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
# Its views attach to `bp` when create_app imports them (see hr/__init__.py).
