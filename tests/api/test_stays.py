"""Stays pushed by the property-management system, and the service that saves them."""

from datetime import date, timedelta

import pytest
from sqlalchemy import event, func, select, update

from hotel.extensions import db
from hotel.models import AuditEntry, Stay
from hotel.services.errors import DomainError
from hotel.services.stays import StayChanged, StayExists, StayNotFound, save_stay
from tests.helpers import post_form


def stay_body(**changes) -> dict:
    body = {
        "reference": "PMS-2001", "room": "512", "first_name": "Léa", "last_name": "Dubois",
        "arrival_date": "2030-07-01", "departure_date": "2030-07-08", "language": "fr",
        "email": "Lea.Dubois@Example.COM",
        "adults": [{"first_name": "Léa", "last_name": "Dubois"},
                   {"first_name": "Marc", "last_name": "Dubois"}],
        "children": [{"first_name": "Chloé", "age": 7},
                     {"first_name": "Hugo", "birth_date": "2027-09-15"}],
    }
    body.update(changes)
    return body


@pytest.fixture
def reception_token(api, hotel):
    return api.staff_token("reception")


@pytest.mark.parametrize("role", ["reception", "manager"])
def test_reception_and_managers_create_a_stay(api, hotel, role):
    response = api.call("POST", "/api/v1/stays", api.staff_token(role), json=stay_body())
    assert response.status_code == 201, response.json
    body = response.json
    assert body["reference"] == "PMS-2001"
    assert body["email"] == "Lea.Dubois@example.com"
    assert [a["first_name"] for a in body["adults"]] == ["Léa", "Marc"]
    assert [(c["first_name"], c["age"]) for c in body["children"]] == [("Chloé", 7), ("Hugo", 2)]
    assert body["children"][1]["birth_date"] == "2027-09-15"
    stay = db.session.scalar(select(Stay).where(Stay.reference == "PMS-2001"))
    assert stay.last_name_key == "dubois"
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "stay.created"))
    assert entry.staff_id == hotel[role].id
    assert entry.object_id == str(stay.id)
    # The guest can sign in with it straight away, whatever the case.
    assert api.client.post("/api/v1/auth/guest", json={"reference": "PMS-2001",
                                                        "last_name": "DUBOIS"}).status_code \
        == 200


def test_department_staff_get_403_and_anonymous_callers_401(api, hotel, kim_token):
    staff = api.staff_token("kidsclub")
    for method, path in [("POST", "/api/v1/stays"), ("PUT", "/api/v1/stays/LP1001")]:
        assert api.call(method, path, staff, json=stay_body()).status_code == 403
        assert api.call(method, path, kim_token, json=stay_body()).status_code == 403
        assert api.call(method, path, json=stay_body()).status_code == 401
    assert db.session.scalar(select(func.count()).select_from(Stay)) == 2


def test_posting_an_existing_reference_gets_409(api, hotel, reception_token):
    response = api.call("POST", "/api/v1/stays", reception_token,
                        json=stay_body(reference="LP1001"))
    assert response.status_code == 409
    assert response.json["error"] == "conflict"
    assert db.session.get(Stay, hotel["kim"].id).room == "204"


def test_updating_keeps_party_members_and_their_bookings(api, hotel, reception_token,
                                                         kim_token):
    kim = hotel["kim"]
    child = kim.children[0]
    slot = hotel["slots"][0]
    api.call("POST", "/api/v1/bookings", kim_token,
             json={"items": [{"service": "kids-club", "slot_id": slot.id,
                              "participants": [child.id]}]})
    body = stay_body(reference="LP1001", room="210", last_name="Kim-Park",
                     arrival_date=str(kim.arrival_on), departure_date=str(kim.departure_on),
                     adults=[{"first_name": "Minji"}, {"first_name": "Adult1"}],
                     children=[{"first_name": "Seoyeon", "age": 6},
                               {"first_name": "Jiho", "age": 9},
                               {"first_name": "Baby", "age": 0}])
    response = api.call("PUT", "/api/v1/stays/LP1001", reception_token, json=body)
    assert response.status_code == 200, response.json
    assert response.json["room"] == "210"
    assert response.json["children"][0]["id"] == child.id
    assert [c["first_name"] for c in response.json["children"]] == ["Seoyeon", "Jiho", "Baby"]
    # The token still works, and the booking still names the child.
    listed = api.call("GET", "/api/v1/bookings", kim_token).json["bookings"]
    assert listed[0]["items"][0]["participants"] == [child.id]
    assert db.session.scalar(select(AuditEntry.action).where(
        AuditEntry.action == "stay.updated")) == "stay.updated"


def test_a_member_with_booked_services_cannot_be_removed(api, hotel, reception_token,
                                                         kim_token):
    kim = hotel["kim"]
    api.call("POST", "/api/v1/bookings", kim_token,
             json={"items": [{"service": "kids-club", "slot_id": hotel["slots"][0].id,
                              "participants": [m.id for m in kim.children]}]})
    body = stay_body(reference="LP1001", arrival_date=str(kim.arrival_on),
                     departure_date=str(kim.departure_on), children=[{"first_name": "A",
                                                                      "age": 6}])
    response = api.call("PUT", "/api/v1/stays/LP1001", reception_token, json=body)
    assert response.status_code == 422
    assert "Child1" in response.json["message"]
    assert "children" in response.json["fields"]
    assert len(db.session.get(Stay, kim.id).members) == 4


def test_putting_an_unknown_reference_gets_404(api, hotel, reception_token):
    response = api.call("PUT", "/api/v1/stays/NOPE-1", reception_token,
                        json=stay_body(reference="NOPE-1"))
    assert response.status_code == 404
    assert response.json["error"] == "not_found"


def test_put_without_a_reference_in_the_body_updates_the_stay_of_the_path(api, hotel,
                                                                           reception_token):
    body = stay_body()
    del body["reference"]
    response = api.call("PUT", "/api/v1/stays/LP1002", reception_token, json=body)
    assert response.status_code == 200
    assert response.json["reference"] == "LP1002"


@pytest.mark.parametrize("changes, field", [
    ({"reference": ""}, "reference"),
    ({"reference": "has space"}, "reference"),
    ({"reference": "x" * 33}, "reference"),
    ({"room": None}, "room"),
    ({"room": 512}, "room"),
    ({"first_name": "  "}, "first_name"),
    ({"last_name": "Nul\x00l"}, "last_name"),
    ({"last_name": "\u200b\u200b"}, "last_name"),
    ({"first_name": "\u202e\u2066"}, "first_name"),
    ({"room": "\u3164"}, "room"),
    ({"adults": [{"first_name": "Léa"}, {"first_name": "Marc", "last_name": "\u200d"}]},
     "adults[1].last_name"),
    ({"arrival_date": "01/07/2030"}, "arrival_date"),
    ({"departure_date": None}, "departure_date"),
    ({"departure_date": "2030-06-30"}, "departure_date"),
    ({"departure_date": "2032-07-01"}, "departure_date"),
    ({"language": "xx"}, "language"),
    ({"email": "not an address"}, "email"),
    ({"adults": "two"}, "adults"),
    ({"adults": [{"last_name": "Dubois"}]}, "adults[0].first_name"),
    ({"children": [{"first_name": "Chloé"}]}, "children[0].age"),
    ({"children": [{"first_name": "Chloé", "age": 18}]}, "children[0].age"),
    ({"children": [{"first_name": "Chloé", "age": -1}]}, "children[0].age"),
    ({"children": [{"first_name": "Chloé", "age": "six"}]}, "children[0].age"),
    ({"children": [{"first_name": "Chloé", "birth_date": "2031-01-01"}]},
     "children[0].birth_date"),
    ({"children": [{"first_name": "X", "age": 3}] * 21}, "adults"),
])
def test_bad_fields_get_422_with_the_field(api, hotel, reception_token, changes, field):
    response = api.call("POST", "/api/v1/stays", reception_token, json=stay_body(**changes))
    assert response.status_code == 422, response.json
    assert response.json["error"] == "invalid"
    assert field in response.json["fields"]
    assert db.session.scalar(select(func.count()).select_from(Stay)) == 2


def test_save_stay_accepts_csv_like_values_and_fills_defaults(app, db):
    stay = save_stay({"reference": "CSV1", "room": "7", "first_name": "Ann",
                      "last_name": "Lee", "arrival_date": "2030-01-01",
                      "departure_date": date(2030, 1, 3), "children": [
                          {"first_name": "Kit", "age": "4"}]}, None)
    assert stay.language == app.config["DEFAULT_LANGUAGE"]
    assert stay.email == ""
    assert [(m.name, m.is_child, m.age) for m in stay.members] == [
        ("Ann Lee", False, None), ("Kit Lee", True, 4)]
    with pytest.raises(StayExists):
        save_stay({"reference": "CSV1", "room": "8", "first_name": "B", "last_name": "C",
                   "arrival_date": "2030-01-01", "departure_date": "2030-01-02"}, None)
    with pytest.raises(StayNotFound):
        save_stay({"reference": "CSV2", "room": "8", "first_name": "B", "last_name": "C",
                   "arrival_date": "2030-01-01", "departure_date": "2030-01-02"}, None,
                  reference="CSV2")
    with pytest.raises(DomainError) as error:
        save_stay({"reference": "CSV3"}, None)
    assert error.value.field == "room"


def test_renaming_a_stay_to_a_taken_reference_is_refused(app, db, hotel):
    with pytest.raises(StayExists):
        save_stay({"reference": "LP1002", "room": "1", "first_name": "M", "last_name": "Kim",
                   "arrival_date": "2030-01-01", "departure_date": "2030-01-02"},
                  hotel["reception"], reference="LP1001")
    assert db.session.get(Stay, hotel["kim"].id).reference == "LP1001"


def test_shortening_a_stay_into_the_past_ends_its_guests_tokens(api, hotel, reception_token):
    kim = hotel["kim"]
    token = api.guest_token("LP1001", "Kim")
    body = stay_body(reference="LP1001", last_name="Kim",
                     arrival_date=str(kim.arrival_on - timedelta(days=3)),
                     departure_date=str(kim.arrival_on - timedelta(days=1)),
                     children=[{"first_name": "Child0", "age": 6},
                               {"first_name": "Child1", "age": 8}])
    response = api.call("PUT", "/api/v1/stays/LP1001", reception_token, json=body)
    assert response.status_code == 200
    assert api.call("GET", "/api/v1/bookings", token).status_code == 401


def test_shortening_a_stay_into_the_past_ends_its_guests_page_session(api, hotel,
                                                                      reception_token):
    """A guest signed in to the pages is signed out by a stay the PMS cut short."""
    kim = hotel["kim"]
    signed_in = post_form(api.client, "/sign-in", {"identifier": "LP1001", "last_name": "Kim"})
    assert signed_in.status_code == 302
    assert api.client.get("/my-bookings").status_code == 200
    body = stay_body(reference="LP1001", last_name="Kim",
                     arrival_date=str(kim.arrival_on - timedelta(days=3)),
                     departure_date=str(kim.arrival_on - timedelta(days=1)),
                     children=[{"first_name": "Child0", "age": 6},
                               {"first_name": "Child1", "age": 8}])
    response = api.call("PUT", "/api/v1/stays/LP1001", reception_token, json=body)
    assert response.status_code == 200
    assert api.client.get("/my-bookings").headers["Location"].startswith("/sign-in")


def test_the_pms_may_send_the_version_it_read_and_a_stale_one_gets_409(api, hotel,
                                                                       reception_token):
    created = api.call("POST", "/api/v1/stays", reception_token, json=stay_body())
    assert created.json["version"] == 1
    path = "/api/v1/stays/PMS-2001"
    saved = api.call("PUT", path, reception_token, json=stay_body(room="514", version=1))
    assert saved.status_code == 200 and saved.json["version"] == 2

    stale = api.call("PUT", path, reception_token, json=stay_body(room="600", version=1),
                     headers={"Accept-Language": "fr"})
    assert stale.status_code == 409
    assert stale.json["error"] == "conflict"
    assert stale.json["message"].startswith("Quelqu’un d’autre a enregistré ce séjour")
    assert db.session.scalar(select(Stay.room).where(Stay.reference == "PMS-2001")) == "514"


def test_without_a_version_the_last_push_of_the_pms_wins(api, hotel, reception_token):
    api.call("POST", "/api/v1/stays", reception_token, json=stay_body())
    for room in ("601", "602"):
        response = api.call("PUT", "/api/v1/stays/PMS-2001", reception_token,
                            json=stay_body(room=room))
        assert response.status_code == 200
    assert response.json == {**response.json, "room": "602", "version": 3}


@pytest.mark.parametrize("version", [0, -1, "two", 1.5, True, 2**31])
def test_a_version_that_is_not_a_positive_whole_number_gets_422(api, hotel, reception_token,
                                                                version):
    response = api.call("PUT", "/api/v1/stays/LP1002", reception_token,
                        json=stay_body(reference="LP1002", version=version))
    assert response.status_code == 422
    assert "version" in response.json["fields"]


def test_a_save_between_reading_and_writing_the_stay_is_refused(app, db, hotel):
    if app.config["BACKEND"] != "postgresql":
        pytest.skip("on SQLite a write transaction holds the whole database from its start")
    stay = hotel["brown"]

    def save_in_between(session, flush_context, instances):
        """Save the stay from another connection, after the check and before the write."""
        with db.engine.begin() as other:  # another request, committed at once
            other.execute(update(Stay).where(Stay.id == stay.id)
                          .values(room="999", version=Stay.version + 1))

    event.listen(db.session, "before_flush", save_in_between, once=True)
    body = stay_body(reference="LP1002", first_name="Amy", last_name="Brown",
                     version=stay.version)
    with pytest.raises(StayChanged):
        save_stay(body, hotel["reception"], reference="LP1002")
    db.session.expire_all()
    assert db.session.get(Stay, stay.id).room == "999"
