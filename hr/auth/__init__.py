"""Authentication: log in, log out, change password."""

from flask import Blueprint

bp = Blueprint("auth", __name__)
# Its views attach to `bp` when create_app imports them (see hr/__init__.py).
