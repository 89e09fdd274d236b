"""GET /ical/<token>.ics as calendar clients see it: headers, validators, 304, 404/410,
scopes, rate limit, and the token kept out of the logs."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest

from hr.calendars import feeds
from hr.calendars.feed_logging import install_log_masking
from hr.extensions import db, limiter
from tests.calendars.feed_helpers import Scheduler, new_feed


@pytest.fixture
def schedule(company):
    return Scheduler(company)


def test_headers_whatever_accept(client, company):
    url = new_feed(company.users["employee"])
    for accept in ("text/html", "application/json", "*/*", None):
        headers = {"Accept": accept} if accept else {}
        headers["Accept-Encoding"] = "gzip, deflate, br"
        response = client.get(url, headers=headers)
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert "Content-Encoding" not in response.headers
        assert "private" in response.headers["Cache-Control"]
        assert "no-transform" in response.headers["Cache-Control"]
        assert "noindex" in response.headers["X-Robots-Tag"]
        assert response.data.startswith(b"BEGIN:VCALENDAR\r\n")
        etag, weak = response.get_etag()
        assert etag and not weak
        assert response.last_modified is not None


def test_url_is_short_and_token_long(company, app):
    with app.test_request_context():
        _feed, token = feeds.create_feed(company.users["hr"], company.users["hr"], "all")
        from hr.calendars.feed_views import feed_urls

        urls = feed_urls(token)
    assert len(token) >= 43  # 32 random bytes, URL-safe base64
    assert len(urls["https"]) < 256
    assert urls["webcal"].startswith("webcal://") and urls["webcal"].endswith(".ics")
    assert _feed.token_hash != token and token not in _feed.token_hash


def test_conditional_get_with_etag_and_with_last_modified(client, company, schedule):
    url = new_feed(company.users["employee"])
    first = client.get(url)
    etag = first.headers["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    since = client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304
    # A change in the calendar: new body, new ETag, Last-Modified not earlier.
    schedule.scheduled(date.today() + timedelta(days=3))
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert changed.last_modified >= first.last_modified


def test_same_data_gives_the_same_bytes_and_etag(client, company, schedule):
    schedule.scheduled(date.today() + timedelta(days=3))
    url = new_feed(company.users["employee"])
    from hr.calendars import feed_content

    first = client.get(url)
    feed_content._cache.clear()  # rebuild from the database
    second = client.get(url)
    assert first.data == second.data
    assert first.headers["ETag"] == second.headers["ETag"]


def test_last_modified_never_goes_backwards_when_an_event_leaves(client, company, schedule):
    interview = schedule.scheduled(date.today() + timedelta(days=3))
    url = new_feed(company.users["employee"])
    first = client.get(url)
    schedule.cancel(interview)
    after = client.get(url)
    assert after.status_code == 200 and f"interview-{interview.id}@".encode() not in after.data
    assert after.last_modified >= first.last_modified
    assert client.get(
        url, headers={"If-Modified-Since": first.headers["Last-Modified"]}
    ).status_code in (200, 304)


def test_unknown_token_is_404_and_never_a_login_redirect(client):
    response = client.get("/ical/" + "A" * 43 + ".ics", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "Location" not in response.headers


def test_deleted_and_regenerated_tokens_are_410(client, company):
    user = company.users["employee"]
    feed, token = feeds.create_feed(user, user, "mine")
    db.session.commit()
    new, new_token = feeds.regenerate_feed(user, feed)
    db.session.commit()
    assert client.get(f"/ical/{token}.ics").status_code == 410
    assert client.get(f"/ical/{new_token}.ics").status_code == 200
    feeds.delete_feed(user, new)
    db.session.commit()
    gone = client.get(f"/ical/{new_token}.ics")
    assert gone.status_code == 410 and "Location" not in gone.headers


def test_deactivated_account_or_lost_scope_is_410(client, company):
    manager = company.users["manager"]
    url = new_feed(manager, "team")
    assert client.get(url).status_code == 200
    for person in ("employee", "peer"):
        company.employees[person].manager = company.employees["skip"]
    db.session.commit()
    assert client.get(url).status_code == 410
    url = new_feed(company.users["employee"])
    company.users["employee"].active = False
    db.session.commit()
    assert client.get(url).status_code == 410


def test_employee_feed_holds_only_their_own_interviews(client, company, schedule):
    mine = schedule.scheduled(date.today() + timedelta(days=2))
    peers = schedule.scheduled(date.today() + timedelta(days=2), who="peer")
    body = client.get(new_feed(company.users["employee"])).data.decode()
    assert f"interview-{mine.id}@" in body and f"interview-{peers.id}@" not in body
    assert "Collègue" not in body


def test_team_feed_has_the_team_once_each(client, company, schedule):
    a = schedule.scheduled(date.today() + timedelta(days=2))
    b = schedule.scheduled(date.today() + timedelta(days=3), who="peer")
    outside = schedule.scheduled(date.today() + timedelta(days=3), who="outsider")
    body = client.get(new_feed(company.users["manager"], "team")).data.decode()
    uids = [line for line in body.split("\r\n") if line.startswith("UID:")]
    assert len(uids) == len(set(uids))
    assert f"UID:interview-{a.id}@" in "\n".join(uids) and f"interview-{b.id}@" in body
    assert f"interview-{outside.id}@" not in body


def test_hr_feed_has_everyone(client, company, schedule):
    ids = [
        schedule.scheduled(date.today() + timedelta(days=2), who=w).id for w in ("peer", "outsider")
    ]
    body = client.get(new_feed(company.users["hr"], "all")).data.decode()
    assert all(f"interview-{i}@" in body for i in ids)


def test_scopes_are_limited_by_role(company):
    employee = company.users["employee"]
    with pytest.raises(PermissionError):
        feeds.create_feed(employee, employee, "team")
    with pytest.raises(PermissionError):
        feeds.create_feed(company.users["manager"], company.users["manager"], "all")
    with pytest.raises(feeds.FeedError):
        feeds.create_feed(employee, employee, "everything")
    with pytest.raises(PermissionError):
        feeds.create_feed(company.users["hr"], employee, "mine")


def test_rate_limit_per_token(client, company, app):
    app.config["FEED_RATE_LIMIT"] = "3 per minute"
    # Another app made by the browser tests may have switched the shared limiter off.
    enabled, limiter.enabled = limiter.enabled, True
    limiter.reset()
    try:
        url, other = new_feed(company.users["employee"]), new_feed(company.users["manager"])
        codes = [client.get(url).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        assert client.get(other).status_code == 200  # another token has its own budget
        limited = client.get(url)
        assert limited.headers["Content-Type"].startswith("text/plain")
        assert "Retry-After" in limited.headers
    finally:
        app.config["FEED_RATE_LIMIT"] = "30 per minute;300 per day"
        limiter.enabled = enabled
        limiter.reset()


def test_token_is_masked_in_request_logs(app):
    install_log_masking(app)
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Keep()
    token = "x" * 43
    for name in ("gunicorn.access", "werkzeug"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        try:
            if name == "gunicorn.access":  # gunicorn logs a dict of atoms
                logger.info(
                    '%(h)s "%(r)s" %(s)s',
                    {"h": "1.2.3.4", "r": f"GET /ical/{token}.ics HTTP/1.1", "s": "200"},
                )
            else:
                logger.info('"%s" %s %s', f"GET /ical/{token}.ics HTTP/1.1", "200", "-")
        finally:
            logger.removeHandler(handler)
    assert len(records) == 2
    assert all(token not in r and "/ical/***.ics" in r for r in records)


def test_feed_queries_do_not_grow_with_the_calendar(client, company, schedule):
    from hr.calendars import feed_content
    from tests.query_counter import count_queries

    url = new_feed(company.users["manager"], "team")

    def queries(**headers):
        feed_content._cache.clear()
        with count_queries() as statements:
            assert client.get(url, headers=headers).status_code == 200
        return len(statements)

    schedule.scheduled(date.today() + timedelta(days=2))
    small = queries()
    for offset in range(3, 9):
        schedule.scheduled(date.today() + timedelta(days=offset), who="peer")
    assert queries() == small
    etag = client.get(url).headers["ETag"]
    with count_queries() as statements:
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert len(statements) < small  # a 304 does not build the feed
