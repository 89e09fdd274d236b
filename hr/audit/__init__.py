"""Audit: the append-only, hash-chained record of every change."""

from hr.audit.services import record

__all__ = ["record"]
