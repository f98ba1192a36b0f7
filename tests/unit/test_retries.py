"""A transaction the database rolls back for another one is run again; a database that
stays busy is answered with 503 and "try again", never 500."""

import sqlite3
from contextlib import contextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from hotel import create_app
from hotel.database import write_transaction
from hotel.extensions import csrf, db
from tests.conftest import make_config

DEADLOCK = "DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$"


@contextmanager
def app_with_route(app, view, busy_timeout_ms: int | None = None):
    """Yield a second app on the test's database with one extra route, ``/probe``."""
    config = make_config(app.config["SQLALCHEMY_DATABASE_URI"])
    if busy_timeout_ms is not None:
        config = type("ImpatientConfig", (config,), {"SQLITE_BUSY_TIMEOUT_MS": busy_timeout_ms})
    probe_app = create_app(config)
    csrf.exempt(view)  # the probe stands for any form the page would post
    probe_app.add_url_rule("/probe", "probe", view, methods=["POST"])
    probe_app.add_url_rule("/api/v1/probe", "api_probe", view, methods=["POST"])
    try:
        yield probe_app
    finally:
        with probe_app.app_context():
            db.engine.dispose()


def postgresql_only(app):
    """Skip a test that needs PostgreSQL's own deadlock answer."""
    if app.config["BACKEND"] != "postgresql":
        pytest.skip("a PostgreSQL deadlock is retried; SQLite runs one writer at a time")


def test_a_deadlocked_transaction_is_run_again_and_succeeds(app, db):
    postgresql_only(app)
    attempts = []

    def view():
        attempts.append(1)
        with write_transaction():
            if len(attempts) == 1:
                db.session.execute(text(DEADLOCK))
        return "done"

    with app_with_route(app, view) as probe_app:
        response = probe_app.test_client().post("/probe")
    assert response.status_code == 200 and response.text == "done"
    assert len(attempts) == 2


@pytest.mark.parametrize(("path", "language"), [("/probe", "de"), ("/api/v1/probe", "ko")])
def test_a_transaction_that_keeps_deadlocking_is_answered_busy(app, db, path, language):
    postgresql_only(app)
    attempts = []

    def view():
        attempts.append(1)
        with write_transaction():
            db.session.execute(text(DEADLOCK))

    with app_with_route(app, view) as probe_app:
        response = probe_app.test_client().post(f"{path}?lang={language}",
                                                headers={"Accept-Language": language})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert len(attempts) == 3
    body = response.text
    assert "Please try again" not in body  # the reader's language, not English
    if path.startswith("/api/"):
        assert response.json["error"] == "busy"


def test_sqlite_locked_past_its_busy_timeout_is_answered_busy(app, db):
    if app.config["BACKEND"] != "sqlite":
        pytest.skip("SQLite's own lock")

    def view():
        with write_transaction():
            db.session.execute(text("UPDATE stay SET room = room"))
        return "done"

    path = make_url(app.config["SQLALCHEMY_DATABASE_URI"]).database
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with app_with_route(app, view, busy_timeout_ms=50) as probe_app:
            response = probe_app.test_client().post("/probe")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
