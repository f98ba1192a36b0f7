"""The guest's booking flow through the pages: sign-in, basket, checkout, my bookings."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.models import Booking, BookingItem, ItemState, Kind, PricingUnit, Slot
from hotel.models.types import utcnow
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import make_package, make_service, make_slot, make_stay
from tests.helpers import csrf_token, post_form


@pytest.fixture
def hotel(db):
    """Two families, a crib, a kids club with a slot tomorrow, and a family package."""
    today = hotel_today()
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=2, max_quantity=2,
                        texts={"en": ("Crib", "A cot."), "ko": ("아기 침대", "침대.")})
    club = make_service("kids-club", price="15.00", min_age=4, max_age=12, max_quantity=6,
                        texts={"en": ("Kids club", "Play."), "ko": ("키즈 클럽", "놀이.")})
    slot = make_slot(club, utcnow() + timedelta(days=2), capacity=3)
    package = make_package([crib, club], slug="family", discount="10")
    kim = make_stay("LP10001", last_name="Kim", arrival_on=today, nights=4, children=[6, 2])
    other = make_stay("LP10002", last_name="Müller", arrival_on=today, nights=4, children=[8])
    db.session.commit()
    return {"crib": crib, "club": club, "slot": slot, "package": package, "kim": kim,
            "other": other, "today": today}


def booking_count(db) -> int:
    return db.session.scalar(select(func.count(Booking.id)))


def test_guest_signs_in_with_reference_and_any_case_of_the_name(client, hotel):
    response = post_form(client, "/sign-in", {"identifier": "lp10002", "last_name": "MULLER"})
    assert response.status_code == 302
    assert client.get("/my-bookings").status_code == 200


def test_wrong_name_is_refused_with_a_message_and_no_session(client, hotel):
    response = post_form(client, "/sign-in", {"identifier": "LP10001", "last_name": "Park"})
    assert response.status_code == 422
    assert "could not find a current stay" in response.text
    assert client.get("/my-bookings").status_code == 302


def test_sign_in_redirects_only_to_our_own_pages(client, hotel):
    for target, expected in [("/basket", "/basket"), ("https://evil.example/", "/"),
                             ("//evil.example/x", "/")]:
        client.get("/")
        with client.session_transaction() as session:
            session.clear()
        response = post_form(client, f"/sign-in?next={target}",
                             {"identifier": "LP10001", "last_name": "kim"})
        assert response.headers["Location"] == expected


@pytest.mark.parametrize("target", ["/basket%0d%0aSet-Cookie:%20stay=1", "/basket%0aX:1",
                                    "/basket%00", "/%09/evil.example/", "/my-bookings%0d/x"])
def test_a_next_address_with_control_characters_leads_home_after_sign_in(client, hotel, target):
    response = post_form(client, f"/sign-in?next={target}",
                         {"identifier": "LP10001", "last_name": "kim"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "Set-Cookie: stay" not in str(response.headers)
    assert client.get("/my-bookings").status_code == 200


def test_guest_books_a_slot_and_a_crib_through_the_basket(client, auth, hotel, db):
    auth.guest_login(hotel["kim"])
    kim = hotel["kim"]
    child = kim.children[0]
    response = post_form(client, "/services/kids-club/add",
                         {"slot_id": hotel["slot"].id, "participants": [child.id]})
    assert response.status_code == 302
    today = hotel["today"].isoformat()
    response = post_form(client, "/services/crib/add",
                         {"start_date": today, "end_date": today, "quantity": 1})
    assert response.status_code == 302
    basket = client.get("/basket").text
    assert "€15.00" in basket and "€8.00" in basket and "€23.00" in basket
    token = csrf_token(client, "/basket")
    key = client.get("/basket").text.split('name="submission_key" type="hidden" value="')[1][:22]
    first = client.post("/basket/checkout", data={"csrf_token": token, "submission_key": key})
    assert first.status_code == 302
    confirmation = client.get(first.headers["Location"]).text
    assert "€23.00" in confirmation
    # Submitting the same basket again does not book twice.
    again = client.post("/basket/checkout", data={"csrf_token": token, "submission_key": key})
    assert again.status_code == 302
    assert booking_count(db) == 1
    assert db.session.get(Slot, hotel["slot"].id).booked == 1


def test_adding_a_line_that_breaks_a_rule_shows_the_message_and_books_nothing(client, auth, hotel,
                                                                             db):
    auth.guest_login(hotel["kim"])
    toddler = hotel["kim"].children[1]
    response = post_form(client, "/services/kids-club/add",
                         {"slot_id": hotel["slot"].id, "participants": [toddler.id]})
    assert response.status_code == 422
    assert "too young" in response.text
    after_departure = (hotel["today"] + timedelta(days=10)).isoformat()
    response = post_form(client, "/services/crib/add",
                         {"start_date": after_departure, "end_date": after_departure,
                          "quantity": 1})
    assert response.status_code == 422
    assert "within your stay" in response.text
    response = post_form(client, "/services/crib/add",
                         {"start_date": "not-a-date", "end_date": "", "quantity": "x"})
    assert response.status_code == 422
    with client.session_transaction() as session:
        assert not session.get("basket")
    assert booking_count(db) == 0


def test_package_is_booked_from_one_form_with_its_discount(client, auth, hotel, db):
    auth.guest_login(hotel["kim"])
    child = hotel["kim"].children[0]
    today = hotel["today"].isoformat()
    response = post_form(client, "/packages/family/book", {
        "crib-include": "y", "crib-start_date": today, "crib-end_date": today,
        "crib-quantity": 1,
        "kids-club-include": "y", "kids-club-slot_id": hotel["slot"].id,
        "kids-club-participants": [child.id],
    }, token_from="/packages/family/book")
    assert response.status_code == 302, response.text
    booking = db.session.scalar(select(Booking))
    assert booking.package.slug == "family"
    assert str(booking.total) == "20.70"  # (8 + 15) less 10 %


def test_package_with_one_service_is_refused(client, auth, hotel, db):
    auth.guest_login(hotel["kim"])
    today = hotel["today"].isoformat()
    response = post_form(client, "/packages/family/book", {
        "crib-include": "y", "crib-start_date": today, "crib-end_date": today,
        "crib-quantity": 1}, token_from="/packages/family/book")
    assert response.status_code == 422
    assert "at least 2 services" in response.text
    assert booking_count(db) == 0


def test_guest_cancels_own_item_and_capacity_comes_back(client, auth, hotel, db):
    kim = hotel["kim"]
    booking = create_booking(kim, [ItemRequest(hotel["club"], slot_id=hotel["slot"].id,
                                               participant_ids=[kim.children[0].id])], kim)
    item_id = booking.items[0].id
    auth.guest_login(kim)
    page = client.get("/my-bookings").text
    assert "Kids club" in page
    response = post_form(client, f"/my-bookings/items/{item_id}/cancel", token_from="/my-bookings")
    assert response.status_code == 302
    assert db.session.get(BookingItem, item_id).state == ItemState.CANCELLED
    assert db.session.get(Slot, hotel["slot"].id).booked == 0


def _book_for(stay, hotel):
    return create_booking(stay, [ItemRequest(hotel["club"], slot_id=hotel["slot"].id,
                                             participant_ids=[stay.children[0].id])], stay)


def test_guest_cannot_see_or_cancel_another_guests_booking(client, auth, hotel, db):
    theirs = _book_for(hotel["other"], hotel)
    reference, item_id = theirs.reference, theirs.items[0].id
    auth.guest_login(hotel["kim"])
    assert client.get(f"/bookings/{reference}").status_code == 404
    assert client.get(f"/bookings/{reference}.ics").status_code == 404
    response = post_form(client, f"/my-bookings/items/{item_id}/cancel")
    assert response.status_code == 404
    assert db.session.get(BookingItem, item_id).state == ItemState.CONFIRMED
    assert reference not in client.get("/my-bookings").text


def test_guest_pages_need_a_signed_in_guest(client, hotel):
    for path in ["/basket", "/my-bookings", "/packages/family/book", "/bookings/BXXXX"]:
        response = client.get(path)
        assert response.status_code == 302
        assert "/sign-in?next=" in response.headers["Location"]


def test_ics_download_has_an_event_per_item(client, auth, hotel):
    booking = _book_for(hotel["kim"], hotel)
    auth.guest_login(hotel["kim"])
    response = client.get(f"/bookings/{booking.reference}.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    body = response.get_data(as_text=True)
    assert body.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Kids club" in body


def test_session_ends_with_the_stay_as_it_is_now(client, auth, db, hotel):
    """The end is the stay's current departure, not the one it had at sign-in."""
    kim = hotel["kim"]
    auth.guest_login(kim)
    assert client.get("/my-bookings").status_code == 200
    kim.arrival_on, kim.departure_on = (hotel["today"] - timedelta(days=3),
                                        hotel["today"] - timedelta(days=1))
    db.session.commit()
    assert client.get("/my-bookings").status_code == 302
    with client.session_transaction() as session:
        assert "stay_id" not in session


def test_a_signed_in_guests_cookie_is_not_sent_again_on_every_page(client, auth, hotel):
    """The session cookie lasts longer than a long stay and is not signed again by pages
    that change nothing in it (the first form after sign-in adds its CSRF secret)."""
    response = post_form(client, "/sign-in", {"identifier": "LP10001", "last_name": "Kim"})
    cookie = next(value for value in response.headers.getlist("Set-Cookie")
                  if value.startswith("session="))
    assert "Expires=" in cookie
    client.get("/services/kids-club")
    assert client.get("/services/kids-club").headers.getlist("Set-Cookie") == []
    assert client.get("/my-bookings").headers.getlist("Set-Cookie") == []


@pytest.mark.parametrize("path_name", ["service", "basket", "my_bookings"])
def test_guest_pages_use_a_constant_number_of_queries(client, auth, hotel, db, count_queries,
                                                     path_name):
    kim = hotel["kim"]
    paths = {"service": "/services/kids-club", "basket": "/basket",
             "my_bookings": "/my-bookings"}
    auth.guest_login(kim)

    def book(times: int) -> None:
        for _ in range(times):
            slot = make_slot(hotel["club"], utcnow() + timedelta(days=3), capacity=50)
            db.session.commit()
            create_booking(kim, [ItemRequest(hotel["club"], slot_id=slot.id,
                                             participant_ids=[kim.children[0].id])], kim)

    book(2)
    client.get(paths[path_name])  # what every guest sees alike is cached from here on
    with count_queries() as few:
        assert client.get(paths[path_name]).status_code == 200
    book(25)
    with count_queries() as many:
        assert client.get(paths[path_name]).status_code == 200
    assert many.count == few.count



def test_the_same_child_cannot_take_two_places_at_the_same_time(client, auth, hotel, db):
    kim = hotel["kim"]
    child = kim.children[0]
    _book_for(kim, hotel)
    auth.guest_login(kim)
    response = post_form(client, "/services/kids-club/add",
                         {"slot_id": hotel["slot"].id, "participants": [child.id]})
    assert response.status_code == 422
    # The name is isolated (FSI ... PDI), so that it cannot turn the message around.
    assert f"\u2068{child.first_name}\u2069 already has a place at this time." in response.text
    assert db.session.get(Slot, hotel["slot"].id).booked == 1


def test_a_forged_submission_key_longer_than_its_column_books_nothing(client, auth, hotel, db):
    """The checkout's key is as long as its column at most; a longer one is bad input."""
    auth.guest_login(hotel["kim"])
    today = hotel["today"].isoformat()
    post_form(client, "/services/crib/add", {"start_date": today, "end_date": today,
                                             "quantity": 1})
    token = csrf_token(client, "/basket")
    response = client.post("/basket/checkout", data={"csrf_token": token,
                                                     "submission_key": "k" * 65})
    assert response.status_code in (302, 422)
    assert booking_count(db) == 0
