"""Keep feed tokens out of the logs: a feed URL is a password.

The filter rewrites `/ical/<token>.ics` to `/ical/***.ics` in every record of the
loggers that see request lines: gunicorn's access log (`make run` logs to stdout),
Werkzeug's development server (`make dev`) and the app's own logger.
"""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"/ical/[^/\s?\"']+?\.ics")
MASK = "/ical/***.ics"
LOGGERS = ("gunicorn.access", "gunicorn.error", "werkzeug")


def mask(text: str) -> str:
    return _TOKEN.sub(MASK, text)


def _masked(value):
    return mask(value) if isinstance(value, str) else value


class TokenMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask(record.msg)
        if isinstance(record.args, dict):  # gunicorn's access atoms: keep its dict class
            for key, value in list(record.args.items()):
                record.args[key] = _masked(value)
        elif isinstance(record.args, tuple):
            record.args = tuple(_masked(value) for value in record.args)
        return True


_FILTER = TokenMaskingFilter()


def install_log_masking(app) -> None:
    """Idempotent: attach the filter to the request-logging loggers and the app's."""
    for logger in [logging.getLogger(name) for name in LOGGERS] + [app.logger]:
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
