"""The property-management system sends care notes and a contact phone with a stay."""

import pytest
from sqlalchemy import select

from hotel.extensions import db
from hotel.models import Stay
from tests.api.test_stays import stay_body


def with_care(**changes) -> dict:
    body = stay_body(phone="+33 (0)6 12-34-56-78")
    body["adults"][1]["dietary_notes"] = "Vegetarian"
    body["children"][0].update(allergies="Peanuts", may_leave_alone=False,
                               collected_by="Léa or Marc")
    body["children"][1].update(medical_notes="Asthma, inhaler in the bag",
                               may_leave_alone=True)
    body.update(changes)
    return body


def test_a_stay_comes_with_its_care_notes_and_phone(api, hotel):
    token = api.staff_token("reception")
    response = api.call("POST", "/api/v1/stays", token, json=with_care())
    assert response.status_code == 201, response.json
    body = response.json
    assert body["phone"] == "+33 (0)6 12-34-56-78"
    assert body["adults"][1]["dietary_notes"] == "Vegetarian"
    chloe, hugo = body["children"]
    assert (chloe["allergies"], chloe["may_leave_alone"], chloe["collected_by"]) == (
        "Peanuts", False, "Léa or Marc")
    assert (hugo["medical_notes"], hugo["may_leave_alone"]) == ("Asthma, inhaler in the bag",
                                                                True)


def test_an_update_without_notes_keeps_those_the_guest_wrote(api, hotel):
    token = api.staff_token("reception")
    api.call("POST", "/api/v1/stays", token, json=with_care())
    response = api.call("PUT", "/api/v1/stays/PMS-2001", token, json=stay_body(room="514"))
    assert response.status_code == 200, response.json
    assert response.json["room"] == "514"
    assert response.json["phone"] == "+33 (0)6 12-34-56-78"
    assert response.json["children"][0]["allergies"] == "Peanuts"
    cleared = with_care(phone="")
    cleared["children"][0]["allergies"] = ""
    response = api.call("PUT", "/api/v1/stays/PMS-2001", token, json=cleared)
    assert response.json["phone"] == "" and response.json["children"][0]["allergies"] == ""


@pytest.mark.parametrize("phone", ["call me", "12", "+43 660 123 4567 ext. 9", "0" * 33,
                                   "+43\n660", "++43 660", 436601234])
def test_a_phone_that_is_no_phone_number_is_refused_and_nothing_written(api, hotel, phone):
    token = api.staff_token("reception")
    response = api.call("POST", "/api/v1/stays", token, json=with_care(phone=phone))
    assert response.status_code == 422, response.json
    assert "phone" in response.json["fields"]
    assert db.session.scalar(select(Stay).where(Stay.reference == "PMS-2001")) is None


def test_the_phone_message_is_in_the_callers_language(api, hotel):
    token = api.staff_token("reception")
    response = api.call("POST", "/api/v1/stays?lang=de", token, json=with_care(phone="abc"))
    assert response.status_code == 422
    assert "Telefonnummer" in response.json["fields"]["phone"]


@pytest.mark.parametrize("member, value", [
    ("allergies", "x" * 201), ("allergies", 5), ("may_leave_alone", "yes"),
    ("collected_by", "y" * 121), ("medical_notes", "bad\x00text")])
def test_care_notes_of_the_wrong_type_or_length_are_refused(api, hotel, member, value):
    token = api.staff_token("reception")
    body = with_care()
    body["children"][0][member] = value
    response = api.call("POST", "/api/v1/stays", token, json=body)
    assert response.status_code == 422, response.json
    assert f"children[0].{member}" in response.json["fields"]


def test_the_openapi_document_states_the_members_and_their_lengths(api, hotel):
    document = api.client.get("/api/v1/openapi.json").json
    schemas = document["components"]["schemas"]
    child = schemas["ChildInput"]["properties"]
    assert child["allergies"]["anyOf"][0]["maxLength"] == 200
    assert child["collected_by"]["anyOf"][0]["maxLength"] == 120
    assert child["may_leave_alone"]["anyOf"][0]["type"] == "boolean"
    assert "dietary_notes" in schemas["AdultInput"]["properties"]
    phone = schemas["StayInput"]["properties"]["phone"]["anyOf"][0]
    assert phone["maxLength"] == 32 and phone["pattern"].startswith("^")
    assert "phone" in schemas["Stay"]["required"]
