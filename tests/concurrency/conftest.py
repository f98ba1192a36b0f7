"""Fixtures for the concurrency tests: a seeded database per backend and gunicorn servers."""

import pytest

from tests import conftest as suite
from tests.concurrency.harness import Hotel, Server, seed_hotel

SAFE_APP = "wsgi"
UNLOCKED_APP = "tests.concurrency.unlocked_wsgi"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell it failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(params=["sqlite", "postgresql"])
def hotel(request, tmp_path) -> Hotel:
    """A fresh database on each backend with scarce capacity and forty guests."""
    yield from seeded(request, tmp_path)


def seeded(request, tmp_path, **options):
    """Yield a hotel seeded on the backend the request is for (``options`` go to
    seed_hotel), in a private database on PostgreSQL."""
    if request.param == "sqlite":
        yield seed_hotel(f"sqlite:///{tmp_path / 'hotel.db'}", **options)
        return
    if not suite.POSTGRES_URL:
        pytest.skip("PostgreSQL case needs TEST_DATABASE_URL=postgresql://user@host:port/name")
    reason = suite.postgres_reachable(suite.POSTGRES_URL)
    if reason:
        if suite.REQUIRE_POSTGRES:
            pytest.fail(f"HOTEL_REQUIRE_POSTGRES=1 but PostgreSQL is not reachable: {reason}")
        pytest.skip(f"PostgreSQL not reachable: {reason}")
    suite._postgres_tests_run.append(1)
    with suite.private_postgres_database(suite.POSTGRES_URL) as url:
        yield seed_hotel(url, **options)


@pytest.fixture
def serve(request, tmp_path):
    """Return a function that starts gunicorn on a WSGI module; every server is stopped after.

    When the test fails, what the servers logged is printed with the failure.
    """
    servers: list[Server] = []

    def start(module: str, hotel: Hotel) -> Server:
        server = Server(module, hotel.url, tmp_path / f"gunicorn-{len(servers)}.log")
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()
    call = getattr(request.node, "report_call", None)
    if call is not None and call.failed:
        for server in servers:
            print(f"--- gunicorn {server.module} on port {server.port} ---\n{server.log()}")
