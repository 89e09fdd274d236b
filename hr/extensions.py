"""Flask extensions, created once and bound to the app in `create_app`."""

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from htmx_flask import Htmx

from hr.db import db

csrf = CSRFProtect()
login_manager = LoginManager()
babel = Babel()
htmx = Htmx()
limiter = Limiter(key_func=get_remote_address, default_limits=[])

__all__ = ["db", "csrf", "login_manager", "babel", "htmx", "limiter"]
