"""The sign-in pages: who is counted as which client, alike answers, a busy database."""

import sqlite3
from contextlib import contextmanager

import pytest
from sqlalchemy.engine import make_url

from hotel import create_app
from hotel.clock import hotel_today
from hotel.extensions import db as _db
from hotel.services.sign_in import CLIENT_LIMIT, FREE_FAILURES
from tests.conftest import FreshContextClient, make_config
from tests.factories import make_stay
from tests.helpers import post_form

NOT_FOUND = "We could not find a current stay with these details."
TOO_MANY = "Too many attempts."


@pytest.fixture
def stay(db):
    """A guest who is staying now."""
    stay = make_stay("LP7001", last_name="Okafor", arrival_on=hotel_today(), nights=3)
    db.session.commit()
    return stay


@contextmanager
def app_with(app, **settings):
    """Yield a second application on the same database, with some settings changed."""
    bound = make_config(app.config["SQLALCHEMY_DATABASE_URI"])
    other = create_app(type("ChangedConfig", (bound,), settings))
    other.config["BACKEND"] = app.config["BACKEND"]
    other.test_client_class = FreshContextClient
    try:
        yield other
    finally:
        with other.app_context():
            _db.session.remove()
            _db.engine.dispose()


def sign_in(client, reference: str, last_name: str, forwarded_for: str | None = None):
    """Post the guests' sign-in form, as sent through a proxy when ``forwarded_for``."""
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return post_form(client, "/sign-in", {"identifier": reference, "last_name": last_name},
                     headers=headers)


def fail_from(client, forwarded_for: str, times: int) -> None:
    """Fail to sign in ``times`` times, each with another invented reference."""
    for number in range(times):
        assert sign_in(client, f"NOPE{number}", "Okafor", forwarded_for).status_code == 422


def test_with_one_trusted_proxy_the_forwarded_address_is_the_client(app, stay):
    """Behind one proxy, each guest is counted by the address the proxy saw."""
    with app_with(app, TRUSTED_PROXIES=1) as proxied:
        client = proxied.test_client()
        fail_from(client, "203.0.113.5", CLIENT_LIMIT)
        assert sign_in(client, "LP7001", "Okafor", "203.0.113.5").status_code == 429
        # What the guest's own browser puts first is not believed; the proxy's entry is.
        own = sign_in(client, "LP7001", "Okafor", "203.0.113.5, 198.51.100.1")
        assert own.status_code == 302


def test_without_trusted_proxies_x_forwarded_for_is_ignored(app, client, stay):
    """A client cannot escape its limit by sending a made-up X-Forwarded-For."""
    for number in range(CLIENT_LIMIT):
        response = sign_in(client, f"NOPE{number}", "Okafor", f"198.51.100.{number}")
        assert response.status_code == 422
    assert sign_in(client, "LP7001", "Okafor", "198.51.100.99").status_code == 429


def test_unknown_and_known_references_get_the_same_page(client, stay):
    """Status and message tell nothing about whether a reference exists, throttled or not."""
    for reference, last_name in (("LP7001", "Wrong"), ("LP7999", "Okafor")):
        for _attempt in range(FREE_FAILURES):
            response = sign_in(client, reference, last_name)
            assert response.status_code == 422
            assert NOT_FOUND in response.text
        response = sign_in(client, reference, last_name)
        assert response.status_code == 429
        assert TOO_MANY in response.text and NOT_FOUND not in response.text


def test_the_guest_signs_in_from_their_own_address_while_others_guess(client, stay):
    """Twenty-five failures from one address and ten at the stay from another stop no one."""
    fail = {"environ_base": {"REMOTE_ADDR": "203.0.113.9"}}
    for number in range(25):
        post_form(client, "/sign-in", {"identifier": f"NOPE{number}", "last_name": "X"}, **fail)
    for _attempt in range(10):
        post_form(client, "/sign-in", {"identifier": "LP7001", "last_name": "X"},
                  environ_base={"REMOTE_ADDR": "203.0.113.10"})
    response = post_form(client, "/sign-in", {"identifier": "LP7001", "last_name": "Okafor"},
                         environ_base={"REMOTE_ADDR": "198.51.100.20"})
    assert response.status_code == 302


@contextmanager
def sqlite_write_lock(url: str):
    """Hold SQLite's write lock from another connection, as a long writer would."""
    blocker = sqlite3.connect(make_url(url).database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        blocker.rollback()
        blocker.close()


def test_a_locked_database_answers_busy_in_the_readers_language_not_500(app, db, stay):
    """When the attempt cannot be counted, the page and the API say so with 503."""
    if app.config["BACKEND"] != "sqlite":
        pytest.skip("the write lock is SQLite's")
    with app_with(app, SQLITE_BUSY_TIMEOUT_MS=50) as impatient:
        client = impatient.test_client()
        with sqlite_write_lock(app.config["SQLALCHEMY_DATABASE_URI"]):
            page = sign_in(client, "LP7001", "Okafor")
            api = client.post("/api/v1/auth/guest?lang=de",
                              json={"reference": "LP7001", "last_name": "Okafor"})
    assert page.status_code == 503
    assert "Please try again shortly." in page.text
    assert api.status_code == 503
    assert api.json["error"] == "busy"
    assert api.json["message"] == ("Die Anmeldung ist gerade nicht möglich. Bitte versuchen "
                                   "Sie es gleich noch einmal.")
