"""What every API answer shares: JSON errors in the reader's language, no cookies, OpenAPI."""

import pytest
from openapi_spec_validator import validate

from hotel.api.openapi import PATHS
from hotel.extensions import db
from hotel.models import Booking


def test_openapi_document_validates_and_covers_every_route(app, api, hotel):
    response = api.client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json
    validate(document)
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    routes = {
        (method.lower(), rule.rule.removeprefix("/api/v1").replace("<", "{").replace(">", "}"))
        for rule in app.url_map.iter_rules() if rule.endpoint.startswith("api.")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(method, path.replace("{item_id}", "{int(max=2147483647):item_id}")
                   .replace("{entry_id}", "{int(max=2147483647):entry_id}"))
                  for path, operations in PATHS.items() for method in operations}
    assert routes == documented


@pytest.mark.parametrize("headers, query, message", [
    ({"Accept-Language": "ko-KR,ko;q=0.9"}, {}, "페이지를 찾을 수 없습니다."),
    ({}, {"lang": "ko"}, "페이지를 찾을 수 없습니다."),
    ({"Accept-Language": "ko"}, {"lang": "en"}, "We could not find this page."),
])
def test_errors_are_json_in_the_readers_language(api, hotel, headers, query, message):
    response = api.client.get("/api/v1/no-such-thing", headers=headers, query_string=query)
    assert response.status_code == 404
    assert response.is_json
    assert response.json == {"error": "not_found", "message": message}


def test_wrong_method_and_oversized_bodies_get_json(app, api, hotel, kim_token):
    assert api.client.delete("/api/v1/services").json["error"] == "method_not_allowed"
    big = b"{" + b" " * (app.config["MAX_CONTENT_LENGTH"] + 1) + b"}"
    response = api.call("POST", "/api/v1/bookings", kim_token, data=big,
                        content_type="application/json")
    assert response.status_code == 413
    assert response.is_json


def test_the_api_sets_no_cookie_and_ignores_the_pages_session(api, hotel, kim_token):
    # The pages remember a language chosen with ?lang= in the session cookie...
    assert "Set-Cookie" in api.client.get("/?lang=ko").headers
    # ...the API neither sends a cookie nor lets the cookie choose for it.
    for method, path, body, token in [
        ("GET", "/api/v1/services?lang=ko", None, None),
        ("GET", "/api/v1/bookings", None, kim_token),
        ("POST", "/api/v1/auth/guest", {"reference": "LP1001", "last_name": "Kim"}, None),
        ("POST", "/api/v1/auth/guest", {"reference": "LP1001", "last_name": "No"}, None),
        ("GET", "/api/v1/nothing", None, None),
    ]:
        response = api.call(method, path, token, json=body)
        assert "Set-Cookie" not in response.headers, path
    services = api.call("GET", "/api/v1/services").json["services"]
    assert next(s["name"] for s in services if s["slug"] == "kids-club") == "Kids club"


def test_a_guest_signed_in_to_the_pages_is_not_signed_in_to_the_api(api, hotel):
    # The API is exempt from CSRF checks, so the pages' cookie must not sign anyone in.
    with api.client.session_transaction() as session:
        session["stay_id"] = hotel["kim"].id
    assert api.client.get("/api/v1/bookings").status_code == 401
    item = {"service": "kids-club", "slot_id": hotel["slots"][0].id}
    response = api.client.post("/api/v1/bookings", json={"items": [item]})
    assert response.status_code == 401
    assert db.session.query(Booking).count() == 0
