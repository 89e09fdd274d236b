"""Feed management pages and the public `/ical/<token>.ics` route.

The public route answers calendar clients, never browsers' sessions: no login, no
redirect, no 401 — 404 for an unknown address, 410 for a revoked one, always
`text/calendar` on success whatever `Accept` says, with a strong ETag and a
Last-Modified for 304s.
"""

from __future__ import annotations

from flask import Response, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.calendars import bp, feed_content, feeds, feeds_bp
from hr.calendars.feed_logging import install_log_masking
from hr.calendars.ical import external_url
from hr.db import db
from hr.extensions import limiter
from hr.htmx import render
from hr.people.forms import EmptyForm

_NEW = "new_feed"


def feed_urls(token: str) -> dict[str, str]:
    """The https URL and its webcal:// twin (Apple Calendar, Outlook desktop)."""
    https = external_url("feeds.ical", token=token)
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


# --- management --------------------------------------------------------------------


@bp.get("/feeds")
@login_required
def feeds_page():
    """My subscription links; a new one is shown once, right after it is made."""
    new = session.pop(_NEW, None)
    return render(
        "calendars/feeds.html",
        feeds=feeds.user_feeds(current_user),
        scopes=feeds.allowed_scopes(current_user),
        labels=feeds.SCOPE_LABELS,
        new=new | feed_urls(new["token"]) if new else None,
        form=EmptyForm(),
    )


def _show_once(feed, token: str) -> None:
    # The signed session cookie carries it to the next page only, then it is gone.
    session[_NEW] = {"id": feed.id, "scope": feeds.Scope(feed.scope).value, "token": token}


@bp.post("/feeds")
@login_required
def create_feed():
    if not EmptyForm().validate():
        flash(_("Your form expired or was sent from elsewhere. Please try again."), "error")
        return redirect(url_for("calendars.feeds_page"), 303)
    try:
        feed, token = feeds.create_feed(current_user, current_user, request.form.get("scope"))
    except feeds.FeedError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for("calendars.feeds_page"), 303)
    except PermissionError:
        db.session.rollback()
        flash(_("This calendar is not available to you."), "error")
        return redirect(url_for("calendars.feeds_page"), 303)
    db.session.commit()
    _show_once(feed, token)
    flash(_("Calendar link created. Copy it now: it will not be shown again."), "success")
    return redirect(url_for("calendars.feeds_page"), 303)


def _owned_or_404(feed_id: int):
    from flask import abort

    feed = feeds.owned_feed(current_user, feed_id)
    if feed is None:
        abort(404)
    if not EmptyForm().validate():
        abort(400)
    return feed


@bp.post("/feeds/<int:feed_id>/regenerate")
@login_required
def regenerate_feed(feed_id: int):
    """A new address for the same calendar; the old one answers 410 at once."""
    feed = _owned_or_404(feed_id)
    new_feed, token = feeds.regenerate_feed(current_user, feed)
    db.session.commit()
    feed_content.forget(feed)
    _show_once(new_feed, token)
    flash(_("New link created; the old one no longer works."), "success")
    return redirect(url_for("calendars.feeds_page"), 303)


@bp.post("/feeds/<int:feed_id>/delete")
@login_required
def delete_feed(feed_id: int):
    feed = _owned_or_404(feed_id)
    feeds.delete_feed(current_user, feed)
    db.session.commit()
    feed_content.forget(feed)
    flash(_("Calendar link deleted; calendars subscribed to it stop updating."), "success")
    return redirect(url_for("calendars.feeds_page"), 303)


# --- the feed ----------------------------------------------------------------------

_PLAIN_HEADERS = {
    "Cache-Control": "private, no-cache, no-transform",
    "X-Robots-Tag": "noindex, nofollow",
}


def _plain(status: int, message: str) -> Response:
    """Errors for calendar clients: short text, never a login page or a redirect."""
    response = Response(message + "\n", status, content_type="text/plain; charset=utf-8")
    response.headers.update(_PLAIN_HEADERS)
    return response


def _token_key() -> str:
    return "feed:" + feeds.hash_token((request.view_args or {}).get("token", ""))


def _feed_limit() -> str:
    return current_app.config["FEED_RATE_LIMIT"]


def _too_many(_limit) -> Response:
    response = _plain(429, "Too many requests for this calendar; try again later.")
    response.headers["Retry-After"] = "60"
    return response


@feeds_bp.errorhandler(429)
def _rate_limited(error):
    """Flask-Limiter raises with our response; the app's HTML error page is not for
    calendar clients."""
    return getattr(error, "response", None) or _too_many(None)


@feeds_bp.get("/ical/<token>.ics")
@limiter.limit(_feed_limit, key_func=_token_key, on_breach=_too_many)
def ical(token: str):
    """The subscription feed (no session: the token is the credential)."""
    feed = feeds.feed_for_token(token)
    if feed is None:
        return _plain(404, "Unknown calendar address.")
    if not feeds.still_valid(feed):
        db.session.rollback()
        return _plain(410, "This calendar address was revoked; ask Parcours for a new one.")
    entry = feed_content.feed_body(feed)
    last_modified = feed_content.record_fetch(feed, entry.etag)
    db.session.commit()
    response = Response(entry.body, 200, content_type="text/calendar; charset=utf-8")
    response.headers.update(_PLAIN_HEADERS)
    response.headers["Content-Disposition"] = 'inline; filename="parcours.ics"'
    response.set_etag(entry.etag)
    response.last_modified = last_modified
    return response.make_conditional(request)


@feeds_bp.record_once
def _on_register(state) -> None:
    install_log_masking(state.app)
