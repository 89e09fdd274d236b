"""Core pages: home, health check, language switch; company settings."""

from flask import Blueprint

bp = Blueprint("core", __name__)
# Its views attach to `bp` when create_app imports them (see hr/__init__.py).
