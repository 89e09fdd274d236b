"""Parcours: create_app assembles config → extensions → blueprints → errors → CLI."""

from __future__ import annotations

import gc
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    from hr import cli, errors, i18n, web
    from hr.config import load_config
    from hr.extensions import babel, csrf, db, htmx, limiter, login_manager

    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_mapping(load_config(Path(app.instance_path), config))
    if app.config["TRUSTED_PROXIES"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    db.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    babel.init_app(
        app,
        locale_selector=i18n.select_locale,
        timezone_selector=i18n.select_timezone,
        default_translation_directories=str(ROOT / "hr" / "translations"),
    )
    login_manager.init_app(app)

    from hr import models  # noqa: F401  (register every table on the metadata)
    from hr.admin import bp as admin_bp
    from hr.admin import views as _admin_views  # noqa: F401
    from hr.audit import bp as audit_bp
    from hr.audit import views as _audit_views  # noqa: F401
    from hr.auth import bp as auth_bp
    from hr.auth import views as _auth_views  # noqa: F401
    from hr.calendars import bp as calendars_bp
    from hr.calendars import feed_views as _feed_views  # noqa: F401
    from hr.calendars import feeds_bp
    from hr.calendars import views as _calendar_views  # noqa: F401
    from hr.campaigns import bp as campaigns_bp
    from hr.campaigns import views as _campaign_views  # noqa: F401
    from hr.compliance import bp as compliance_bp
    from hr.compliance import views as _compliance_views  # noqa: F401
    from hr.core import bp as core_bp
    from hr.core import views as _core_views  # noqa: F401
    from hr.decisions import bp as decisions_bp
    from hr.decisions import views as _decision_views  # noqa: F401
    from hr.grids import bp as grids_bp
    from hr.grids import editor as _grid_editor  # noqa: F401
    from hr.grids import library_views as _grid_library  # noqa: F401
    from hr.grids import views as _grid_views  # noqa: F401
    from hr.interviews import block_views as _block_views  # noqa: F401
    from hr.interviews import bp as interviews_bp
    from hr.interviews import conduct as _interview_conduct  # noqa: F401
    from hr.interviews import views as _interview_views  # noqa: F401
    from hr.mail import bp as mail_bp
    from hr.mail import views as _mail_views  # noqa: F401
    from hr.people import bp as people_bp
    from hr.people import import_views as _import_views  # noqa: F401
    from hr.people import views as _people_views  # noqa: F401

    for bp in (
        core_bp,
        auth_bp,
        people_bp,
        interviews_bp,
        campaigns_bp,
        grids_bp,
        calendars_bp,
        feeds_bp,
        compliance_bp,
        decisions_bp,
        audit_bp,
        mail_bp,
        admin_bp,
    ):
        app.register_blueprint(bp)

    web.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    return app


def settle_after_start() -> None:
    """Once the app is built: what exists now (modules, routes, mappers, templates'
    environment — about 110,000 objects) lives as long as the process. Collect once,
    then keep it out of the cycle collector's full passes (`gc.freeze`): on a large
    heap each pass otherwise walks all of it (about 50 ms, e.g. in the middle of an
    iCal feed build, instead of 10)."""
    gc.collect()
    gc.freeze()
