"""A dict that lives as long as the current request (empty and unkept outside one).

Used for answers that several templates and checks ask for during one request
(settings, permission relations). Kept in the WSGI environ rather than `flask.g`,
whose app context may outlive a request (CLI commands, tests).
"""

from __future__ import annotations

from flask import has_request_context, request

_KEY = "parcours.request_cache"


def request_cache() -> dict:
    if not has_request_context():
        return {}
    return request.environ.setdefault(_KEY, {})
