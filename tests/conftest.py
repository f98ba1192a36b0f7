"""Fixtures: the app on a real database (SQLite, and PostgreSQL when configured)."""

import os
import uuid
from contextlib import ExitStack, contextmanager

import pytest
from flask.testing import FlaskClient
from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import make_url

from config import TestingConfig, database_url
from hotel import create_app
from hotel.extensions import db as _db
from hotel.models import Department, Role, StaffUser
from tests.factories import make_staff
from tests.helpers import csrf_token, post_form, sign_in_as

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
REQUIRE_POSTGRES = os.environ.get("HOTEL_REQUIRE_POSTGRES") == "1"
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])
_postgres_tests_run = []
# What the fuzz tests sent, per test and backend: (cases, detail), shown after the run.
_fuzz_cases: dict[tuple[str, str], list] = {}


def record_cases(app, label: str, count: int, detail=None) -> None:
    """Count cases a fuzz test sent on the app's backend, for the run's summary."""
    entry = _fuzz_cases.setdefault((label, app.config["BACKEND"]), [0, []])
    entry[0] += count
    if detail:
        entry[1].append(detail)


def postgres_reachable(url: str) -> str | None:
    """Return None if PostgreSQL answers at the URL, else the reason it does not."""
    try:
        engine = create_engine(database_url(url))
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
        return str(error).splitlines()[0]
    return None


class FreshContextClient(FlaskClient):
    """A test client whose every request gets its own app context, as in production.

    Without this, requests made while a test holds an app context would share ``g``
    (and so the cached locale and signed-in user) with each other.
    """

    def open(self, *args, **kwargs):
        # End the test's own transaction: on SQLite (WAL) an open read transaction would
        # keep showing the test the database as it was before the request.
        _db.session.commit()
        with self.application.app_context():
            return super().open(*args, **kwargs)


def make_config(url: str) -> type[TestingConfig]:
    """Return a testing config class bound to a database URL."""
    return type("BoundTestingConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": url})


@contextmanager
def private_postgres_database(url: str):
    """Create a database of our own on the server at ``url``, and drop it afterwards.

    Each test run gets its own, so that runs at the same time cannot disturb each other.
    """
    server_url = make_url(database_url(url))
    name = f"hotel_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def app(request, tmp_path_factory):
    """The application with an empty schema on each backend in turn."""
    with ExitStack() as stack:
        yield from _app_on(request.param, stack, tmp_path_factory)


def _app_on(backend: str, stack: ExitStack, tmp_path_factory):
    if backend == "postgresql":
        reason = postgres_reachable(POSTGRES_URL)
        if reason:
            if REQUIRE_POSTGRES:
                pytest.exit(f"PostgreSQL is required but not reachable: {reason}", returncode=3)
            pytest.skip(f"PostgreSQL not reachable: {reason}")
        url = stack.enter_context(private_postgres_database(POSTGRES_URL))
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    application = create_app(make_config(url))
    application.config["BACKEND"] = backend
    application.test_client_class = FreshContextClient
    with application.app_context():
        _db.create_all()
    yield application
    with application.app_context():
        _db.session.remove()
        _db.engine.dispose()


def empty_database(app) -> None:
    """Delete every row of every table, in one transaction (inside an app context), and
    forget the catalogue the app has cached: the catalogue's version starts again with
    the tables, so the next test's version 1 is not this test's."""
    app.extensions["catalogue_cache"].clear()
    _db.session.rollback()
    _db.session.remove()
    tables = _db.metadata.sorted_tables
    with _db.engine.begin() as connection:
        # Most tests fill a few tables: one query finds them, and only they are emptied.
        probe = " UNION ALL ".join(
            f"SELECT '{t.name}' WHERE EXISTS (SELECT 1 FROM \"{t.name}\")" for t in tables)
        filled = set(connection.execute(text(probe)).scalars())
        for table in reversed(tables):
            if table.name in filled:
                connection.execute(table.delete())
        if app.config["BACKEND"] == "postgresql":
            # Ids start at 1 again, as on SQLite. (TRUNCATE ... RESTART IDENTITY did the
            # same, but took a quarter of a second for every test.)
            restarts = ", ".join(
                f"setval(pg_get_serial_sequence('\"{t.name}\"', "
                f"'{t.autoincrement_column.name}'), 1, false)"
                for t in tables if t.autoincrement_column is not None)
            connection.execute(text(f"SELECT {restarts}"))


@pytest.fixture
def db(app):
    """The database inside an app context; every table is emptied after the test."""
    if app.config["BACKEND"] == "postgresql":
        _postgres_tests_run.append(1)
    with app.app_context():
        yield _db
        empty_database(app)


@pytest.fixture
def client(app, db):
    return app.test_client()


@pytest.fixture
def runner(app, db):
    return app.test_cli_runner()


class AuthActions:
    """Signs the test client in and out: staff through the login form, guests by session."""

    def __init__(self, client):
        self._client = client

    def staff_login(self, role: Role = Role.RECEPTION, department: Department | None = None, *,
                    username: str | None = None, password: str = "correct-horse") -> StaffUser:
        """Sign in a staff user of this role (and department), made if none exists; return it."""
        # Reuse the fixture's own user, so that what the test checks (an audit entry's
        # author, a department's list) is about the user it signed in with.
        query = select(StaffUser).where(StaffUser.active.is_(True)).order_by(StaffUser.id)
        if username is not None:
            query = query.where(StaffUser.username == username)
        else:
            query = query.where(StaffUser.role == role)
            if department is not None:
                query = query.where(StaffUser.department_id == department.id)
        user = _db.session.scalars(query).first()
        if user is None:
            user = make_staff(username, role, department, password)
            _db.session.commit()
        response = post_form(self._client, "/desk/login",
                             {"username": user.username, "password": password},
                             token_from="/desk/login")
        assert response.status_code == 302, f"{user.username} could not sign in"
        return user

    def guest_login(self, stay) -> None:
        """Put the guest's stay in the client's session, as signing in does."""
        sign_in_as(self._client, stay)

    def logout(self):
        """Sign whoever is signed in out, through the desk's sign-out form."""
        # The session's CSRF token is on every form; the guests' sign-in page is the
        # lightest page that has one.
        return self._client.post("/desk/logout",
                                 data={"csrf_token": csrf_token(self._client, "/sign-in")})


@pytest.fixture
def auth(client):
    """Sign-in and sign-out actions on the test client, as in Flask's tutorial."""
    return AuthActions(client)


class QueryCounter:
    """Counts the SQL statements sent while it is active."""

    def __init__(self):
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(db):
    """Return a context manager that counts the statements run inside it."""

    @contextmanager
    def counting():
        counter = QueryCounter()

        def record(conn, cursor, statement, parameters, context, executemany):
            counter.statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            yield counter
        finally:
            event.remove(db.engine, "before_cursor_execute", record)

    return counting


def pytest_terminal_summary(terminalreporter):
    for (label, backend), (count, details) in sorted(_fuzz_cases.items()):
        shown = f" {details}" if details and len(details) == 1 else ""
        terminalreporter.write_line(f"fuzzing: {label} on {backend}: {count} cases{shown}")
    if not POSTGRES_URL:
        terminalreporter.write_line(
            "PostgreSQL part SKIPPED: set TEST_DATABASE_URL=postgresql://user@host:port/name "
            "to run the suite on PostgreSQL as well.",
            yellow=True,
        )


def pytest_sessionfinish(session, exitstatus):
    if REQUIRE_POSTGRES and not _postgres_tests_run and exitstatus == 0:
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            "FAILED: HOTEL_REQUIRE_POSTGRES=1 but no test ran on PostgreSQL.", red=True
        )
        session.exitstatus = 1
