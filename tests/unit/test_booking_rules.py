"""The rules a booking line must meet: stay dates, party, ages, quantity, details."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from hotel.clock import hotel_today, local_to_utc
from hotel.models import CapacityUnit, Kind, PricingUnit
from hotel.services.errors import DomainError
from hotel.services.rules import MAX_NOTE, ItemRequest, check_line
from tests.factories import add_member, make_service, make_slot, make_stay


@pytest.fixture
def today(db) -> date:
    return hotel_today()


@pytest.fixture
def stay(db, today):
    """Two adults and children of 2 and 8, from tomorrow for five nights."""
    return make_stay(arrival_on=today + timedelta(days=1), nights=5, children=[2, 8])


@pytest.fixture
def now(today):
    """Noon today at the hotel: the moment every line is checked at."""
    return local_to_utc(today, time(12))


def at(day, hour=10):
    return local_to_utc(day, time(hour))


def refused(stay, request, now) -> DomainError:
    with pytest.raises(DomainError) as caught:
        check_line(stay, request, now)
    error = caught.value
    assert isinstance(error.message, str) and error.message.strip()
    return error


def rental(unit=PricingUnit.PER_UNIT_DAY, **fields):
    return make_service(kind=Kind.RENTAL, pricing_unit=unit, stock=5, **fields)


# Dates inside the stay and not in the past


@pytest.mark.parametrize(
    ("unit", "first", "last", "field"),
    [
        (PricingUnit.PER_UNIT_DAY, -1, 0, "start_date"),  # starts the day before arrival
        (PricingUnit.PER_UNIT_DAY, 4, 6, "start_date"),  # ends after departure
        (PricingUnit.PER_UNIT_DAY, 6, 6, "start_date"),  # wholly after departure
        (PricingUnit.PER_UNIT_DAY, 3, 2, "end_date"),  # ends before it starts
        (PricingUnit.PER_UNIT_NIGHT, 0, 5, "end_date"),  # a night on the departure day
        (PricingUnit.PER_UNIT_NIGHT, 5, 5, "end_date"),
    ],
)
def test_rental_days_must_lie_within_the_stay(stay, now, unit, first, last, field):
    service = rental(unit)
    arrival = stay.arrival_on
    request = ItemRequest(service, start_on=arrival + timedelta(days=first),
                          end_on=arrival + timedelta(days=last))
    assert refused(stay, request, now).field == field


@pytest.mark.parametrize(
    ("unit", "last_day", "days"),
    [
        (PricingUnit.PER_UNIT_NIGHT, 4, 5),  # every night of a five-night stay
        (PricingUnit.PER_UNIT_DAY, 5, 6),  # a day rental may include the departure day
    ],
)
def test_rentals_may_use_the_whole_stay(stay, now, unit, last_day, days):
    request = ItemRequest(rental(unit), quantity=2, start_on=stay.arrival_on,
                          end_on=stay.arrival_on + timedelta(days=last_day))
    line = check_line(stay, request, now)
    assert (line.first, line.days, line.quantity) == (stay.arrival_on, days, 2)


def test_a_rental_needs_a_first_day(stay, now):
    assert refused(stay, ItemRequest(rental()), now).field == "start_date"


def test_dates_in_the_past_are_refused(db, today, now):
    current = make_stay(arrival_on=today - timedelta(days=2), nights=5)
    yesterday = today - timedelta(days=1)
    error = refused(current, ItemRequest(rental(), start_on=yesterday, end_on=today), now)
    assert error.field == "start_date"
    assert check_line(current, ItemRequest(rental(), start_on=today), now).first == today


def test_activity_slot_must_lie_within_the_stay(stay, now):
    club = make_service()
    before = make_slot(club, at(stay.arrival_on - timedelta(days=1)))
    after = make_slot(club, at(stay.departure_on + timedelta(days=1)))
    on_departure = make_slot(club, at(stay.departure_on))
    for slot in (before, after):
        assert refused(stay, ItemRequest(club, slot_id=slot.id), now).field == "slot_id"
    assert check_line(stay, ItemRequest(club, slot_id=on_departure.id), now).slot == on_departure


@pytest.mark.parametrize("problem", ["missing", "unknown", "other_service", "closed", "started"])
def test_slot_must_be_an_open_future_time_of_the_service(stay, now, problem):
    club = make_service()
    day = stay.arrival_on
    slot_id = {
        "missing": None,
        "unknown": 999_999,
        "other_service": make_slot(make_service(), at(day)).id,
        "closed": make_slot(club, at(day), closed=True, closed_reason="Thunderstorm").id,
        "started": make_slot(club, now - timedelta(minutes=10)).id,
    }[problem]
    error = refused(stay, ItemRequest(club, slot_id=slot_id), now)
    assert error.field == "slot_id"
    if problem == "closed":
        assert "Thunderstorm" in error.message


def test_a_slot_starting_later_today_can_be_booked(db, today, now):
    current = make_stay(arrival_on=today, nights=2)
    club = make_service()
    slot = make_slot(club, now + timedelta(minutes=30))
    line = check_line(current, ItemRequest(club, slot_id=slot.id), now)
    assert line.starts_at == slot.starts_at
    assert line.first == today


def test_slot_duration_gives_the_hours_priced(stay, now):
    boats = make_service(pricing_unit=PricingUnit.PER_HOUR, capacity_unit=CapacityUnit.UNITS)
    slot = make_slot(boats, at(stay.arrival_on), minutes=90)
    assert check_line(stay, ItemRequest(boats, slot_id=slot.id), now).hours == Decimal("1.5")


# Participants and ages


def test_participants_must_be_in_the_party(db, stay, now):
    club = make_service()
    slot = make_slot(club, at(stay.arrival_on))
    stranger = make_stay(arrival_on=stay.arrival_on).members[0]
    request = ItemRequest(club, slot_id=slot.id,
                          participant_ids=[stay.members[0].id, stranger.id])
    assert refused(stay, request, now).field == "participants"


def test_participants_set_the_places_taken(stay, now):
    club = make_service()
    slot = make_slot(club, at(stay.arrival_on))
    children = [m.id for m in stay.children]
    line = check_line(stay, ItemRequest(club, slot_id=slot.id, participant_ids=children), now)
    assert line.quantity == 2
    assert [m.id for m in line.people] == children


def test_without_participants_the_party_takes_part_lead_guest_first(stay, now):
    club = make_service()
    slot = make_slot(club, at(stay.arrival_on))
    line = check_line(stay, ItemRequest(club, quantity=2, slot_id=slot.id), now)
    assert line.people == stay.members[:2]


def test_more_places_than_the_party_has_are_refused(stay, now):
    club = make_service()
    slot = make_slot(club, at(stay.arrival_on))
    error = refused(stay, ItemRequest(club, quantity=5, slot_id=slot.id), now)
    assert error.field == "quantity"
    assert "4" in error.message


def test_units_are_not_limited_by_the_party(db, now, today):
    boats = make_service(capacity_unit=CapacityUnit.UNITS, max_quantity=3)
    solo = make_stay(arrival_on=today + timedelta(days=1), adults=1)
    slot = make_slot(boats, at(solo.arrival_on))
    assert check_line(solo, ItemRequest(boats, quantity=3, slot_id=slot.id), now).quantity == 3


@pytest.mark.parametrize(
    ("min_age", "max_age", "child_age", "allowed"),
    [
        (4, 12, 3, False),  # too young
        (4, 12, 4, True),
        (4, 12, 12, True),
        (4, 12, 13, False),  # too old
        (16, None, 15, False),
        (None, 2, 2, True),
    ],
)
def test_age_limits_fit_each_participant(db, stay, now, min_age, max_age, child_age, allowed):
    club = make_service(min_age=min_age, max_age=max_age)
    slot = make_slot(club, at(stay.arrival_on))
    child = add_member(stay, "Ana", age=child_age)
    request = ItemRequest(club, slot_id=slot.id, participant_ids=[child.id])
    if allowed:
        assert check_line(stay, request, now).people == [child]
    else:
        error = refused(stay, request, now)
        assert error.field == "participants"
        assert "Ana" in error.message


def test_age_limit_uses_the_age_on_the_day_of_the_service(db, stay, now):
    club = make_service(min_age=4)
    day = stay.arrival_on + timedelta(days=2)
    fourth_birthday = day if (day.month, day.day) != (2, 29) else day + timedelta(days=1)
    day = fourth_birthday
    child = add_member(stay, "Leo", birth_date=fourth_birthday.replace(year=day.year - 4))
    on_birthday = make_slot(club, at(day))
    day_before = make_slot(club, at(day - timedelta(days=1)))
    too_young = ItemRequest(club, slot_id=day_before.id, participant_ids=[child.id])
    assert refused(stay, too_young, now).field == "participants"
    line = check_line(stay, ItemRequest(club, slot_id=on_birthday.id,
                                        participant_ids=[child.id]), now)
    assert line.people == [child]


@pytest.mark.parametrize(("min_age", "max_age", "allowed"),
                         [(18, None, True), (None, 17, False), (None, 12, False)])
def test_adults_without_an_age_count_as_eighteen(stay, now, min_age, max_age, allowed):
    service = make_service(min_age=min_age, max_age=max_age)
    slot = make_slot(service, at(stay.arrival_on))
    request = ItemRequest(service, slot_id=slot.id, participant_ids=[stay.members[0].id])
    if allowed:
        assert check_line(stay, request, now).quantity == 1
    else:
        assert refused(stay, request, now).field == "participants"


# Quantity, service, note


@pytest.mark.parametrize("quantity", [0, -1, 4, "2", 1.5, True])
def test_quantity_must_be_a_whole_number_from_one_to_the_maximum(stay, now, quantity):
    service = rental(max_quantity=3)
    request = ItemRequest(service, quantity=quantity, start_on=stay.arrival_on)
    assert refused(stay, request, now).field == "quantity"


def test_the_maximum_quantity_can_be_booked(stay, now):
    service = rental(max_quantity=3)
    assert check_line(stay, ItemRequest(service, quantity=3, start_on=stay.arrival_on),
                      now).quantity == 3


def test_more_participants_than_the_maximum_are_refused(stay, now):
    club = make_service(max_quantity=3)
    slot = make_slot(club, at(stay.arrival_on))
    request = ItemRequest(club, slot_id=slot.id, participant_ids=[m.id for m in stay.members])
    assert refused(stay, request, now).field == "participants"


def test_an_inactive_service_cannot_be_booked(stay, now):
    service = rental(active=False)
    assert refused(stay, ItemRequest(service, start_on=stay.arrival_on), now).field == "service"


def test_the_note_is_limited(stay, now):
    service = rental()
    too_long = ItemRequest(service, start_on=stay.arrival_on, note="x" * (MAX_NOTE + 1))
    assert refused(stay, too_long, now).field == "note"
    just_fits = ItemRequest(service, start_on=stay.arrival_on, note="x" * MAX_NOTE)
    assert check_line(stay, just_fits, now).request.note == "x" * MAX_NOTE


# On request: a time inside the stay and the details the service asks for


@pytest.fixture
def transfer(db):
    return make_service(kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_BOOKING,
                        capacity_unit=CapacityUnit.UNITS, requires_approval=True,
                        request_fields=["pickup_place", "flight_number", "passengers"])


def test_a_request_with_its_details_is_accepted(stay, now, transfer):
    request = ItemRequest(transfer, starts_at=at(stay.arrival_on, 15),
                          details={"pickup_place": "  Airport ", "passengers": "4"})
    line = check_line(stay, request, now)
    # The flight number is optional; a number arrives as text from a form.
    assert line.details == {"pickup_place": "Airport", "passengers": 4}
    assert line.starts_at == at(stay.arrival_on, 15)


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"passengers": 2}, "pickup_place"),  # required
        ({"pickup_place": "  ", "passengers": 2}, "pickup_place"),  # blank
        ({"pickup_place": "Airport"}, "passengers"),
        ({"pickup_place": "Airport", "passengers": "two"}, "passengers"),
        ({"pickup_place": "Airport", "passengers": 0}, "passengers"),
        ({"pickup_place": "Airport", "passengers": 17}, "passengers"),
        ({"pickup_place": "x" * 201, "passengers": 2}, "pickup_place"),
        ({"pickup_place": "Airport", "passengers": 2, "flight_number": "y" * 201},
         "flight_number"),
    ],
)
def test_request_details_are_required_and_typed(stay, now, transfer, details, field):
    request = ItemRequest(transfer, starts_at=at(stay.arrival_on, 15), details=details)
    assert refused(stay, request, now).field == field


@pytest.mark.parametrize(("hours", "allowed"), [(1, True), (12, True), (13, False), (0, False)])
def test_babysitting_hours_are_limited_and_priced(stay, now, hours, allowed):
    babysitting = make_service(kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_HOUR,
                               capacity_unit=CapacityUnit.UNITS, request_fields=["hours"])
    request = ItemRequest(babysitting, starts_at=at(stay.arrival_on, 19),
                          details={"hours": hours})
    if allowed:
        assert check_line(stay, request, now).hours == Decimal(hours)
    else:
        assert refused(stay, request, now).field == "hours"


@pytest.mark.parametrize("when", ["missing", "naive", "past", "before_arrival", "after_departure"])
def test_a_request_needs_a_future_time_within_the_stay(stay, now, transfer, when):
    starts_at = {
        "missing": None,
        "naive": datetime.combine(stay.arrival_on, time(15)),
        "past": now - timedelta(hours=1),
        "before_arrival": at(stay.arrival_on - timedelta(days=1), 15),
        "after_departure": at(stay.departure_on + timedelta(days=1), 15),
    }[when]
    request = ItemRequest(transfer, starts_at=starts_at,
                          details={"pickup_place": "Airport", "passengers": 2})
    assert refused(stay, request, now).field == "starts_at"
