"""Configuration: environment variables first, sane local defaults second.

`PARCOURS_ENV=production` turns on secure cookies and refuses to start without an
explicit `SECRET_KEY`. In local mode a missing key is generated once into
`instance/secret_key` so that sessions survive restarts and every gunicorn worker
shares it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


class ConfigError(RuntimeError):
    """Raised when the configuration cannot run safely."""


def _local_secret_key(instance_path: Path) -> str:
    """Read the instance secret key, creating it atomically the first time."""
    path = instance_path / "secret_key"
    instance_path.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load_config(instance_path: Path, overrides: dict | None = None) -> dict:
    """Build the Flask config mapping for this process."""
    env = os.environ.get("PARCOURS_ENV", "local")
    production = env == "production"
    overrides = dict(overrides or {})
    secret = overrides.pop("SECRET_KEY", None) or os.environ.get("SECRET_KEY")
    if not secret:
        if production:
            raise ConfigError("SECRET_KEY must be set when PARCOURS_ENV=production.")
        secret = _local_secret_key(instance_path)
    database_url = os.environ.get("DATABASE_URL", f"sqlite:///{instance_path / 'parcours.sqlite3'}")
    config = {
        "PARCOURS_ENV": env,
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_CSRF_SSL_STRICT": production,
        "BABEL_DEFAULT_LOCALE": "fr",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Paris",
        "LANGUAGES": ["fr", "en"],
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_ENABLED": _bool("RATELIMIT_ENABLED", True),
        "LOGIN_RATE_LIMIT": os.environ.get("LOGIN_RATE_LIMIT", "10 per minute;50 per hour"),
        "IMPORT_MAX_BYTES": int(os.environ.get("IMPORT_MAX_BYTES", 5 * 1024 * 1024)),
        "IMPORT_MAX_ROWS": int(os.environ.get("IMPORT_MAX_ROWS", 50_000)),
        "PAGE_SIZE": 25,
        # Absolute links in e-mails and CLI output, and the host in calendar UIDs
        # (ICAL_UID_HOST keeps UIDs stable if the public address ever changes).
        "PUBLIC_URL": os.environ.get("PUBLIC_URL", "").rstrip("/") or None,
        "ICAL_UID_HOST": os.environ.get("ICAL_UID_HOST") or None,
        "FEED_RATE_LIMIT": os.environ.get("FEED_RATE_LIMIT", "30 per minute;300 per day"),
        # Outgoing mail: without SMTP_HOST, messages are written to MAIL_DIR as .eml files.
        "SMTP_HOST": os.environ.get("SMTP_HOST") or None,
        "SMTP_PORT": int(os.environ.get("SMTP_PORT") or 0) or None,
        "SMTP_TLS": os.environ.get("SMTP_TLS", "starttls").strip().lower(),
        "SMTP_USER": os.environ.get("SMTP_USER") or None,
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD") or None,
        "SMTP_TIMEOUT": float(os.environ.get("SMTP_TIMEOUT", 10)),
        "MAIL_FROM": os.environ.get("MAIL_FROM") or None,
        "MAIL_DIR": os.environ.get("MAIL_DIR") or str(instance_path / "mail"),
        # Number of reverse proxies in front of the app whose X-Forwarded-* to trust.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", 0)),
    }
    # The request body may hold a whole import file plus the form around it.
    config["MAX_CONTENT_LENGTH"] = config["IMPORT_MAX_BYTES"] + 256 * 1024
    config.update(overrides)
    config["MAX_CONTENT_LENGTH"] = config["IMPORT_MAX_BYTES"] + 256 * 1024
    return config
