"""MIME messages. An invitation follows what Outlook and Gmail add to a calendar
(RFC 6047, and Google's own invitations):

    multipart/mixed
      multipart/alternative
        text/plain
        text/html
        text/calendar; method=REQUEST|CANCEL; charset=UTF-8
      application/ics; name="invite.ics"  (attachment)

The calendar parts are base64-encoded so that their CRLF line ends and folding reach
the client untouched.
"""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid, parseaddr

from flask import current_app

from hr.db import utcnow


def sender() -> tuple[str, str]:
    """(display name, address) of MAIL_FROM, or Parcours at the calendar host."""
    from hr.calendars.ical import uid_host

    configured = current_app.config.get("MAIL_FROM")
    if configured:
        name, address = parseaddr(configured)
        if address and "@" in address:
            return name or "Parcours", address
    return "Parcours", f"parcours@{uid_host()}"


def _address(name: str, email: str) -> Address:
    local, _at, domain = email.partition("@")
    return Address(display_name=name, username=local, domain=domain)


def invitation_message(
    *, to_name: str, to_email: str, subject: str, text: str, html: str, ics: bytes, method: str
) -> EmailMessage:
    from_name, from_email = sender()
    message = EmailMessage(policy=SMTP)
    message["From"] = _address(from_name, from_email)
    message["To"] = _address(to_name, to_email)
    message["Subject"] = subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = make_msgid(domain=from_email.partition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    message.make_mixed()

    alternative = EmailMessage(policy=SMTP)
    alternative.make_alternative()
    plain = EmailMessage(policy=SMTP)
    plain.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    rich = EmailMessage(policy=SMTP)
    rich.set_content(html, subtype="html", charset="utf-8", cte="quoted-printable")
    calendar = EmailMessage(policy=SMTP)
    calendar.set_content(
        ics, "text", "calendar", cte="base64", params={"method": method, "charset": "UTF-8"}
    )
    for part in (plain, rich, calendar):
        alternative.attach(part)
    message.attach(alternative)

    attachment = EmailMessage(policy=SMTP)
    attachment.set_content(
        ics, "application", "ics", cte="base64", disposition="attachment", filename="invite.ics"
    )
    attachment.set_param("name", "invite.ics")
    message.attach(attachment)
    return message
