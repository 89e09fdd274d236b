"""HR view of the outbox (failed and pending mails)."""
