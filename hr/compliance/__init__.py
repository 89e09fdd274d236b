"""Legal compliance: which legal interview each employee is owed, when and why;
the 8-year review, penalty exposure and CSE figures."""

from flask import Blueprint

bp = Blueprint("compliance", __name__, url_prefix="/compliance")
