"""One helper decides between a full page and an htmx fragment.

A normal request (or a boosted navigation) gets the page; an htmx request for a
fragment gets the fragment alone plus, when there are messages, the out-of-band
`#flashes` update — only then: a fragment loaded in the background (an interview's
history, once revealed) must not wipe the message the page just showed. Responses
vary on `HX-Request` so that caches never mix the two.
"""

from __future__ import annotations

from flask import get_flashed_messages, make_response, redirect, render_template, request


def wants_fragment() -> bool:
    return bool(request.htmx) and not request.htmx.boosted


def render(page: str, fragment: str | None = None, /, *, status: int = 200, **context):
    """Render `page`, or `fragment` (with new flashes out of band) for htmx requests."""
    if fragment and wants_fragment():
        body = render_template(fragment, **context)
        if get_flashed_messages():  # kept for the request: the template reads them again
            body += render_template("_flashes.html", oob=True)
    else:
        body = render_template(page, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response


def respond(fragment: str, redirect_to: str, **context):
    """After a successful mutation: the updated fragment for htmx, else 303 to the page."""
    if wants_fragment():
        return render(fragment, fragment, **context)
    return redirect(redirect_to, 303)
