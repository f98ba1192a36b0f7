"""The staff stays API and its OpenAPI document take and return whether a guest agrees to
offers, as a boolean; any other value is refused and nothing written."""

import pytest
from sqlalchemy import func, select

from hotel.extensions import db
from hotel.models import Stay
from tests.api.test_stays import stay_body


@pytest.fixture
def reception_token(api, hotel):
    return api.staff_token("reception")


def test_the_api_takes_and_returns_consent(api, hotel, reception_token):
    created = api.call("POST", "/api/v1/stays", reception_token,
                       json=stay_body(marketing_consent=True))
    assert created.status_code == 201, created.json
    assert created.json["marketing_consent"] is True
    kept = api.call("PUT", "/api/v1/stays/PMS-2001", reception_token, json=stay_body())
    assert kept.status_code == 200 and kept.json["marketing_consent"] is True  # not said
    withdrawn = api.call("PUT", "/api/v1/stays/PMS-2001", reception_token,
                         json=stay_body(marketing_consent=False))
    assert withdrawn.status_code == 200 and withdrawn.json["marketing_consent"] is False


def test_a_new_stay_without_consent_does_not_agree(api, hotel, reception_token):
    created = api.call("POST", "/api/v1/stays", reception_token, json=stay_body())
    assert created.status_code == 201 and created.json["marketing_consent"] is False


@pytest.mark.parametrize("value", ["yes", "true", 1, 0, None, [], {}, "maybe"])
def test_the_api_refuses_a_consent_that_is_not_true_or_false(api, hotel, reception_token,
                                                             value):
    before = db.session.scalar(select(func.count(Stay.id)))
    response = api.call("POST", "/api/v1/stays", reception_token,
                        json=stay_body(marketing_consent=value))
    assert response.status_code == 422, response.json
    assert "marketing_consent" in response.json["fields"]
    assert "true or false" in response.json["fields"]["marketing_consent"]
    assert db.session.scalar(select(func.count(Stay.id))) == before


def test_the_openapi_document_states_consent_as_a_boolean(api, hotel):
    schemas = api.client.get("/api/v1/openapi.json").json["components"]["schemas"]
    assert schemas["StayInput"]["properties"]["marketing_consent"]["type"] == "boolean"
    assert schemas["Stay"]["properties"]["marketing_consent"]["type"] == "boolean"
    assert "marketing_consent" in schemas["Stay"]["required"]
