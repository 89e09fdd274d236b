"""Working-time settings (used by the scheduling warnings) and the demo company's
calendar content."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import force_locale

from hr.audit.services import verify_chain
from hr.auth.models import User
from hr.calendars import events, scheduling
from hr.core.settings import all_settings
from hr.demo.seed import DEMO_ACCOUNTS, seed_demo
from hr.interviews.models import Interview, Status
from tests.calendars import EN, make_interview, utc

TODAY = date(2026, 11, 26)


def test_admin_sets_working_hours_and_days(client, login_as, company):
    login_as("admin")
    html = client.get("/admin/settings", headers=EN).get_data(as_text=True)
    assert "Working day starts at" in html and 'value="09:00"' in html
    data = {
        "company_name": "Acme",
        "timezone": "Europe/Paris",
        "work_day_start": "08:00",
        "work_day_end": "17:00",
        "working_days": ["1", "2", "3", "4", "5", "6"],
        "holiday_subdivision": "57",
    }
    assert client.post("/admin/settings", data=data).status_code == 303
    settings = all_settings()
    assert settings["work_day_start"] == "08:00" and settings["work_day_end"] == "17:00"
    assert settings["working_days"] == [1, 2, 3, 4, 5, 6]
    assert settings["holiday_subdivision"] == "57"
    # Saturday 8:00–9:00 is now within working time; 26 December is off in Moselle.
    todo = make_interview(company, "employee")
    with force_locale("en"):
        assert scheduling.gather(todo, utc(2027, 3, 6, 7), utc(2027, 3, 6, 8)) == []
        codes = [
            w.code for w in scheduling.gather(todo, utc(2028, 12, 26, 9), utc(2028, 12, 26, 10))
        ]
    assert codes == ["holiday"]


def test_working_day_must_end_after_it_starts(client, login_as, company):
    login_as("admin")
    data = {"company_name": "Acme", "timezone": "Europe/Paris"}
    response = client.post(
        "/admin/settings",
        data=data | {"work_day_start": "18:00", "work_day_end": "09:00"},
        headers=EN,
    )
    assert response.status_code == 200
    assert "The working day must end after it starts." in response.get_data(as_text=True)
    assert all_settings()["work_day_start"] == "09:00"


def test_demo_calendar_has_content_for_every_scope(app, db):
    seed_demo(employees=80, seed=7, today=TODAY)
    db.session.commit()
    users = {
        role: db.session.scalar(sa.select(User).where(User.email == email))
        for role, email in DEMO_ACCOUNTS.items()
    }
    soon = (TODAY, TODAY + timedelta(weeks=6))
    with force_locale("en"):
        mine = events.items_between(users["employee"], "mine", *soon)
        team = events.items_between(users["manager"], "team", *soon)
        everything = events.items_between(users["hr"], "all", TODAY, TODAY + timedelta(days=365))
    mobility = [i for i in mine if i.title.startswith("Internal mobility interview")]
    assert len(mobility) == 1 and mobility[0].kind == "interview"
    assert TODAY + timedelta(days=19) <= mobility[0].day <= TODAY + timedelta(days=30)
    assert any(i.interview_id == mobility[0].interview_id for i in team)
    assert mobility[0].day.isoweekday() <= 5
    # Deadlines spread over the year (campaign and end-of-contract ones).
    months = {i.day.month for i in everything if i.kind == "deadline"}
    assert len(months) >= 5
    ends = db.session.scalars(
        sa.select(Interview)
        .join(Interview.interview_type)
        .where(
            sa.literal_column("interview_types.code") == "contract_end",
            Interview.created_at >= utc(2026, 11, 26),
        )
    ).all()
    assert ends and all(i.due_date > TODAY for i in ends)
    assert any(i.status == Status.SCHEDULED for i in ends)
    count, broken = verify_chain()
    assert broken is None and count
