"""The public catalogue: services in the reader's language, and availability per kind."""

from datetime import datetime, timedelta

import pytest

from hotel.extensions import db
from hotel.models import Kind, PricingUnit
from tests.factories import add_slot, make_service


def test_services_list_every_active_service_with_prices_and_ages(api, hotel):
    make_service("retired", active=False)
    db.session.commit()
    response = api.call("GET", "/api/v1/services")
    assert response.status_code == 200
    services = {s["slug"]: s for s in response.json["services"]}
    assert set(services) == {"kids-club", "crib", "transfer"}
    club, crib = services["kids-club"], services["crib"]
    assert club["name"] == "Kids club"
    assert club["description"] == "Supervised play."
    assert (club["kind"], club["category"], club["price"]) == ("activity", "family", "15.00")
    assert (club["min_age"], club["max_age"]) == (4, 12)
    assert club["child_prices"] == [{"min_age": 4, "max_age": 11, "price": "7.50"}]
    assert (crib["min_age"], crib["max_age"]) == (None, None)
    assert crib["pricing_unit"] == "per_unit_night"
    assert crib["currency"] == "EUR"
    transfer = services["transfer"]
    assert transfer["requires_approval"] is True
    assert {"name": "passengers", "type": "integer", "required": True} in \
        transfer["request_fields"]


@pytest.mark.parametrize("how", [{"query_string": {"lang": "ko"}},
                                 {"headers": {"Accept-Language": "ko-KR,ko;q=0.9"}}])
def test_services_speak_the_readers_language(api, hotel, how):
    response = api.client.get("/api/v1/services", **how)
    club = next(s for s in response.json["services"] if s["slug"] == "kids-club")
    assert club["name"] == "키즈 클럽"
    # A service without a Korean text falls back to the default language.
    crib = next(s for s in response.json["services"] if s["slug"] == "crib")
    assert crib["name"].startswith("Service")


def test_activity_availability_lists_slots_with_places_left(api, hotel):
    today = hotel["today"]
    closed = add_slot(hotel["club"], today + timedelta(days=1), at=datetime.min.time().replace(
        hour=18), capacity=4, closed=True)
    db.session.commit()
    response = api.client.get("/api/v1/services/kids-club/availability",
                              query_string={"from": str(today), "to": str(today + timedelta(3))})
    assert response.status_code == 200
    slots = response.json["slots"]
    assert [s["id"] for s in slots] == [hotel["slots"][0].id, hotel["slots"][1].id, closed.id,
                                       hotel["slots"][2].id]
    first = slots[0]
    assert (first["capacity"], first["remaining"]) == (3, 3)
    starts_at = datetime.fromisoformat(first["starts_at"])
    assert starts_at.utcoffset() is not None
    assert (starts_at.hour, starts_at.minute) == (10, 0)  # the hotel's wall-clock time
    assert datetime.fromisoformat(first["ends_at"]) - starts_at == timedelta(hours=1)
    assert slots[2]["remaining"] == 0  # closed


def test_rental_availability_lists_days(api, hotel):
    today = hotel["today"]
    response = api.client.get("/api/v1/services/crib/availability",
                              query_string={"from": str(today), "to": str(today + timedelta(2))})
    assert response.status_code == 200
    assert response.json == {"days": [{"date": str(today + timedelta(n)), "remaining": 2}
                                      for n in range(3)]}


def test_on_request_availability_says_it_can_be_requested(api, hotel):
    today = hotel["today"]
    response = api.client.get("/api/v1/services/transfer/availability",
                              query_string={"from": str(today), "to": str(today)})
    assert response.json == {"requestable": True}


@pytest.mark.parametrize("query, field", [
    ({}, "from"),
    ({"from": "2030-07-01"}, "to"),
    ({"from": "tomorrow", "to": "2030-07-01"}, "from"),
    ({"from": "2030-02-30", "to": "2030-03-01"}, "from"),
    ({"from": "2030-07-01", "to": "20300702"}, "to"),
    ({"from": "2030-07-02", "to": "2030-07-01"}, "to"),
    ({"from": "2030-07-01", "to": "2030-09-01"}, "to"),  # 63 days
    ({"from": "0001-01-01", "to": "0001-01-02"}, "from"),
    ({"from": "9999-12-30", "to": "9999-12-31"}, "from"),
])
def test_bad_ranges_get_422_with_the_field(api, hotel, query, field):
    response = api.client.get("/api/v1/services/kids-club/availability", query_string=query)
    assert response.status_code == 422
    assert response.json["error"] == "invalid"
    assert field in response.json["fields"]


def test_a_range_of_62_days_is_fine(api, hotel):
    response = api.client.get("/api/v1/services/crib/availability",
                              query_string={"from": "2030-07-01", "to": "2030-08-31"})
    assert response.status_code == 200
    assert len(response.json["days"]) == 62


@pytest.mark.parametrize("slug", ["nothing", "kids%00club", "x" * 200, "retired"])
def test_unknown_service_gets_404_json(api, hotel, slug):
    make_service("retired", active=False)
    db.session.commit()
    response = api.client.get(f"/api/v1/services/{slug}/availability",
                              query_string={"from": "2030-07-01", "to": "2030-07-02"})
    assert response.status_code == 404
    assert response.json["error"] == "not_found"
    assert response.json["message"]


def test_services_list_takes_the_same_number_of_queries_for_few_and_many(api, hotel,
                                                                         count_queries):
    with count_queries() as few:
        api.call("GET", "/api/v1/services")
    for number in range(8):
        make_service(kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_DAY, stock=3,
                     age_bands=[(0, 2, "0.00"), (3, 11, "5.00")],
                     texts={"en": (f"Extra {number}", ""), "ko": (f"추가 {number}", "")})
    db.session.commit()
    with count_queries() as many:
        response = api.call("GET", "/api/v1/services")
    assert len(response.json["services"]) == 11
    assert many.count == few.count
