"""The Common Ground Flask application."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from web import config, db, errors, logs, mail, security

csrf = CSRFProtect()
log = logging.getLogger(__name__)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: configuration, database, CSRF, blueprints, CLI commands."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(config.from_environment(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)

    logs.init_app(app)  # first: every later hook logs with the request id
    db.init_app(app)
    csrf.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    mail.check_settings(app)

    from web import attendee, badges, cli, extensions, health, metrics, queue

    extensions.init_app(app)
    queue.init_app(app)
    metrics.init_app(app)
    health.init_app(app)
    app.register_blueprint(attendee.bp)
    app.register_blueprint(badges.bp)
    from web import contacts

    app.register_blueprint(contacts.bp)
    from web import meetings

    app.register_blueprint(meetings.bp)
    from web import organizer

    app.register_blueprint(organizer.bp)
    from web import api

    app.register_blueprint(api.bp)
    from web import rate_limits

    rate_limits.init_app(app)  # after the blueprints: it limits their views
    cli.init_app(app)

    return app
