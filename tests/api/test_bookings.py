"""Booking through the API: whole or not at all, never oversold, each guest sees their own."""

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from hotel.clock import local_to_utc
from hotel.extensions import db
from hotel.models import Booking, BookingItem, RentalDay, Slot
from tests.factories import add_slot


def book(api, token, *items, **extra):
    return api.call("POST", "/api/v1/bookings", token, json={"items": list(items), **extra})


def booked(slot) -> int:
    return db.session.scalar(select(Slot.booked).where(Slot.id == slot.id))


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def child_ids(stay):
    return [member.id for member in stay.children]


def kids_club(hotel, guest, slot):
    return {"service": "kids-club", "slot_id": slot.id, "participants": child_ids(hotel[guest])}


def test_guest_books_an_activity_slot(api, hotel, kim_token):
    slot = hotel["slots"][0]
    response = book(api, kim_token, {"service": "kids-club", "slot_id": slot.id,
                                     "participants": child_ids(hotel["kim"])})
    assert response.status_code == 201
    body = response.json
    assert body["reference"].startswith("B")
    [item] = body["items"]
    assert item["service"] == "kids-club"
    assert item["state"] == "confirmed"
    assert item["quantity"] == 2
    assert item["participants"] == child_ids(hotel["kim"])
    assert item["start_date"] == str(hotel["today"] + timedelta(days=1))
    assert item["starts_at"].startswith(f"{hotel['today'] + timedelta(days=1)}T10:00:00")
    assert item["price"] == "15.00"  # two children at 7.50
    assert body["total"] == {"amount": "15.00", "currency": "EUR"}
    assert booked(slot) == 2


def test_guest_books_a_rental_for_a_range_of_days(api, hotel, kim_token):
    first = hotel["today"] + timedelta(days=1)
    response = book(api, kim_token, {"service": "crib", "start_date": str(first),
                                     "end_date": str(first + timedelta(days=2)),
                                     "quantity": 1})
    assert response.status_code == 201
    [item] = response.json["items"]
    assert (item["start_date"], item["end_date"]) == (str(first), str(first + timedelta(2)))
    assert item["price"] == "24.00"  # three nights at 8.00
    assert item["participants"] == []
    days = api.client.get("/api/v1/services/crib/availability",
                          query_string={"from": str(first - timedelta(1)),
                                        "to": str(first + timedelta(3))}).json["days"]
    assert [day["remaining"] for day in days] == [2, 1, 1, 1, 2]


def test_guest_requests_a_service_with_details(api, hotel, kim_token):
    starts_at = local_to_utc(hotel["today"] + timedelta(days=2), time(14, 30))
    response = book(api, kim_token, {
        "service": "transfer", "starts_at": starts_at.isoformat(),
        "details": {"pickup_place": " Vienna airport ", "passengers": 3},
        "note": "Two suitcases\nand a stroller",
    })
    assert response.status_code == 201, response.json
    [item] = response.json["items"]
    assert item["state"] == "requested"  # reception confirms
    assert item["details"] == {"pickup_place": "Vienna airport", "passengers": 3}
    assert item["note"] == "Two suitcases\nand a stroller"
    assert item["price"] == "40.00"


def test_package_booking_gets_the_discount_and_only_for_its_services(api, hotel, kim_token):
    from tests.factories import make_package

    make_package([hotel["club"], hotel["crib"]], slug="family", discount="10")
    db.session.commit()
    slot = hotel["slots"][2]
    club = {"service": "kids-club", "slot_id": slot.id, "participants": child_ids(hotel["kim"])}
    transfer = {"service": "transfer", "starts_at": local_to_utc(
        hotel["today"] + timedelta(days=2), time(9)).isoformat(),
        "details": {"pickup_place": "Station", "passengers": 2}}
    crib = {"service": "crib", "start_date": str(hotel["today"] + timedelta(days=1))}
    refused = book(api, kim_token, club, transfer, package="family")
    assert refused.status_code == 422
    assert (refused.json["item"], list(refused.json["fields"])) == (1, ["service"])
    response = book(api, kim_token, club, crib, package="family")
    assert response.status_code == 201, response.json
    assert response.json["package"] == "family"
    assert [item["price"] for item in response.json["items"]] == ["13.50", "7.20"]
    assert response.json["total"]["amount"] == "20.70"


def test_a_full_slot_gets_409_and_says_which_item(api, hotel, kim_token, brown_token):
    slot = hotel["slots"][1]  # one place
    assert book(api, kim_token, {"service": "kids-club", "slot_id": slot.id,
                                 "participants": child_ids(hotel["kim"])[:1]}).status_code == 201
    response = book(api, brown_token, {"service": "kids-club", "slot_id": slot.id,
                                       "participants": child_ids(hotel["brown"])})
    assert response.status_code == 409
    assert response.json["error"] == "unavailable"
    assert response.json["item"] == 0
    assert response.json["message"]
    assert booked(slot) == 1


def test_a_booking_is_all_or_nothing(api, hotel, kim_token):
    roomy, tight = hotel["slots"][0], hotel["slots"][1]
    first = hotel["today"] + timedelta(days=1)
    good_club = {"service": "kids-club", "slot_id": roomy.id,
                 "participants": child_ids(hotel["kim"])}
    good_crib = {"service": "crib", "start_date": str(first), "end_date": str(first)}
    too_many = {"service": "kids-club", "slot_id": tight.id,
                "participants": child_ids(hotel["kim"])}
    response = book(api, kim_token, good_club, good_crib, too_many)
    assert response.status_code == 409
    assert response.json["item"] == 2
    wrong = {"service": "kids-club", "slot_id": roomy.id, "participants": [hotel["brown"].id]}
    response = book(api, kim_token, good_club, good_crib, wrong)
    assert response.status_code == 422
    assert response.json["item"] == 2
    assert "participants" in response.json["fields"]
    assert count(Booking) == count(BookingItem) == 0
    assert booked(roomy) == 0
    assert db.session.scalar(select(func.coalesce(func.sum(RentalDay.booked), 0))) == 0


@pytest.mark.parametrize("body, field", [
    ({}, "items"),
    ({"items": []}, "items"),
    ({"items": "kids-club"}, "items"),
    ({"items": [1]}, "items"),
    ({"items": [{"service": "kids-club"}] * 21}, "items"),
    ({"items": [{"service": "nothing"}]}, "service"),
    ({"items": [{"service": ["kids-club"]}]}, "service"),
    ({"items": [{"service": "kids-club", "slot_id": "1"}]}, "slot_id"),
    ({"items": [{"service": "kids-club", "slot_id": 10**30}]}, "slot_id"),
    ({"items": [{"service": "kids-club", "slot_id": 999999}]}, "slot_id"),
    ({"items": [{"service": "kids-club", "slot_id": 1, "quantity": 1.5}]}, "quantity"),
    ({"items": [{"service": "kids-club", "slot_id": 1, "quantity": True}]}, "quantity"),
    ({"items": [{"service": "crib", "start_date": "tomorrow"}]}, "start_date"),
    ({"items": [{"service": "crib"}]}, "start_date"),
    ({"items": [{"service": "crib", "start_date": "2000-01-01"}]}, "start_date"),
    ({"items": [{"service": "crib", "start_date": "9999-12-31"}]}, "start_date"),
    ({"items": [{"service": "crib", "start_date": "2030-01-01", "quantity": 0}]}, "quantity"),
    ({"items": [{"service": "crib", "start_date": "2030-01-01", "quantity": 10**40}]},
     "quantity"),
    ({"items": [{"service": "transfer", "starts_at": "2030-07-01T10:00:00"}]}, "starts_at"),
    ({"items": [{"service": "transfer", "starts_at": "9999-12-31T23:59:59-12:00"}]},
     "starts_at"),
    ({"items": [{"service": "transfer"}]}, "starts_at"),
    ({"items": [{"service": "kids-club", "participants": [10**20]}]}, "participants"),
    ({"items": [{"service": "kids-club", "participants": "all"}]}, "participants"),
    ({"items": [{"service": "kids-club", "details": []}]}, "details"),
    ({"items": [{"service": "kids-club", "note": "\x00"}]}, "note"),
    ({"items": [{"service": "kids-club", "note": "\u200b\n\u2060"}]}, "note"),
    ({"items": [{"service": "kids-club", "note": "line\rline"}]}, "note"),
    ({"items": [{"service": "kids-club", "note": "x" * 501}]}, "note"),
    ({"items": [{"service": "kids-club", "slot": 1}]}, "slot"),
    ({"items": [{"service": "kids-club"}], "package": "none"}, "package"),
    ({"items": [{"service": "kids-club"}], "idempotency_key": "k" * 65}, "idempotency_key"),
    ({"items": [{"service": "kids-club"}], "extra": 1}, "extra"),
])
def test_bad_payloads_get_422_with_the_field_and_write_nothing(api, hotel, kim_token, body,
                                                               field):
    response = api.call("POST", "/api/v1/bookings", kim_token, json=body)
    assert response.status_code == 422, response.json
    assert response.json["error"] == "invalid"
    assert field in response.json["fields"]
    assert count(Booking) == 0


def test_bad_details_name_the_detail(api, hotel, kim_token):
    starts_at = local_to_utc(hotel["today"] + timedelta(days=2), time(14, 30)).isoformat()
    for details, field in [({"passengers": 2}, "details.pickup_place"),
                           ({"pickup_place": "Airport", "passengers": 99}, "details.passengers"),
                           ({"pickup_place": "Airport", "passengers": 2.5},
                            "details.passengers"),
                           ({"pickup_place": {"x": 1}, "passengers": 2}, "details.pickup_place")]:
        response = book(api, kim_token, {"service": "transfer", "starts_at": starts_at,
                                         "details": details})
        assert response.status_code == 422
        assert list(response.json["fields"]) == [field]
    assert count(Booking) == 0


@pytest.mark.parametrize("data, content_type", [
    (b"", "application/json"), (b"not json", "application/json"), (b"[1, 2]", "application/json"),
    (b'"text"', "application/json"), (b"null", "application/json"),
    (b'{"items": NaN}', "application/json"), (b"[" * 100_000, "application/json"),
    (b"\xff\xfe\x00", "application/json"), (b"items=1", "application/x-www-form-urlencoded"),
])
def test_a_body_that_is_not_a_json_object_gets_422(api, hotel, kim_token, data, content_type):
    response = api.call("POST", "/api/v1/bookings", kim_token, data=data,
                        content_type=content_type)
    assert response.status_code == 422
    assert response.json["fields"] == {"body": response.json["message"]}


def test_the_same_idempotency_key_books_once(api, hotel, kim_token):
    item = {"service": "kids-club", "slot_id": hotel["slots"][0].id,
            "participants": child_ids(hotel["kim"])[:1]}
    first = book(api, kim_token, item, idempotency_key="checkout-1")
    again = book(api, kim_token, item, idempotency_key="checkout-1")
    assert first.status_code == again.status_code == 201
    assert first.json["reference"] == again.json["reference"]
    assert count(Booking) == 1
    assert booked(hotel["slots"][0]) == 1


def test_guest_lists_and_reads_own_bookings(api, hotel, kim_token, brown_token):
    slot = hotel["slots"][0]
    mine = book(api, kim_token, kids_club(hotel, "kim", slot)).json
    book(api, brown_token, kids_club(hotel, "brown", slot))
    listed = api.call("GET", "/api/v1/bookings", kim_token).json["bookings"]
    assert [b["reference"] for b in listed] == [mine["reference"]]
    shown = api.call("GET", f"/api/v1/bookings/{mine['reference']}", kim_token)
    assert shown.status_code == 200
    assert shown.json == mine


def _routes(reference, item_id):
    return [("GET", f"/api/v1/bookings/{reference}"),
            ("POST", f"/api/v1/bookings/{reference}/items/{item_id}/cancel")]


def test_a_guest_can_neither_see_nor_cancel_another_guests_booking(api, hotel, kim_token,
                                                                   brown_token):
    slot = hotel["slots"][0]
    kims = book(api, kim_token, kids_club(hotel, "kim", slot)).json
    browns = book(api, brown_token, kids_club(hotel, "brown", slot)).json
    kim_item, brown_item = kims["items"][0]["id"], browns["items"][0]["id"]
    cancel = "/api/v1/bookings/{}/items/{}/cancel"
    attempts = [
        *_routes(kims["reference"], kim_item),  # Kim's booking, Kim's item
        *_routes(kims["reference"].lower(), kim_item),
        *_routes(kims["reference"], brown_item),
        *_routes("BNOSUCH1", kim_item),
        ("POST", cancel.format(browns["reference"], kim_item)),  # Brown's booking, Kim's item
        ("POST", cancel.format(browns["reference"], 2**31 - 1)),
    ]
    for method, path in attempts:
        response = api.call(method, path, brown_token)
        assert response.status_code == 404, (method, path)
        assert response.json["error"] == "not_found"
    assert api.call("GET", "/api/v1/bookings", brown_token).json["bookings"][0]["reference"] \
        == browns["reference"]
    assert db.session.get(BookingItem, kim_item).state.value == "confirmed"
    assert booked(slot) == 3  # Kim's two children and Brown's child
    for method, path in _routes(kims["reference"], kim_item):
        assert api.call(method, path).status_code == 401


@pytest.mark.parametrize("path", [
    "/api/v1/bookings/B%00X/items/1/cancel", "/api/v1/bookings/x/items/-1/cancel",
    "/api/v1/bookings/x/items/99999999999999999999999/cancel", "/api/v1/bookings/%E2%9C%93",
])
def test_odd_paths_get_404_json(api, hotel, kim_token, path):
    method = "POST" if path.endswith("cancel") else "GET"
    response = api.call(method, path, kim_token)
    assert response.status_code == 404
    assert response.json["error"] == "not_found"


def test_cancelling_gives_the_places_back(api, hotel, kim_token, brown_token):
    slot = hotel["slots"][1]  # one place
    booking = book(api, kim_token, {"service": "kids-club", "slot_id": slot.id,
                                    "participants": child_ids(hotel["kim"])[:1]}).json
    item = booking["items"][0]
    assert item["can_cancel"] is True
    path = f"/api/v1/bookings/{booking['reference']}/items/{item['id']}/cancel"
    response = api.call("POST", path, kim_token)
    assert response.status_code == 200
    assert response.json["state"] == "cancelled"
    assert booked(slot) == 0
    again = api.call("POST", path, kim_token)
    assert again.status_code == 409
    assert again.json["error"] == "not_allowed"
    assert book(api, brown_token, {"service": "kids-club", "slot_id": slot.id,
                                   "participants": child_ids(hotel["brown"])}).status_code == 201


def test_cancelling_after_the_cut_off_gets_409(api, hotel, kim_token):
    hotel["club"].cutoff_hours = 1000
    db.session.commit()
    booking = book(api, kim_token, kids_club(hotel, "kim", hotel["slots"][0])).json
    item = booking["items"][0]
    assert item["can_cancel"] is False
    response = api.call("POST", f"/api/v1/bookings/{booking['reference']}/items/"
                        f"{item['id']}/cancel", kim_token)
    assert response.status_code == 409
    assert response.json["error"] == "not_allowed"
    assert booked(hotel["slots"][0]) == 2


def test_my_bookings_takes_the_same_number_of_queries_for_few_and_many(api, hotel, kim_token,
                                                                      count_queries):
    def measure():
        with count_queries() as counter:
            response = api.call("GET", "/api/v1/bookings", kim_token)
        return counter.count, len(response.json["bookings"])

    book(api, kim_token, kids_club(hotel, "kim", hotel["slots"][0]))
    few = measure()
    first = hotel["today"] + timedelta(days=1)
    for offset in range(3):
        slot = add_slot(hotel["club"], first + timedelta(days=offset), time(8), capacity=9)
        db.session.commit()
        book(api, kim_token, kids_club(hotel, "kim", slot),
             {"service": "crib", "start_date": str(first + timedelta(days=offset))},
             {"service": "transfer", "starts_at": local_to_utc(first, time(20)).isoformat(),
              "details": {"pickup_place": "Lobby", "passengers": 2}})
    many = measure()
    assert (few[1], many[1]) == (1, 4)
    assert many[0] == few[0]
