"""WSGI entry point: `gunicorn app:app` or `flask --app app ...`."""

from hr import create_app

app = create_app()
