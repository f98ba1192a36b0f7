"""Hotel guest services: the application factory."""

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from config import Config, ProductionConfig, config_from_environment

ROOT = Path(__file__).resolve().parent.parent


def create_app(config_class: type[Config] | None = None) -> Flask:
    """Create and configure the application for the given config class."""
    config_class = config_class or config_from_environment()
    if issubclass(config_class, ProductionConfig):
        config_class.check()

    from hotel.web.retries import RetryingFlask

    app = RetryingFlask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_object(config_class)
    Path(app.instance_path).mkdir(exist_ok=True)

    _init_extensions(app)
    if app.config["TRUSTED_PROXIES"]:
        # Only the client's address is taken from the proxies: it is what sign-in limits
        # count by. Scheme, host and prefix stay as the server received them.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["TRUSTED_PROXIES"],
                                x_proto=0, x_host=0, x_port=0, x_prefix=0)

    from hotel import api, cli, desk, guest, labels, worker
    from hotel.web import catalogue_cache, errors, retries, sessions, widgets

    labels.init_app(app)
    catalogue_cache.init_app(app)
    sessions.init_app(app)
    errors.init_app(app)
    retries.init_app(app)
    cli.init_app(app)
    widgets.init_app(app)
    worker.init_app(app)
    app.register_blueprint(guest.bp)
    app.register_blueprint(desk.bp)
    app.register_blueprint(api.bp)
    return app


def _init_extensions(app: Flask) -> None:
    """Bind the extensions, the database engine's settings, languages and security headers."""
    from hotel import database, i18n
    from hotel.extensions import babel, csrf, db, login, migrate
    from hotel.web import security

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    login.init_app(app)
    babel.init_app(
        app,
        locale_selector=i18n.select_locale,
        timezone_selector=i18n.select_timezone,
        default_translation_directories=str(ROOT / "translations"),
    )
    with app.app_context():
        database.configure_engine(db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])
    i18n.init_app(app)
    security.init_app(app)
