"""Administrators open accounts, set roles, reset passwords, deactivate; all audited."""

from __future__ import annotations

import re

import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.auth.models import User
from tests.factories import EmployeeFactory

EN = {"Accept-Language": "en"}


def _one_time_password(html: str) -> str:
    match = re.search(r"password(?: for [^:]+)?: ([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})", html)
    assert match, html[:2000]
    return match.group(1)


def _events(db, action, entity_id):
    return db.session.scalars(
        sa.select(AuditEvent).where(
            AuditEvent.action == action, AuditEvent.entity_id == str(entity_id)
        )
    ).all()


def test_admin_opens_an_account_and_the_person_must_choose_a_password(
    app, client, login_as, company, db
):
    newcomer = EmployeeFactory(
        first_name="Nina",
        last_name="Nouvelle",
        email="nina@example.test",
        manager=company.employees["manager"],
    )
    login_as("admin")
    response = client.post(
        "/admin/accounts",
        data={"employee_number": newcomer.employee_number, "is_hr": "y"},
        headers=EN,
        follow_redirects=True,
    )
    password = _one_time_password(response.get_data(as_text=True))
    user = db.session.scalar(sa.select(User).where(User.employee_id == newcomer.id))
    assert user.email == "nina@example.test" and user.is_hr and not user.is_admin
    assert _events(db, "create", user.id)

    other = app.test_client()
    first = other.post("/login", data={"email": "nina@example.test", "password": password})
    assert first.location == "/password"


def test_opening_an_account_twice_or_for_an_unknown_number_is_refused(
    client, login_as, company, db
):
    login_as("admin")
    count = db.session.scalar(sa.select(sa.func.count(User.id)))
    dup = client.post(
        "/admin/accounts",
        headers=EN,
        data={"employee_number": company.employees["employee"].employee_number},
    )
    assert "An account already exists" in dup.get_data(as_text=True)
    unknown = client.post("/admin/accounts", data={"employee_number": "NOPE"}, headers=EN)
    assert "No employee has this number." in unknown.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == count


def test_reset_password_ends_sessions_and_is_audited(app, client, login_as, company, db):
    target = company.users["employee"]
    victim = app.test_client()
    victim.post("/login", data={"email": target.email, "password": "password-123"})
    assert victim.get("/").status_code == 200
    login_as("admin")
    response = client.post(
        f"/admin/accounts/{target.id}/reset-password", headers=EN, follow_redirects=True
    )
    password = _one_time_password(response.get_data(as_text=True))
    assert victim.get("/").status_code == 302
    assert _events(db, "reset_password", target.id)
    events = _events(db, "reset_password", target.id)
    assert password not in str(events[0].changes)


def test_deactivate_and_roles_are_saved_and_audited(client, login_as, company, db):
    target = company.users["manager"]
    login_as("admin")
    client.post(f"/admin/accounts/{target.id}", data={"is_hr": "y"})  # active unticked
    db.session.refresh(target)
    assert target.is_hr and not target.active
    change = _events(db, "update", target.id)[-1].changes
    assert change == {
        "before": {"active": True, "is_hr": False},
        "after": {"active": False, "is_hr": True},
    }


def test_admin_cannot_lock_themselves_out(client, login_as, company, db):
    me = login_as("admin")
    response = client.post(
        f"/admin/accounts/{me.id}", data={"active": "y"}, headers=EN, follow_redirects=True
    )
    assert "You cannot remove your own administrator access." in response.get_data(as_text=True)
    db.session.refresh(me)
    assert me.is_admin and me.active


def test_settings_are_saved_shown_and_audited(client, login_as, company, db):
    login_as("admin")
    client.post("/admin/settings", data={"company_name": "Acme Lyon", "timezone": "Europe/Paris"})
    assert "Acme Lyon" in client.get("/").get_data(as_text=True)
    assert _events(db, "update", "company")
    bad = client.post("/admin/settings", data={"company_name": "", "timezone": "Mars/Olympus"})
    assert bad.status_code == 200
    assert "Acme Lyon" in client.get("/").get_data(as_text=True)


def test_unknown_account_is_404(client, login_as, company):
    login_as("admin")
    assert client.get("/admin/accounts/999999").status_code == 404
    assert client.post("/admin/accounts/999999/reset-password").status_code == 404
