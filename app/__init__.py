"""create_app(): settings, extensions, blueprints, commands, error pages and headers."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, g
from werkzeug.middleware.proxy_fix import ProxyFix

from app import compression, config, static_files
from app.extensions import csrf, db, htmx, limiter, login_manager, migrate


def create_app(settings: dict | None = None) -> Flask:
    instance = Path(os.environ.get("PEERDESK_INSTANCE", Path.cwd() / "instance"))
    app = Flask(__name__, instance_path=str(instance.resolve()))
    app.url_map.converters["int"] = config.DatabaseId  # an id past 64 bits is a 404, not a 500
    app.config.update(config.load(Path(app.instance_path)))
    app.config.update(settings or {})
    app.config.setdefault(
        "SQLALCHEMY_ENGINE_OPTIONS",
        config.engine_options(
            app.config["SQLALCHEMY_DATABASE_URI"], app.config["DATABASE_BUSY_SECONDS"]
        ),
    )

    config.keep_files_private(app.instance_path, app.config["SQLALCHEMY_DATABASE_URI"])
    config.keep_rows_out_of_logs()
    db.init_app(app)
    with app.app_context():
        config.keep_new_sqlite_files_private(db.engine)
        config.tune_sqlite(db.engine)
    migrate.init_app(app, db, directory=str(Path(__file__).parent.parent / "migrations"))
    compression.init_app(app)  # before CSRFProtect: it unmasks the token CSRFProtect checks
    csrf.init_app(app)
    static_files.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    _set_up_sign_in(app)

    from app import cli, errors, idempotency, page_scripts, registry, templating, web

    for area in registry.areas():
        app.register_blueprint(area.blueprint)

    templating.init_app(app)
    page_scripts.init_app(app)
    errors.init_app(app)
    web.init_app(app)
    idempotency.init_app(app)  # after web: its after_request runs before the commit
    cli.init_app(app)
    if app.config["PROXY_HOPS"]:
        hops = app.config["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return app


def _set_up_sign_in(app: Flask) -> None:
    from app.auth import public as auth

    login_manager.init_app(app)
    login_manager.session_protection = None  # sessions are checked on the server instead

    @login_manager.request_loader
    def load_signed_in_user(_request):
        row = auth.current_session()
        g.user_session = row
        return row.user if row is not None else None
