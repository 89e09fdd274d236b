"""Outgoing e-mail: invitations (iMIP), the outbox with retries, SMTP or .eml files."""

from flask import Blueprint

bp = Blueprint("mail", __name__, url_prefix="/mail")
