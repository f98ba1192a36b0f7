"""The SQL statements of the guest's pages and writes: a booking in about ten, a cancel in
fewer, and every page in as many with 10 bookings as with 2,000."""

from datetime import time, timedelta

import pytest

from hotel.clock import hotel_today
from hotel.models import ItemState, Kind, PricingUnit
from tests.factories import add_slot, insert_bookings, make_service, make_stay
from tests.helpers import csrf_token, post_form

# Statements of each write, as they are now: on SQLite the two BEGINs count (the request's
# read transaction and the write's BEGIN IMMEDIATE); PostgreSQL begins without a statement
# but takes a share lock on a rental's row before its upsert.
#   rental:   the stay with its party, the service with its texts and age bands | the
#             rental days' upsert | the booking, its item, the audit entry
#   activity: ... | the slot, "has anyone a place already", the slot's conditional UPDATE |
#             the booking, its item, its participants with their places, the audit entry
#   and for both, the message telling the guest, written with the booking (the outbox),
#   and the events for the PMS in one INSERT (hotel/services/webhooks.py)
BOOKING_POST = {"sqlite": {"crib": 10, "kids-club": 13},
                "postgresql": {"crib": 9, "kids-club": 11}}
#   the stay, the item with its booking, service and party | the state's conditional
#   UPDATE, the capacity given back (and the places, for an activity), the waiting list
#   of those places (whom to offer them to), the audit entry, the PMS's event and charge
#   posted back in one INSERT
CANCEL_POST = {"sqlite": {"crib": 9, "kids-club": 10}, "postgresql": {"crib": 7, "kids-club": 8}}
#   the stay, the basket's services | "booked already?" by the checkout key | as above
CHECKOUT_POST = {"sqlite": 11, "postgresql": 10}


@pytest.fixture
def resort(db):
    """A kids club with a slot, a crib rental, and a family staying for five nights."""
    today = hotel_today()
    club = make_service("kids-club", price="15.00", min_age=4, max_age=12, cutoff_hours=0,
                        age_bands=[(4, 11, "7.50")],
                        texts={"en": ("Kids club", "Play."), "ko": ("키즈 클럽", "놀이.")})
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=10_000, max_quantity=2, cutoff_hours=0,
                        texts={"en": ("Crib", "A cot."), "ko": ("아기 침대", "")})
    slot = add_slot(club, today + timedelta(days=2), time(10, 0), capacity=10_000)
    kim = make_stay("LP1001", last_name="Kim", arrival_on=today, nights=5, children=[6, 8])
    others = [make_stay(arrival_on=today, nights=5, children=[7]) for _ in range(10)]
    db.session.commit()
    return {"club": club, "crib": crib, "slot": slot, "kim": kim, "others": others,
            "day": today + timedelta(days=2)}


def _line(resort, slug: str) -> dict:
    if slug == "crib":
        day = resort["day"].isoformat()
        return {"service": "crib", "start_date": day, "end_date": day, "quantity": 1}
    return {"service": "kids-club", "slot_id": resort["slot"].id,
            "participants": [resort["kim"].children[0].id]}


def _token(client) -> str:
    response = client.post("/api/v1/auth/guest", json={"reference": "LP1001",
                                                       "last_name": "Kim"})
    return response.json["token"]


def _backend(client) -> str:
    return client.application.config["BACKEND"]


@pytest.mark.parametrize("slug", ["crib", "kids-club"])
def test_a_booking_post_takes_about_ten_statements(client, resort, count_queries, slug):
    headers = {"Authorization": f"Bearer {_token(client)}"}
    body = {"items": [_line(resort, slug)]}
    with count_queries() as counter:
        response = client.post("/api/v1/bookings", json=body, headers=headers)
    assert response.status_code == 201, response.json
    assert response.json["items"][0]["service_name"] == ("Crib" if slug == "crib"
                                                         else "Kids club")
    assert counter.count == BOOKING_POST[_backend(client)][slug], counter.statements


def test_an_idempotency_key_costs_one_statement_more(client, db, resort, count_queries):
    headers = {"Authorization": f"Bearer {_token(client)}"}
    body = {"items": [_line(resort, "crib")], "idempotency_key": "first-try"}
    db.session.commit()
    with count_queries() as counter:
        assert client.post("/api/v1/bookings", json=body, headers=headers).status_code == 201
    assert counter.count == BOOKING_POST[_backend(client)]["crib"] + 1


@pytest.mark.parametrize("slug", ["crib", "kids-club"])
def test_a_cancel_takes_fewer_statements_still(client, resort, count_queries, slug):
    headers = {"Authorization": f"Bearer {_token(client)}"}
    booked = client.post("/api/v1/bookings", json={"items": [_line(resort, slug)]},
                         headers=headers).json
    path = f"/api/v1/bookings/{booked['reference']}/items/{booked['items'][0]['id']}/cancel"
    with count_queries() as counter:
        response = client.post(path, headers=headers)
    assert response.status_code == 200, response.json
    assert response.json["state"] == "cancelled"
    assert counter.count == CANCEL_POST[_backend(client)][slug], counter.statements


def test_the_checkout_books_the_basket_in_as_few(client, auth, resort, count_queries):
    auth.guest_login(resort["kim"])
    day = resort["day"].isoformat()
    post_form(client, "/services/crib/add", {"start_date": day, "end_date": day,
                                             "quantity": 1}, token_from="/services/crib")
    page = client.get("/basket").text
    key = page.split('name="submission_key" type="hidden" value="')[1].split('"')[0]
    token = csrf_token(client, "/basket")
    with count_queries() as counter:
        response = client.post("/basket/checkout", data={"csrf_token": token,
                                                         "submission_key": key})
    assert response.status_code == 302
    assert counter.count == CHECKOUT_POST[_backend(client)], counter.statements


def _add_bookings(resort, total: int) -> None:
    """Give the hotel ``total`` bookings more, a tenth of them Kim's own."""
    stays = [resort["kim"], *resort["others"]]
    bookings = []
    for number in range(total):
        stay = stays[0] if number % 10 == 0 else stays[1 + number % len(resort["others"])]
        bookings.append((stay, [{"service_id": resort["club"].id, "slot_id": resort["slot"].id,
                                 "state": ItemState.CONFIRMED, "start_on": resort["day"],
                                 "participants": [stay.children[0]]}]))
    insert_bookings(bookings)


GUEST_PAGES = {"home": "/", "activity": "/services/kids-club", "rental": "/services/crib",
               "my bookings": "/my-bookings", "basket": "/basket"}
SEEN_BY = [("home", False), ("activity", False), ("rental", False), ("home", True),
           ("activity", True), ("rental", True), ("my bookings", True), ("basket", True)]


@pytest.mark.parametrize("page, signed_in", SEEN_BY,
                         ids=[f"{page}, {'signed in' if signed else 'anonymous'}"
                              for page, signed in SEEN_BY])
def test_guest_pages_take_as_many_statements_with_10_as_with_2000_bookings(
        client, auth, db, resort, count_queries, page, signed_in):
    if signed_in:  # with a line in the basket, for the basket page
        auth.guest_login(resort["kim"])
        day = resort["day"].isoformat()
        post_form(client, "/services/crib/add", {"start_date": day, "end_date": day,
                                                 "quantity": 1}, token_from="/services/crib")
    counts = []
    for total in (10, 1990):
        _add_bookings(resort, total)
        db.session.commit()
        client.get(GUEST_PAGES[page])  # what every guest sees alike is cached from here on
        with count_queries() as counter:
            assert client.get(GUEST_PAGES[page]).status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]
