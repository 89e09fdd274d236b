"""Links built once per route (hr.links) are exactly what url_for gives for each value."""

from __future__ import annotations

from datetime import date

from flask import url_for

from hr.links import links


def test_links_match_url_for_for_ids_and_days_with_their_query_string(app):
    with app.test_request_context("/"):
        interview = links(url_for, "interviews.show", "interview_id")
        for interview_id in (1, 42, 918273645, 10**11):
            assert interview(interview_id) == url_for("interviews.show", interview_id=interview_id)
        carry = {"scope": "team", "department": "3", "status": "to_schedule"}
        day = links(url_for, "calendars.day", "ymd", "day", **carry)
        for each in (date(2026, 12, 3), date(1999, 12, 31), date(2100, 1, 1)):
            assert day(each) == url_for("calendars.day", ymd=each.isoformat(), **carry)
        assert day(date(2026, 12, 3)).startswith("/calendar/day/2026-12-03?")
