"""Scheduling through the HTTP pages, as a manager or HR does."""

from __future__ import annotations

from datetime import date


def schedule_via_page(client, interview, day: date, start="10:00", end="11:00", place="Salle 2"):
    response = client.post(
        f"/interviews/{interview.id}/schedule",
        data={"day": day.isoformat(), "start": start, "end": end, "location": place},
    )
    assert response.status_code == 303, response.data[:400]
    response.close()  # the WSGI server closes the response: delivery runs then
    return response


def cancel_via_page(client, interview, reason="Absence"):
    response = client.post(f"/interviews/{interview.id}/cancel", data={"reason": reason})
    assert response.status_code == 303, response.data[:400]
    response.close()
    return response


def parts(message) -> list[str]:
    return [part.get_content_type() for part in message.walk()]
