"""The Common Ground Flask application."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from web import config, db, errors, security

csrf = CSRFProtect()
log = logging.getLogger(__name__)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: configuration, database, CSRF, blueprints, CLI commands."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(config.from_environment(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)

    db.init_app(app)
    csrf.init_app(app)
    errors.init_app(app)
    security.init_app(app)

    from web import attendee, badges, cli, matching

    matching.init_app(app)
    app.register_blueprint(attendee.bp)
    app.register_blueprint(badges.bp)
    from web import contacts

    app.register_blueprint(contacts.bp)
    from web import organizer

    app.register_blueprint(organizer.bp)
    from web import api

    app.register_blueprint(api.bp)
    cli.init_app(app)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        """Liveness probe for load balancers."""
        return {"status": "ok"}

    return app
