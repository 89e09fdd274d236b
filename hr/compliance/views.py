"""Compliance screens."""
