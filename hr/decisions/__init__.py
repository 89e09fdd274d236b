"""The decisions register: every decision and follow-up action across interviews."""

from flask import Blueprint

bp = Blueprint("decisions", __name__, url_prefix="/decisions")
