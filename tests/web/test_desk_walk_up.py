"""Reception books for a walk-up guest: a searchable list of what fits the party, a basket
per stay holding a package's services and others, priced before it is booked, and booked
all at once or not at all."""

import re
from datetime import time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.models import Booking, BookingItem, ItemState, Kind, PricingUnit, Role
from tests.factories import add_slot, make_package, make_service, make_stay
from tests.helpers import post_form


@pytest.fixture
def hotel(db):
    """A crib for the under-4s, a boat trip and a sauna in an outdoor package, a transfer on
    request; a couple and a family with a baby, arriving today."""
    today = hotel_today()
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="6.00", stock=4, max_age=3, texts={"en": ("Crib", "")})
    boat = make_service("boat-trip", price="25.00", texts={"en": ("Boat trip", "")})
    sauna = make_service("sauna", price="12.00", min_age=16, texts={"en": ("Sauna", "")})
    transfer = make_service("transfer", kind=Kind.ON_REQUEST, price="85.00",
                            pricing_unit=PricingUnit.PER_BOOKING, requires_approval=True,
                            request_fields=["pickup_place"], texts={"en": ("Transfer", "")})
    package = make_package([boat, sauna], slug="outdoor", discount="10",
                           texts={"en": ("Outdoor package", "")})
    slots = {"boat": add_slot(boat, today + timedelta(days=1), time(10), capacity=2),
             "sauna": add_slot(sauna, today + timedelta(days=1), time(17), capacity=2)}
    couple = make_stay("LP50001", last_name="Weber", arrival_on=today, nights=4)
    family = make_stay("LP50002", last_name="Park", arrival_on=today, nights=4, children=[1])
    db.session.commit()
    return {"crib": crib, "transfer": transfer, "package": package, "slots": slots,
            "couple": couple, "family": family, "today": today}


def _services_listed(page: str) -> list[str]:
    return re.findall(r'<a href="/desk/book/LP5000\d/[\w-]+">([^<]+)</a>', page)


def test_a_couple_is_offered_no_crib_and_a_family_with_a_baby_is(client, auth, hotel):
    auth.staff_login(Role.RECEPTION)
    couple = client.get("/desk/book/LP50001").text
    assert "Crib" not in _services_listed(couple)
    assert {"Boat trip", "Sauna", "Transfer"} <= set(_services_listed(couple))
    assert "1 service fits no one in the party and is not listed." in couple
    assert "Outdoor package" in couple
    assert "Crib" in _services_listed(client.get("/desk/book/LP50001?everything=y").text)
    family = _services_listed(client.get("/desk/book/LP50002").text)
    assert "Crib" in family and "Sauna" in family  # the parents may go


def test_the_list_is_searched_by_name(client, auth, hotel):
    auth.staff_login(Role.RECEPTION)
    assert _services_listed(client.get("/desk/book/LP50001?q=TRANS").text) == ["Transfer"]
    page = client.get("/desk/book/LP50001?q=zzz").text
    assert "No service matches." in page and "Outdoor package" not in page


def test_the_stay_page_books_for_this_guest(client, auth, hotel):
    auth.staff_login(Role.RECEPTION)
    page = client.get("/desk/stays/LP50001").text
    assert re.search(r'<a class="button" href="/desk/book/LP50001">Book for this guest</a>',
                     page)


def _fill_basket(client, hotel):
    """Put the outdoor package for both adults and a transfer in the couple's basket."""
    couple, slots = hotel["couple"], hotel["slots"]
    people = [member.id for member in couple.members]
    path = "/desk/book/LP50001/packages/outdoor"
    response = post_form(client, path, {
        "boat-trip-include": "y", "boat-trip-slot_id": slots["boat"].id,
        "boat-trip-participants": people,
        "sauna-include": "y", "sauna-slot_id": slots["sauna"].id,
        "sauna-participants": people}, token_from=path)
    assert response.status_code == 303, response.text
    path = "/desk/book/LP50001/transfer"
    response = post_form(client, path, {
        "date": (hotel["today"] + timedelta(days=3)).isoformat(), "time": "09:30",
        "detail_pickup_place": "Vienna airport", "quantity": "1", "to_basket": "y"},
        token_from=path)
    assert response.status_code == 303, response.text
    assert response.location.endswith("/desk/book/LP50001/basket")


def test_a_package_and_a_transfer_are_priced_in_one_basket_and_booked_at_once(
        client, auth, db, hotel):
    auth.staff_login(Role.RECEPTION)
    _fill_basket(client, hotel)
    assert not db.session.scalars(select(Booking)).all()  # nothing booked yet
    page = client.get("/desk/book/LP50001/basket").text
    # 2 × €25.00 and 2 × €12.00, 10 % off as a package; the transfer at its price.
    assert "€45.00" in page and "€21.60" in page and "€85.00" in page
    assert "Book everything for €151.60" in page
    assert page.count('<span class="package-tag">Outdoor package</span>') == 2

    token_page = "/desk/book/LP50001/basket"
    key = re.search(r'name="submission_key" type="hidden" value="([^"]+)"', page).group(1)
    response = post_form(client, "/desk/book/LP50001/basket",
                         {"submission_key": key, "confirm_now": "y"}, token_from=token_page)
    assert response.status_code == 303 and response.location.endswith("/desk/stays/LP50001")
    bookings = db.session.scalars(select(Booking).order_by(Booking.id)).all()
    assert [booking.package.slug if booking.package else None for booking in bookings] == [
        "outdoor", None]
    items = db.session.scalars(select(BookingItem)).all()
    assert {item.state for item in items} == {ItemState.CONFIRMED}
    assert sum(booking.total for booking in bookings) == Decimal("151.60")
    assert "The basket is empty." in client.get("/desk/book/LP50001/basket").text
    # The same basket sent again books nothing more.
    post_form(client, "/desk/book/LP50001/basket", {"submission_key": key},
              token_from=token_page)
    assert len(db.session.scalars(select(Booking)).all()) == 2


def test_a_basket_is_booked_whole_or_not_at_all(client, auth, db, hotel):
    auth.staff_login(Role.RECEPTION)
    _fill_basket(client, hotel)
    slot = hotel["slots"]["sauna"]
    slot.capacity = 1  # someone else took a place meanwhile
    db.session.commit()
    page = "/desk/book/LP50001/basket"
    response = post_form(client, page, {"confirm_now": "y"}, token_from=page)
    assert response.status_code == 409
    assert "Sauna:" in response.text  # the message names the line
    assert not db.session.scalars(select(Booking)).all()
    assert hotel["slots"]["boat"].booked == 0
    assert "Transfer" in client.get(page).text  # the basket is kept


def test_a_package_line_that_breaks_a_rule_stays_on_the_package_form(client, auth, hotel):
    auth.staff_login(Role.RECEPTION)
    path = "/desk/book/LP50001/packages/outdoor"
    response = post_form(client, path, {
        "boat-trip-include": "y", "boat-trip-slot_id": hotel["slots"]["boat"].id,
        "boat-trip-participants": [hotel["couple"].members[0].id]}, token_from=path)
    assert response.status_code == 422
    assert "Please choose at least 2 services of the package." in response.text
    assert '<span class="count">0</span>' in client.get("/desk/book/LP50001").text
