"""Decisions register pages."""
