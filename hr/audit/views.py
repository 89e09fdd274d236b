"""Audit pages: interview and person timelines, audit search and export."""
