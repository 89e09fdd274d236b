"""WSGI entry point: `gunicorn app:app` or `flask --app app ...`."""

from hr import create_app, settle_after_start

app = create_app()
settle_after_start()
