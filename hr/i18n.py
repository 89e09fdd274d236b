"""Locale and time zone selection, and the Jinja filters that format by locale."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

from babel import Locale, dates
from flask import current_app, g, has_request_context, request, session
from flask_babel import (
    format_date,
    format_datetime,
    format_decimal,
    format_time,
    get_locale,
    get_translations,
)
from flask_login import current_user


def select_locale() -> str:
    """The user's saved preference, then the browser's `Accept-Language`, then French."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("locale") in languages:
        return session["locale"]
    return request.accept_languages.best_match(languages) or languages[0]


def select_timezone() -> str:
    from hr.core.settings import get_setting

    return get_setting("timezone")


def _translations():
    """The request's catalogue, looked up once per locale rather than on each string
    (Flask-Babel resolves the domain, context and locale every time). A switched
    locale (`force_locale`, e-mails in the recipient's language) is a new Locale
    object, so the remembered catalogue is only reused for the same one."""
    ctx = g.get("_flask_babel") if has_request_context() else None
    locale = getattr(ctx, "babel_locale", None)
    if locale is None:
        return get_translations()
    remembered = getattr(ctx, "parcours_translations", None)
    if remembered is None or remembered[0] is not locale:
        remembered = ctx.parcours_translations = (locale, get_translations())
    return remembered[1]


def install_template_gettext(app) -> None:
    """Templates' `_`, `ngettext`, `pgettext` through `_translations` (after Babel)."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
    )


@lru_cache(maxsize=128)
def _date_pattern(locale_id: str, fmt: str) -> dates.DateTimePattern:
    if fmt in ("full", "long", "medium", "short"):
        fmt = dates.get_date_format(fmt, locale=locale_id)
    return dates.parse_pattern(fmt)


@lru_cache(maxsize=8192)
def _formatted(locale_id: str, fmt: str, day) -> str:
    """A day written in a locale never changes: a year calendar writes 365 of them.
    Keyed by the locale's name (each request has its own `Locale` object)."""
    return _date_pattern(locale_id, fmt).apply(day, Locale.parse(locale_id))


def format_day(day, fmt: str = "medium") -> str:
    """A date in the request's locale, as `flask_babel.format_date` writes it (the
    locale's pattern parsed once, each day written once per process). Datetimes go
    through Flask-Babel, which moves them to the user's time zone first."""
    if not day:
        return ""
    if isinstance(day, datetime):
        return format_date(day, fmt)
    return _formatted(str(get_locale()), fmt, day)


def day_writer(fmt: str = "medium") -> Callable[[date], str]:
    """`format_day` for the many days of one page: the locale looked up once."""
    locale_id = str(get_locale())
    return lambda day: _formatted(locale_id, fmt, day)


def register_filters(app) -> None:
    app.jinja_env.filters["date"] = format_day
    app.jinja_env.filters["datetime"] = lambda d, fmt="medium": format_datetime(d, fmt) if d else ""
    app.jinja_env.filters["time"] = lambda d, fmt="short": format_time(d, fmt) if d else ""
    app.jinja_env.filters["number"] = lambda n: format_decimal(n) if n is not None else ""
