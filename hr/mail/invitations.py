"""Invitations by e-mail (iMIP) for interviews that are scheduled, moved or cancelled.

Called by the interview services inside the transaction of the change: the outbox
rows commit with it or not at all, and delivery happens after the commit (see
`hr.mail.outbox`). A message is built completely when queued — in the recipient's
language — so that a retry sends exactly what the change announced.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app, render_template
from flask_babel import force_locale, format_date, format_time
from flask_babel import gettext as _

from hr import audit
from hr.auth.models import User
from hr.calendars.ical import Attendee, external_url, interview_event, invitation_calendar
from hr.db import db, utcnow
from hr.mail import outbox
from hr.mail.messages import invitation_message, sender
from hr.mail.models import MailKind, MailStatus, OutboxMessage


class Change:
    SCHEDULED = "scheduled"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"


@dataclass
class Recipient:
    employee_id: int
    name: str
    email: str | None
    locale: str


def _recipients(interview) -> list[Recipient]:
    """Employee, interviewer and second participant, once each, with their language."""
    return _as_recipients([interview.employee, interview.interviewer, interview.second_participant])


def _as_recipients(people) -> list[Recipient]:
    people = list({p.id: p for p in people if p is not None}.values())
    users = {
        u.employee_id: u
        for u in db.session.scalars(
            sa.select(User).where(User.employee_id.in_([p.id for p in people]))
        )
    }
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    languages = current_app.config["LANGUAGES"]
    result = []
    for person in people:
        user = users.get(person.id)
        locale = user.locale if user is not None and user.locale in languages else default
        email = person.email or (user.email if user is not None else None)
        result.append(Recipient(person.id, person.full_name, email, locale))
    return result


def _subject(change: str, interview) -> str:
    what = interview.interview_type.label
    when = _(
        "%(day)s at %(time)s",
        day=format_date(interview.scheduled_start, "medium"),
        time=format_time(interview.scheduled_start, "short"),
    )
    if change == Change.CANCELLED:
        return _("Cancelled: %(what)s on %(when)s", what=what, when=when)
    if change == Change.RESCHEDULED:
        return _("Updated invitation: %(what)s on %(when)s", what=what, when=when)
    return _("Invitation: %(what)s on %(when)s", what=what, when=when)


def _build(interview, change: str, recipient: Recipient, attendees) -> tuple[str, bytes]:
    from_name, from_email = sender()
    event = interview_event(
        interview,
        organizer=Attendee(from_email, from_name),
        attendees=attendees,
        cancelled=change == Change.CANCELLED,
    )
    ics = invitation_calendar(event)
    subject = _subject(change, interview)
    context = dict(
        change=change,
        interview=interview,
        recipient=recipient,
        link=external_url("interviews.show", interview_id=interview.id),
        day=format_date(interview.scheduled_start, "full"),
        start_time=format_time(interview.scheduled_start, "short"),
        end_time=format_time(interview.scheduled_end, "short") if interview.scheduled_end else "",
        subject=subject,
    )
    message = invitation_message(
        to_name=recipient.name,
        to_email=recipient.email,
        subject=subject,
        text=render_template("mail/invitation.txt", **context),
        html=render_template("mail/invitation.html", **context),
        ics=ics,
        method="CANCEL" if change == Change.CANCELLED else "REQUEST",
    )
    return subject, message.as_bytes()


def _reached(interview) -> set[str]:
    """Addresses that got (or may be getting, a send in flight) an invitation."""
    return set(
        db.session.scalars(
            sa.select(OutboxMessage.recipient_email).where(
                OutboxMessage.interview_id == interview.id,
                OutboxMessage.kind == MailKind.INVITATION,
                sa.or_(
                    OutboxMessage.status == MailStatus.SENT,
                    sa.and_(
                        OutboxMessage.status == MailStatus.PENDING,
                        OutboxMessage.claimed_until > utcnow(),
                    ),
                ),
            )
        )
    )


def _supersede(actor, interview) -> None:
    """A newer invitation carries the whole state: older unsent ones are dropped."""
    older = db.session.scalars(
        sa.select(OutboxMessage).where(
            OutboxMessage.interview_id == interview.id,
            OutboxMessage.status.in_([MailStatus.PENDING, MailStatus.FAILED]),
        )
    ).all()
    for row in older:
        before = row.snapshot()
        row.status = MailStatus.SUPERSEDED
        audit.record(actor, "supersede", "mail", row.id, before=before, after=row.snapshot())


def queue_interview_mails(actor, interview, change: str, removed=()) -> list[OutboxMessage]:
    """Queue one message per participant; nothing for a meeting already over or never
    placed in a calendar. Participants without an e-mail get a `skipped` row (HR sees it).
    `removed`: people taken off the meeting (a new interviewer): those whose calendar got
    it receive a CANCEL of it for themselves alone (RFC 5546 § 3.2.5)."""
    if interview.scheduled_start is None:
        return []
    end = interview.scheduled_end or interview.scheduled_start
    if end < utcnow():
        return []
    db.session.flush()  # interview.updated_at and sequence are final: they go in the event
    reached = _reached(interview) if change == Change.CANCELLED else None
    reached_removed = _reached(interview) if removed else set()
    _supersede(actor, interview)
    recipients = _recipients(interview)
    if reached is not None:  # nothing to cancel in a calendar that never got the meeting
        recipients = [r for r in recipients if r.email in reached]
    attendees = tuple(Attendee(r.email, r.name) for r in recipients if r.email)
    kind = MailKind.CANCELLATION if change == Change.CANCELLED else MailKind.INVITATION
    rows = []
    for recipient in recipients:
        with force_locale(recipient.locale):
            if recipient.email:
                subject, raw = _build(interview, change, recipient, attendees)
            else:
                subject, raw = _subject(change, interview), None
        row = OutboxMessage(
            kind=kind,
            status=MailStatus.PENDING if raw else MailStatus.SKIPPED,
            interview_id=interview.id,
            recipient_employee_id=recipient.employee_id,
            recipient_name=recipient.name,
            recipient_email=recipient.email,
            subject=subject[:300],
            message=raw,
            sequence=interview.sequence,
            next_attempt_at=utcnow() if raw else None,
            last_error=None if raw else "no e-mail address",
        )
        db.session.add(row)
        rows.append(row)
    for person in _as_recipients(removed):
        if person.email in reached_removed:
            with force_locale(person.locale):
                alone = (Attendee(person.email, person.name),)
                subject, raw = _build(interview, Change.CANCELLED, person, alone)
            row = OutboxMessage(
                kind=MailKind.CANCELLATION,
                status=MailStatus.PENDING,
                interview_id=interview.id,
                recipient_employee_id=person.employee_id,
                recipient_name=person.name,
                recipient_email=person.email,
                subject=subject[:300],
                message=raw,
                sequence=interview.sequence,
                next_attempt_at=utcnow(),
            )
            db.session.add(row)
            rows.append(row)
    db.session.flush()
    for row in rows:
        audit.record(actor, "queue", "mail", row.id, after=row.snapshot())
    outbox.deliver_after_commit([r.id for r in rows if r.status == MailStatus.PENDING])
    return rows
