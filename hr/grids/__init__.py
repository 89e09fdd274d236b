"""Grids and interview guides: versioned templates of questions per interview type."""

from flask import Blueprint

bp = Blueprint("grids", __name__, url_prefix="/grids")
# Its views attach to `bp` when create_app imports them (see hr/__init__.py).
