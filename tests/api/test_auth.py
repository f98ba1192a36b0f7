"""Signing in through the API: guests and staff get tokens; failures are throttled."""

from datetime import datetime, timedelta

import pytest
from itsdangerous import URLSafeTimedSerializer

from hotel.api.tokens import SALT
from hotel.extensions import db
from hotel.services.sign_in import FREE_FAILURES, stay_session_ends_at


@pytest.mark.parametrize("reference, last_name", [
    ("LP1001", "Kim"), ("lp1001", "  KIM "), ("204", "kim"),  # room number works too
])
def test_guest_gets_a_token_until_the_end_of_the_stay(api, hotel, reference, last_name):
    response = api.client.post("/api/v1/auth/guest",
                               json={"reference": reference, "last_name": last_name})
    assert response.status_code == 200
    expires_at = datetime.fromisoformat(response.json["expires_at"])
    assert expires_at == stay_session_ends_at(hotel["kim"])
    assert response.headers["Cache-Control"] == "no-store"
    bookings = api.call("GET", "/api/v1/bookings", response.json["token"])
    assert bookings.status_code == 200


@pytest.mark.parametrize("body", [
    {"reference": "LP1001", "last_name": "Brown"},
    {"reference": "LP9999", "last_name": "Kim"},
    {"reference": "305", "last_name": "Kim"},
])
def test_guest_with_wrong_details_gets_401(api, hotel, body):
    response = api.client.post("/api/v1/auth/guest", json=body)
    assert response.status_code == 401
    assert response.json["error"] == "unauthorized"
    assert "stay" in response.json["message"]


@pytest.mark.parametrize("body", [
    {}, {"reference": "LP1001"}, {"reference": 1001, "last_name": "Kim"},
    {"reference": "LP1001", "last_name": ""}, {"reference": "LP\x001001", "last_name": "Kim"},
])
def test_guest_sign_in_with_bad_input_gets_422(api, hotel, body):
    response = api.client.post("/api/v1/auth/guest", json=body)
    assert response.status_code == 422
    assert response.json["error"] == "invalid"
    assert response.json["fields"]


def test_guest_sign_in_is_slowed_down_per_stay_and_client(api, hotel):
    """Guesses slow down their own address, not the guest at theirs."""
    for _attempt in range(FREE_FAILURES):
        response = api.client.post("/api/v1/auth/guest",
                                   json={"reference": "LP1001", "last_name": "Wrong"})
        assert response.status_code == 401
    response = api.client.post("/api/v1/auth/guest",
                               json={"reference": "LP1001", "last_name": "Kim"})
    assert response.status_code == 429
    assert response.json["error"] == "throttled"
    # The guest at their own address is not held back by someone else's guesses.
    own = api.client.post("/api/v1/auth/guest", json={"reference": "LP1001",
                          "last_name": "Kim"}, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert own.status_code == 200


def test_unknown_and_known_references_get_the_same_answers(api, hotel):
    """Statuses and bodies tell nothing about which references exist."""
    answers = {}
    for reference in ("LP1001", "LP9999"):
        body = {"reference": reference, "last_name": "Wrong"}
        wrong = [api.client.post("/api/v1/auth/guest", json=body)
                 for _attempt in range(FREE_FAILURES + 1)]
        answers[reference] = [(r.status_code, r.json) for r in wrong]
    assert answers["LP1001"] == answers["LP9999"]
    assert [status for status, _body in answers["LP1001"]] == [401] * FREE_FAILURES + [429]


def test_staff_get_a_token_for_twelve_hours(api, hotel):
    response = api.client.post("/api/v1/auth/staff",
                               json={"username": "Reception", "password": "correct-horse"})
    assert response.status_code == 200
    expires_at = datetime.fromisoformat(response.json["expires_at"])
    assert timedelta(hours=11, minutes=59) < expires_at - datetime.now(expires_at.tzinfo)
    assert expires_at - datetime.now(expires_at.tzinfo) <= timedelta(hours=12)


@pytest.mark.parametrize("username, password", [
    ("reception", "wrong-password"), ("nobody", "correct-horse"),
])
def test_staff_with_wrong_credentials_get_401(api, hotel, username, password):
    response = api.client.post("/api/v1/auth/staff",
                               json={"username": username, "password": password})
    assert response.status_code == 401
    assert response.json["error"] == "unauthorized"


def test_inactive_staff_get_401_and_their_tokens_stop_working(api, hotel):
    token = api.staff_token("reception")
    hotel["reception"].active = False
    db.session.commit()
    response = api.client.post("/api/v1/auth/staff",
                               json={"username": "reception", "password": "correct-horse"})
    assert response.status_code == 401
    assert api.call("POST", "/api/v1/stays", token, json={}).status_code == 401


def test_a_new_password_revokes_staff_tokens(api, hotel):
    token = api.staff_token("reception")
    hotel["reception"].set_password("a-brand-new-password")
    db.session.commit()
    assert api.call("POST", "/api/v1/stays", token, json={}).status_code == 401


def test_staff_sign_in_is_slowed_down_per_username_and_client(api, hotel):
    """Guesses at a password slow down their own address, not the staff member's."""
    for _attempt in range(FREE_FAILURES):
        response = api.client.post("/api/v1/auth/staff",
                                   json={"username": "reception", "password": "guess"})
        assert response.status_code == 401
    response = api.client.post("/api/v1/auth/staff",
                               json={"username": "reception", "password": "correct-horse"})
    assert response.status_code == 429
    assert response.json["error"] == "throttled"
    own = api.client.post("/api/v1/auth/staff",
                          json={"username": "reception", "password": "correct-horse"},
                          environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert own.status_code == 200


def _forged(app, payload):
    return URLSafeTimedSerializer("not-the-key", salt=SALT).dumps(payload)


@pytest.mark.parametrize("header", [
    None, "", "Bearer", "Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer a.b.c",
])
def test_missing_or_bad_tokens_get_401(api, hotel, header):
    headers = {"Authorization": header} if header is not None else {}
    response = api.client.get("/api/v1/bookings", headers=headers)
    assert response.status_code == 401
    assert response.json["error"] == "unauthorized"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_forged_expired_and_orphaned_tokens_get_401(app, api, hotel):
    kim = hotel["kim"]
    forged = _forged(app, {"kind": "guest", "id": kim.id, "exp": 4_000_000_000})
    signer = URLSafeTimedSerializer(app.secret_key, salt=SALT)
    expired = signer.dumps({"kind": "guest", "id": kim.id, "exp": 1_000_000})
    missing = signer.dumps({"kind": "guest", "id": 999_999, "exp": 4_000_000_000})
    odd = signer.dumps(["guest", kim.id])
    for token in (forged, expired, missing, odd):
        assert api.call("GET", "/api/v1/bookings", token).status_code == 401


def test_a_token_ends_when_the_stay_is_deleted(api, hotel, kim_token):
    db.session.delete(db.session.get(type(hotel["kim"]), hotel["kim"].id))
    db.session.commit()
    assert api.call("GET", "/api/v1/bookings", kim_token).status_code == 401


def test_staff_tokens_cannot_book_and_guest_tokens_cannot_push_stays(api, hotel, kim_token):
    staff = api.staff_token("reception")
    assert api.call("GET", "/api/v1/bookings", staff).status_code == 403
    assert api.call("POST", "/api/v1/stays", kim_token, json={}).status_code == 403
