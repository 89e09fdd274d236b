"""Campaigns: one type of interview launched for a whole population."""

from flask import Blueprint

bp = Blueprint("campaigns", __name__, url_prefix="/campaigns")
# Its views attach to `bp` when create_app imports them (see hr/__init__.py).
