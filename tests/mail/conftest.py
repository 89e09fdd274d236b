"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""

from __future__ import annotations

import socket
from email import message_from_bytes
from email.policy import default

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def messages(self):
        return [message_from_bytes(e.content, policy=default) for e in self.envelopes]

    def to(self, address):
        return [
            message_from_bytes(e.content, policy=default)
            for e in self.envelopes
            if address in e.rcpt_tos
        ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(app):
    """Start the server and point the app at it (plain SMTP on loopback)."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    saved = {k: app.config.get(k) for k in ("SMTP_HOST", "SMTP_PORT", "SMTP_TLS", "MAIL_FROM")}
    app.config.update(
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=controller.port,
        SMTP_TLS="none",
        MAIL_FROM="Parcours RH <rh-parcours@example.test>",
    )
    inbox.controller = controller
    try:
        yield inbox
    finally:
        controller.stop()
        app.config.update(saved)


@pytest.fixture
def smtp_down(app):
    """An SMTP address where nothing listens."""
    saved = {k: app.config.get(k) for k in ("SMTP_HOST", "SMTP_PORT", "SMTP_TLS")}
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=free_port(), SMTP_TLS="none")
    yield
    app.config.update(saved)
