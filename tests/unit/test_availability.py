"""Availability: units per day for rentals, places per slot for activities, requests."""

from datetime import time, timedelta

import pytest

from hotel.clock import hotel_today, local_to_utc
from hotel.models import Kind, PricingUnit
from hotel.services.availability import can_request, rental_availability, slot_availability
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import make_out_of_service, make_service, make_slot, make_stay


@pytest.fixture
def today(db):
    return hotel_today()


@pytest.fixture
def scooters(db):
    return make_service(kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_DAY, stock=5)


def remaining_by_day(service, first, last):
    return {day.day: day.remaining for day in rental_availability(service, first, last)}


def test_rental_without_bookings_offers_the_whole_stock_every_day(db, today, scooters):
    days = rental_availability(scooters, today, today + timedelta(days=2))
    assert [d.day for d in days] == [today + timedelta(days=n) for n in range(3)]
    assert all(d.capacity == 5 and d.remaining == 5 for d in days)


def test_rental_remaining_is_stock_less_booked_less_out_of_service(db, today, scooters):
    d = [today + timedelta(days=n) for n in range(6)]
    # Out of service: 1 unit from before the range into its second day, 2 units on days
    # 2-3, and 1 unit from day 3 to after the range: the periods overlap it partially.
    make_out_of_service(scooters, today - timedelta(days=3), d[1], units=1)
    make_out_of_service(scooters, d[2], d[3], units=2)
    make_out_of_service(scooters, d[3], today + timedelta(days=20), units=1)
    stay = make_stay(arrival_on=today, nights=8)
    create_booking(stay, [ItemRequest(scooters, quantity=2, start_on=d[1], end_on=d[2])], stay)

    assert remaining_by_day(scooters, d[0], d[5]) == {
        d[0]: 5 - 1,
        d[1]: 5 - 1 - 2,
        d[2]: 5 - 2 - 2,
        d[3]: 5 - 2 - 1,
        d[4]: 5 - 1,
        d[5]: 5 - 1,
    }


def test_days_without_counter_rows_come_from_stock_and_out_of_service(db, today, scooters):
    make_out_of_service(scooters, today + timedelta(days=1), units=5)
    stay = make_stay(arrival_on=today)
    create_booking(stay, [ItemRequest(scooters, quantity=1, start_on=today)], stay)
    days = rental_availability(scooters, today, today + timedelta(days=2))
    assert [(d.capacity, d.remaining) for d in days] == [(5, 4), (0, 0), (5, 5)]


def test_a_fully_booked_rental_day_has_none_left(db, today, scooters):
    stay = make_stay(arrival_on=today)
    create_booking(stay, [ItemRequest(scooters, quantity=5, start_on=today)], stay)
    assert remaining_by_day(scooters, today, today) == {today: 0}


@pytest.fixture
def club(db):
    return make_service(kind=Kind.ACTIVITY)


def at(day, hour, minute=0):
    return local_to_utc(day, time(hour, minute))


def test_slots_show_places_left_and_closed_slots_have_none(db, today, club):
    tomorrow = today + timedelta(days=1)
    open_slot = make_slot(club, at(tomorrow, 9), capacity=6, booked=2)
    full = make_slot(club, at(tomorrow, 11), capacity=6, booked=6)
    closed = make_slot(club, at(tomorrow, 15), capacity=6, closed=True, closed_reason="Storm")
    listed = slot_availability(club, tomorrow, tomorrow)
    assert [(s.slot.id, s.remaining) for s in listed] == [
        (open_slot.id, 4), (full.id, 0), (closed.id, 0)]


def test_slots_outside_the_range_are_left_out(db, today, club):
    first, last = today + timedelta(days=2), today + timedelta(days=3)
    before = make_slot(club, at(first - timedelta(days=1), 23, 30))
    early = make_slot(club, at(first, 0, 30))  # 22:30 or 23:30 UTC the day before
    late = make_slot(club, at(last, 23, 30))
    after = make_slot(club, at(last + timedelta(days=1), 0, 30))
    other_service = make_slot(make_service(), at(first, 10))
    ids = [s.slot.id for s in slot_availability(club, first, last)]
    assert ids == [early.id, late.id]
    assert not {before.id, after.id, other_service.id} & set(ids)


def test_slots_starting_before_after_are_left_out(db, today, club):
    tomorrow = today + timedelta(days=1)
    morning = make_slot(club, at(tomorrow, 9))
    noon = make_slot(club, at(tomorrow, 12))
    evening = make_slot(club, at(tomorrow, 18))
    listed = slot_availability(club, tomorrow, tomorrow, after=at(tomorrow, 12))
    assert [s.slot.id for s in listed] == [evening.id]
    assert morning.id not in [s.slot.id for s in listed]
    assert noon.id not in [s.slot.id for s in listed]


def test_slot_availability_for_a_month_costs_as_many_queries_as_for_three_days(
        db, today, club, scooters, count_queries):
    for offset in range(30):
        day = today + timedelta(days=offset)
        make_slot(club, at(day, 9))
        make_slot(club, at(day, 15), booked=1)
    make_out_of_service(scooters, today + timedelta(days=1), today + timedelta(days=25))
    stay = make_stay(arrival_on=today, nights=30)
    create_booking(stay, [ItemRequest(scooters, quantity=1, start_on=today,
                                      end_on=today + timedelta(days=10))], stay)
    db.session.refresh(club)
    db.session.refresh(scooters)

    counts = {}
    for days in (3, 30):
        last = today + timedelta(days=days - 1)
        with count_queries() as slots_counter:
            assert len(slot_availability(club, today, last)) == 2 * days
        with count_queries() as rentals_counter:
            assert len(rental_availability(scooters, today, last)) == days
        counts[days] = (slots_counter.count, rentals_counter.count)
    assert counts[3] == counts[30]
    # Each after the one look for waiting-list offers that ran out (none here).
    assert counts[30][0] <= 2
    assert counts[30][1] <= 3


@pytest.mark.parametrize(
    ("kind", "active", "expected"),
    [(Kind.ON_REQUEST, True, True), (Kind.ON_REQUEST, False, False),
     (Kind.ACTIVITY, True, False), (Kind.RENTAL, True, False)],
)
def test_only_active_on_request_services_can_be_asked_for(db, kind, active, expected):
    service = make_service(kind=kind, active=active, stock=3)
    assert can_request(service) is expected
