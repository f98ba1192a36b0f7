"""The guest's pages read like the hotel's own app: times chosen on a day strip, prices that
say who pays what, the stay as a plan of days, cancelling after seeing what it changes,
dates and times in the reader's locale, names matched as guests type them."""

import re
from datetime import time, timedelta

import pytest

from hotel.clock import hotel_today
from hotel.models import BookingItem, CapacityUnit, ItemState, Kind, PricingUnit, Slot
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import add_member, add_slot, make_service, make_stay
from tests.helpers import csrf_token, post_form


@pytest.fixture
def hotel(db):
    """The Kim family (Minji, her husband, Seoyeon 6 and Jiho 2) for four nights; a kids
    club with child prices (under 3 free), for parents too, and times on two days, one full,
    one closed; a crib; babysitting for up to one booking at a time."""
    today = hotel_today()
    club = make_service("kids-club", price="5.00", max_quantity=6, cutoff_hours=2,
                        age_bands=[(0, 2, "0.00"), (3, 11, "2.50")],
                        texts={"en": ("Kids club", "Play."), "ko": ("키즈 클럽", "놀이."),
                               "ar": ("نادي الأطفال", "لعب."), "de": ("Kinderclub", "Spiel.")})
    tomorrow, later = today + timedelta(days=1), today + timedelta(days=2)
    slots = {"morning": add_slot(club, tomorrow, time(9, 0), capacity=6),
             "afternoon": add_slot(club, tomorrow, time(14, 0), capacity=6),
             "full": add_slot(club, tomorrow, time(16, 0), capacity=2),
             "closed": add_slot(club, later, time(10, 0), capacity=6, closed=True),
             "later": add_slot(club, later, time(15, 0), capacity=6)}
    slots["full"].booked = 2  # taken by other guests
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=3, max_quantity=2,
                        texts={"en": ("Crib", "A cot."), "ko": ("아기 침대", "침대.")})
    sitting = make_service("babysitting", kind=Kind.ON_REQUEST,
                           pricing_unit=PricingUnit.PER_HOUR, price="15.00", max_age=12,
                           max_quantity=1, capacity_unit=CapacityUnit.UNITS,
                           request_fields=["hours"],
                           texts={"en": ("Babysitting", "A sitter."), "ko": ("베이비시팅", "")})
    kim = make_stay("LP30001", last_name="Kim", first_name="Minji", arrival_on=today, nights=4,
                    children=[], language="ko")
    add_member(kim, "Seoyeon", age=6)
    add_member(kim, "Jiho", age=2)
    mueller = make_stay("LP30002", last_name="Müller", first_name="Jürgen", arrival_on=today,
                        nights=3, language="de")
    db.session.commit()
    return {"club": club, "crib": crib, "sitting": sitting, "slots": slots, "kim": kim,
            "mueller": mueller, "today": today, "tomorrow": tomorrow, "later": later}


def children(stay):
    return {member.first_name: member for member in stay.members if member.is_child}


# ---------------------------------------------------------------- the small defects


def test_babysitting_for_two_children_is_one_booking_from_the_form(client, auth, hotel, db):
    auth.guest_login(hotel["kim"])
    kids = children(hotel["kim"])
    tomorrow = hotel["tomorrow"].isoformat()
    response = post_form(client, "/services/babysitting/add?lang=en", {
        "date": tomorrow, "time": "19:00", "detail_hours": 3,
        "participants": [kids["Seoyeon"].id, kids["Jiho"].id]})
    assert response.status_code == 302, re.findall(r'field-errors.*?</ul>', response.text, re.S)
    basket = client.get("/basket?lang=en").text
    assert "€45.00" in basket  # 3 hours at €15.00, one sitter
    assert "Seoyeon" in basket and "Jiho" in basket


def test_the_welcome_after_sign_in_speaks_the_stays_language(client, hotel):
    response = post_form(client, "/sign-in", {"identifier": "LP30001", "last_name": "kim"},
                         headers={"Accept-Language": "en"}, follow_redirects=True)
    assert "\u2068Minji\u2069 님, 환영합니다." in response.text
    assert "Welcome, " not in response.text
    assert 'lang="ko"' in response.text


def test_a_language_chosen_before_sign_in_keeps_the_welcome_in_it(client, hotel):
    client.get("/?lang=fr")
    response = post_form(client, "/sign-in", {"identifier": "LP30001", "last_name": "Kim"},
                         follow_redirects=True)
    assert "Bienvenue" in response.text


@pytest.mark.parametrize("typed", ["Mueller", "MUELLER", "Muller", "Müller", " müller "])
def test_a_german_guest_signs_in_with_the_name_as_typed(client, hotel, typed):
    response = post_form(client, "/sign-in", {"identifier": "LP30002", "last_name": typed})
    assert response.status_code == 302


def test_another_name_is_still_refused(client, hotel):
    response = post_form(client, "/sign-in", {"identifier": "LP30002", "last_name": "Miller"})
    assert response.status_code == 422


def test_signing_in_with_a_transliterated_name_takes_one_statement_to_find_the_stay(
        client, hotel, count_queries):
    client.get("/sign-in")
    with count_queries() as plain:
        post_form(client, "/sign-in", {"identifier": "LP30002", "last_name": "Müller"})
    client.post("/sign-out", data={"csrf_token": csrf_token(client, "/")})
    with count_queries() as typed:
        post_form(client, "/sign-in", {"identifier": "LP30002", "last_name": "Mueller"})
    stay_lookups = [s for s in typed.statements if "upper(stay.reference)" in s.lower()]
    assert len(stay_lookups) == 1
    assert typed.count == plain.count


# ---------------------------------------------------------------- choosing a time


def test_the_day_strip_shows_the_stays_days_and_the_chosen_days_times(client, auth, hotel):
    auth.guest_login(hotel["kim"])
    page = client.get("/services/kids-club?lang=en").text
    days = re.findall(r'class="day-strip__day[^"]*" href="([^"]+)"', page)
    assert len(days) == 5  # arrival to departure
    assert f"day={hotel['tomorrow'].isoformat()}" in days[1]
    shown = re.search(r'data-times-for="([\d-]+)">', page).group(1)  # the one not hidden
    assert shown == hotel["tomorrow"].isoformat()  # the first day with a free time
    slots = hotel["slots"]
    assert re.search(rf'id="slot-{slots["full"].id}" value="{slots["full"].id}" disabled', page)
    assert re.search(rf'id="slot-{slots["closed"].id}" value="{slots["closed"].id}" disabled',
                     page)
    assert not re.search(rf'id="slot-{slots["morning"].id}"[^>]*disabled', page)
    assert "Full" in page and "Closed" in page


def test_a_day_is_chosen_with_a_link_without_javascript(client, auth, hotel):
    auth.guest_login(hotel["kim"])
    later = hotel["later"].isoformat()
    page = client.get(f"/services/kids-club?day={later}").text
    assert re.search(rf'data-day="{later}" aria-current="date"', page)
    assert re.search(rf'data-times-for="{later}">', page)  # shown
    assert re.search(rf'data-times-for="{hotel["tomorrow"].isoformat()}" hidden', page)
    # A day outside the stay, or no day at all, shows the first day with a free time.
    for odd in ("2001-01-01", "tomorrow", "9999-99-99"):
        page = client.get(f"/services/kids-club?day={odd}")
        assert page.status_code == 200
        assert re.search(rf'data-times-for="{hotel["tomorrow"].isoformat()}">', page.text)


def test_korean_times_read_with_ojeon_and_ohu(client, auth, hotel):
    auth.guest_login(hotel["kim"])
    page = client.get("/services/kids-club").text  # the stay's Korean
    assert "오전 9:00" in page and "오후 2:00" in page
    assert "AM 9:00" not in page and "PM 2:00" not in page


# ---------------------------------------------------------------- prices that explain


def test_the_basket_says_who_pays_what(client, auth, hotel):
    auth.guest_login(hotel["kim"])
    kim = hotel["kim"]
    everyone = [member.id for member in kim.members]
    post_form(client, "/services/kids-club/add",
              {"slot_id": hotel["slots"]["morning"].id, "participants": everyone})
    basket = client.get("/basket?lang=en").text
    explained = re.search(r'class="price__explained">([^<]+)<', basket).group(1)
    assert explained == ("2 × €5.00, \u2068Seoyeon\u2069: 1 × €2.50, "
                         "\u2068Jiho\u2069 under 3 free")
    assert "€12.50" in basket


def test_a_rental_says_how_many_for_how_many_nights(client, auth, hotel):
    auth.guest_login(hotel["kim"])
    first, last = hotel["today"], hotel["today"] + timedelta(days=2)
    post_form(client, "/services/crib/add", {"start_date": first.isoformat(),
                                             "end_date": last.isoformat(), "quantity": 2})
    basket = client.get("/basket?lang=en").text
    assert "2 × €8.00, for 3 nights" in basket and "€48.00" in basket


# ---------------------------------------------------------------- my stay, day by day


def book(hotel, slot="morning", people=("Seoyeon",), note=""):
    kim = hotel["kim"]
    kids = children(kim)
    booking = create_booking(kim, [ItemRequest(hotel["club"], slot_id=hotel["slots"][slot].id,
                                               participant_ids=[kids[n].id for n in people],
                                               note=note)], kim)
    return booking.items[0]


def test_my_bookings_is_a_plan_of_the_stays_days(client, auth, hotel, db):
    later = book(hotel, "later", ("Seoyeon", "Jiho"), note="Jiho naps at two")
    first = book(hotel, "morning")
    create_booking(hotel["kim"], [ItemRequest(hotel["crib"], start_on=hotel["today"],
                                              end_on=hotel["today"], quantity=1)], hotel["kim"])
    auth.guest_login(hotel["kim"])
    page = client.get("/my-bookings?lang=en").text
    days = re.findall(r'<h2 class="plan__date" id="day-([\d-]+)"', page)
    assert days == [(hotel["today"] + timedelta(days=n)).isoformat() for n in range(5)]
    order = [page.index(text) for text in ("Crib", f"/my-bookings/items/{first.id}.ics",
                                           f"/my-bookings/items/{later.id}.ics")]
    assert order == sorted(order)  # each under its own day, in the stay's order
    assert "Nothing booked on this day." in page
    assert "Jiho naps at two" in page  # the note typed for the team
    assert "\u2068Jiho\u2069 under 3 free" in page
    assert 'href="/my-bookings.ics"' in page


def test_a_cancelled_or_declined_item_shows_no_charge(client, auth, hotel, db):
    item = book(hotel, "morning")
    db.session.get(BookingItem, item.id).state = ItemState.DECLINED
    db.session.commit()
    auth.guest_login(hotel["kim"])
    page = client.get("/my-bookings?lang=en").text
    card = page[page.index('item--declined'):]
    card = card[:card.index("</li>")]
    assert "No charge" in card and "€2.50" not in card
    assert f"/my-bookings/items/{item.id}.ics" not in card


def test_cancelling_shows_what_it_changes_first_then_cancels(client, auth, hotel, db):
    item = book(hotel, "morning")
    auth.guest_login(hotel["kim"])
    page = client.get("/my-bookings?lang=en").text
    assert f'href="/my-bookings/items/{item.id}/cancel"' in page
    assert f'action="/my-bookings/items/{item.id}/cancel"' not in page  # no one-tap cancel
    confirm = client.get(f"/my-bookings/items/{item.id}/cancel?lang=en")
    assert confirm.status_code == 200
    assert "Cancel this booking?" in confirm.text
    assert "No longer charged" in confirm.text and "<s>€2.50</s>" in confirm.text
    assert db.session.get(BookingItem, item.id).state == ItemState.CONFIRMED  # nothing yet
    response = post_form(client, f"/my-bookings/items/{item.id}/cancel",
                         token_from=f"/my-bookings/items/{item.id}/cancel")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(BookingItem, item.id).state == ItemState.CANCELLED
    assert db.session.get(Slot, hotel["slots"]["morning"].id).booked == 0
    # Once cancelled, the confirmation is not offered again.
    again = client.get(f"/my-bookings/items/{item.id}/cancel")
    assert again.status_code == 302


def test_another_guests_item_has_no_confirmation_and_no_calendar(client, auth, hotel):
    item = book(hotel, "morning")
    auth.guest_login(hotel["mueller"])
    assert client.get(f"/my-bookings/items/{item.id}/cancel").status_code == 404
    assert client.get(f"/my-bookings/items/{item.id}.ics").status_code == 404


def test_calendar_files_of_one_item_and_of_the_whole_stay(client, auth, hotel, db):
    first = book(hotel, "morning")
    book(hotel, "later")
    cancelled = book(hotel, "afternoon")
    db.session.get(BookingItem, cancelled.id).state = ItemState.CANCELLED
    db.session.commit()
    auth.guest_login(hotel["kim"])
    one = client.get(f"/my-bookings/items/{first.id}.ics")
    assert one.mimetype == "text/calendar" and one.text.count("BEGIN:VEVENT") == 1
    whole = client.get("/my-bookings.ics")
    assert whole.text.count("BEGIN:VEVENT") == 2  # not the cancelled one
    assert "no-store" in whole.headers["Cache-Control"]


def test_my_bookings_takes_as_many_statements_for_one_item_as_for_many(
        client, auth, hotel, db, count_queries):
    book(hotel, "morning")
    auth.guest_login(hotel["kim"])
    client.get("/my-bookings")
    with count_queries() as one:
        client.get("/my-bookings")
    book(hotel, "later", ("Seoyeon", "Jiho"))
    book(hotel, "afternoon", ("Jiho",))
    create_booking(hotel["kim"], [ItemRequest(hotel["crib"], start_on=hotel["today"],
                                              end_on=hotel["tomorrow"], quantity=2)], hotel["kim"])
    with count_queries() as many:
        client.get("/my-bookings")
    assert many.count == one.count
