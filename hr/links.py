"""Many links to one route from one URL build: pages and feeds that link hundreds of
interviews or days build the URL once with a marker in the varying segment, then only
put each value in its place (`url_for` costs about 10 µs a call)."""

from __future__ import annotations

from collections.abc import Callable

MARKERS = {"int": "918273645", "day": "1999-12-31"}


def links(build: Callable[..., str], endpoint: str, name: str, kind: str = "int", **values):
    """`build(endpoint, name=value, **values)` for any value of `name` (an integer id,
    or a day for kind="day", written as `isoformat()`); `build` is `url_for` or an
    absolute-URL builder."""
    marker = MARKERS[kind]
    prefix, found, suffix = build(endpoint, **{name: marker}, **values).partition(marker)
    if not found:  # a converter that rewrites the value: these links would all be wrong
        raise ValueError(f"{endpoint}: {name} is not written as given in its URL")
    if kind == "day":
        return lambda day: f"{prefix}{day.isoformat()}{suffix}"
    return lambda value: f"{prefix}{int(value)}{suffix}"
