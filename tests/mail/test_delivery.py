"""Delivery: after the commit, never losing the change; retries with backoff; the
.eml fallback; the HR page; the cron command; the audit trail."""

from __future__ import annotations

from datetime import date, timedelta
from email import message_from_bytes
from email.policy import default

import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.cli import hr_cli
from hr.db import utcnow
from hr.extensions import db
from hr.interviews.models import Status
from hr.mail import outbox
from hr.mail.models import MailStatus, OutboxMessage
from tests.calendars.feed_helpers import Scheduler
from tests.mail.helpers import schedule_via_page
from tests.query_counter import count_queries

DAY = date.today() + timedelta(days=14)


def rows_for(interview):
    return db.session.scalars(
        sa.select(OutboxMessage)
        .where(OutboxMessage.interview_id == interview.id)
        .order_by(OutboxMessage.id)
        .execution_options(populate_existing=True)
    ).all()


def test_smtp_down_keeps_the_change_and_the_mails(client, login_as, company, smtp_down):
    interview = Scheduler(company).interview()
    login_as("hr")
    schedule_via_page(client, interview, DAY)
    db.session.refresh(interview)
    assert interview.status == Status.SCHEDULED
    rows = rows_for(interview)
    assert len(rows) == 2
    for row in rows:
        assert row.status == MailStatus.PENDING
        assert row.attempts == 1
        assert "Connection" in row.last_error or "refused" in row.last_error.lower()
        assert row.next_attempt_at > utcnow()  # backoff: not before a minute
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # assertions on English text
    page = client.get("/mail/").get_data(as_text=True)
    assert "Retry now" in page and rows[0].last_error[:20] in page


def test_retry_button_sends_once_the_server_is_back(client, login_as, company, app, smtp_down):
    interview = Scheduler(company).interview()
    login_as("hr")
    schedule_via_page(client, interview, DAY)
    from aiosmtpd.controller import Controller

    from tests.mail.conftest import Inbox

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=app.config["SMTP_PORT"])
    controller.start()
    try:
        for row in rows_for(interview):
            response = client.post(f"/mail/{row.id}/retry")
            assert response.status_code == 303
            response.close()
    finally:
        controller.stop()
    assert len(inbox.envelopes) == 2
    assert {r.status for r in rows_for(interview)} == {MailStatus.SENT}
    actions = db.session.scalars(
        sa.select(AuditEvent.action)
        .where(
            AuditEvent.entity_type == "mail",
            AuditEvent.entity_id == str(rows_for(interview)[0].id),
        )
        .order_by(AuditEvent.id)
    ).all()
    assert actions == ["queue", "send_error", "retry", "sent"]


def test_automatic_attempts_end_as_failed_and_hr_sees_it(app, company, smtp_down):
    interview = Scheduler(company).interview()
    Scheduler(company).schedule(interview, DAY)
    row = rows_for(interview)[0]
    for _ in range(outbox.MAX_ATTEMPTS):
        row.next_attempt_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        outbox.deliver([row.id])
        db.session.refresh(row)
    assert row.status == MailStatus.FAILED
    assert row.attempts == outbox.MAX_ATTEMPTS
    assert outbox.deliver([row.id])["skipped"] == 1  # failed: no more automatic attempts


def test_cron_command_sends_what_is_due(app, company, smtp):
    interview = Scheduler(company).interview()
    Scheduler(company).schedule(interview, DAY)  # no request: nothing sent yet
    assert smtp.envelopes == []
    result = app.test_cli_runner().invoke(hr_cli, ["mail-retry"])
    assert result.exit_code == 0, result.output
    assert "2 sent" in result.output
    assert len(smtp.envelopes) == 2
    again = app.test_cli_runner().invoke(hr_cli, ["mail-retry"])
    assert "0 sent" in again.output and len(smtp.envelopes) == 2


def test_cron_command_reports_failures(app, company, smtp_down):
    interview = Scheduler(company).interview()
    Scheduler(company).schedule(interview, DAY)
    result = app.test_cli_runner().invoke(hr_cli, ["mail-retry"])
    assert result.exit_code == 1
    assert "2 not sent" in result.output


def test_without_smtp_mails_are_eml_files(client, login_as, company, app, tmp_path):
    saved = app.config["SMTP_HOST"], app.config["MAIL_DIR"]
    app.config.update(SMTP_HOST=None, MAIL_DIR=str(tmp_path / "mail"))
    try:
        interview = Scheduler(company).interview()
        login_as("hr")
        schedule_via_page(client, interview, DAY)
    finally:
        app.config["SMTP_HOST"], app.config["MAIL_DIR"] = saved
    files = sorted((tmp_path / "mail").glob("*.eml"))
    assert len(files) == 2
    message = message_from_bytes(files[0].read_bytes(), policy=default)
    assert message.get_content_type() == "multipart/mixed"
    assert {r.status for r in rows_for(interview)} == {MailStatus.SENT}


def test_a_newer_invitation_replaces_unsent_ones(app, company, smtp_down):
    s = Scheduler(company)
    interview = s.interview()
    s.schedule(interview, DAY)
    s.schedule(interview, DAY + timedelta(days=1))
    statuses = [r.status for r in rows_for(interview)]
    assert statuses == [MailStatus.SUPERSEDED] * 2 + [MailStatus.PENDING] * 2


def test_outbox_page_is_for_hr_only(client, login_as, company):
    for role, code in (("employee", 403), ("manager", 403), ("admin", 403), ("hr", 200)):
        login_as(role)
        assert client.get("/mail/").status_code == code, role
    login_as(None)
    assert client.get("/mail/").status_code == 302


def test_outbox_page_query_count_does_not_grow(client, login_as, company, smtp_down):
    s = Scheduler(company)
    login_as("hr")

    def queries():
        with count_queries() as statements:
            assert client.get("/mail/?show=all").status_code == 200
        return len(statements)

    s.schedule(s.interview(), DAY)
    small = queries()
    for offset in range(2, 6):
        s.schedule(s.interview(who="peer"), DAY + timedelta(days=offset))
    assert queries() == small
