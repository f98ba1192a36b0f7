"""Taking bookings whole or not at all, holding capacity, cancelling, and the audit log."""

from datetime import time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today, local_to_utc
from hotel.database import write_transaction
from hotel.models import (
    AuditEntry,
    Booking,
    BookingItem,
    CapacityUnit,
    ItemState,
    Kind,
    PricingUnit,
    RentalDay,
)
from hotel.services.bookings import (
    can_guest_cancel,
    cancel_booking_item,
    change_item_state,
    create_booking,
)
from hotel.services.capacity import take_seats
from hotel.services.errors import DomainError, NotAllowed, Unavailable
from hotel.services.rules import ItemRequest
from tests.factories import (
    make_booking_item,
    make_package,
    make_service,
    make_slot,
    make_staff,
    make_stay,
)


@pytest.fixture
def stay(db):
    """Two adults and a child of 6, from today for five nights."""
    return make_stay(arrival_on=hotel_today(), nights=5, children=[6])


@pytest.fixture
def tomorrow(db):
    return hotel_today() + timedelta(days=1)


@pytest.fixture
def club(db):
    return make_service(price="20.00", cutoff_hours=24)


@pytest.fixture
def slot(club):
    """Four places in three days' time: well before the guest's cut-off."""
    return make_slot(club, local_to_utc(hotel_today() + timedelta(days=3), time(10)), capacity=4)


@pytest.fixture
def cribs(db):
    return make_service(kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=2)


def booked(db, obj) -> int:
    db.session.refresh(obj)
    return obj.booked


def rental_booked(db, service) -> dict:
    rows = db.session.execute(
        select(RentalDay.day, RentalDay.booked).where(RentalDay.service_id == service.id))
    return dict(rows.all())


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def book_slot(stay, slot, actor=None, quantity=1, **kwargs):
    request = ItemRequest(slot.service, quantity=quantity, slot_id=slot.id)
    return create_booking(stay, [request], actor or stay, **kwargs)


# Taking a booking


def test_a_booking_takes_every_line_and_its_capacity(db, stay, slot, cribs, tomorrow):
    booking = create_booking(stay, [
        ItemRequest(slot.service, quantity=2, slot_id=slot.id),
        ItemRequest(cribs, quantity=1, start_on=stay.arrival_on, end_on=tomorrow),
    ], stay)
    assert [item.state for item in booking.items] == [ItemState.CONFIRMED] * 2
    assert booking.reference.startswith("B")
    assert booking.currency == "EUR"
    # 2 x 20.00 for the club, 2 nights x 8.00 for the crib.
    assert [item.price for item in booking.items] == [Decimal("40.00"), Decimal("16.00")]
    assert booking.total == Decimal("56.00")
    assert booked(db, slot) == 2
    assert rental_booked(db, cribs) == {stay.arrival_on: 1, tomorrow: 1}


@pytest.mark.parametrize("short", ["slot", "rental"])
def test_a_booking_is_taken_whole_or_not_at_all(db, stay, slot, cribs, tomorrow, short):
    crib_line = ItemRequest(cribs, quantity=1, start_on=stay.arrival_on, end_on=tomorrow)
    if short == "slot":
        full = make_slot(slot.service, slot.starts_at + timedelta(hours=3), capacity=1, booked=1)
        second = ItemRequest(full.service, quantity=1, slot_id=full.id)
        first = crib_line
    else:
        other = make_stay(arrival_on=hotel_today())  # has taken one crib for tomorrow
        create_booking(other, [ItemRequest(cribs, quantity=1, start_on=tomorrow)], other)
        second = ItemRequest(cribs, quantity=2, start_on=tomorrow)
        first = ItemRequest(slot.service, quantity=2, slot_id=slot.id)
    bookings_before = count(db, Booking)
    cribs_before = rental_booked(db, cribs)

    with pytest.raises(Unavailable) as caught:
        create_booking(stay, [first, second], stay)

    assert caught.value.item == 1
    assert caught.value.message
    assert count(db, Booking) == bookings_before
    assert booked(db, slot) == 0
    assert rental_booked(db, cribs) == cribs_before


def test_a_line_that_breaks_a_rule_books_nothing_and_names_the_line(db, stay, slot):
    good = ItemRequest(slot.service, slot_id=slot.id)
    past = make_slot(slot.service, local_to_utc(hotel_today(), time(0, 1)) - timedelta(days=1))
    with pytest.raises(DomainError) as caught:
        create_booking(stay, [good, ItemRequest(slot.service, slot_id=past.id)], stay)
    assert (caught.value.item, caught.value.field) == (1, "slot_id")
    assert count(db, Booking) == 0
    assert booked(db, slot) == 0


def test_an_empty_booking_is_refused(db, stay):
    with pytest.raises(DomainError) as caught:
        create_booking(stay, [], stay)
    assert caught.value.field == "items"


@pytest.mark.parametrize(("approval", "actor", "confirm_now", "state"), [
    (False, "guest", False, ItemState.CONFIRMED),
    (True, "guest", False, ItemState.REQUESTED),
    (True, "guest", True, ItemState.REQUESTED),  # only staff can confirm at once
    (True, "staff", False, ItemState.REQUESTED),
    (True, "staff", True, ItemState.CONFIRMED),
])
def test_approval_services_start_requested_and_hold_capacity(db, stay, tomorrow, approval,
                                                             actor, confirm_now, state):
    service = make_service(requires_approval=approval)
    slot = make_slot(service, local_to_utc(tomorrow, time(10)), capacity=4)
    who = stay if actor == "guest" else make_staff()
    booking = book_slot(stay, slot, who, quantity=2, confirm_now=confirm_now)
    assert booking.items[0].state == state
    assert booked(db, slot) == 2


def test_the_price_is_a_snapshot(db, stay, slot, club):
    item_id = book_slot(stay, slot).items[0].id
    club.price = Decimal("99.00")
    db.session.commit()
    db.session.expire_all()
    item = db.session.get(BookingItem, item_id)
    assert (item.unit_price, item.price) == (Decimal("20.00"), Decimal("20.00"))
    assert item.booking.total == Decimal("20.00")


def test_a_package_booking_gets_the_package_discount(db, slot, cribs, tomorrow):
    stay = make_stay(arrival_on=hotel_today(), children=[3, 5, 7])
    show = make_service(price="50.00", pricing_unit=PricingUnit.PER_BOOKING)
    show_slot = make_slot(show, slot.starts_at)
    package = make_package([show, cribs], discount="20")
    booking = create_booking(stay, [
        ItemRequest(show, slot_id=show_slot.id),
        ItemRequest(cribs, start_on=stay.arrival_on, end_on=tomorrow),
    ], stay, package=package)
    # 50.00 - 20 % = 40.00, then - 10 % for three children = 36.00;
    # two nights of a crib, 16.00 - 20 % - 10 % = 11.52.
    assert [item.price for item in booking.items] == [Decimal("36.00"), Decimal("11.52")]
    assert (booking.total, booking.discount_total) == (Decimal("47.52"), Decimal("18.48"))
    assert booking.package_id == package.id


def test_the_same_submission_returns_the_same_booking(db, stay, slot):
    first = book_slot(stay, slot, submission_key="form-123")
    again = book_slot(stay, slot, submission_key="form-123")
    assert again.id == first.id
    assert count(db, Booking) == 1
    assert booked(db, slot) == 1
    second_guest = ItemRequest(slot.service, slot_id=slot.id,
                               participant_ids=[stay.members[1].id])
    other = create_booking(stay, [second_guest], stay, submission_key="form-456")
    assert other.id != first.id
    assert booked(db, slot) == 2


def test_a_full_slot_is_not_sold_twice(db, stay, slot):
    book_slot(stay, slot, quantity=3)
    with pytest.raises(Unavailable):
        book_slot(make_stay(arrival_on=hotel_today()), slot, quantity=2)
    assert booked(db, slot) == 3


def test_a_closed_slot_is_not_sold(db, stay, slot):
    slot.closed = True
    slot.closed_reason = "Lifeguard ill"
    db.session.commit()
    with pytest.raises(DomainError) as caught:
        book_slot(stay, slot)
    assert caught.value.field == "slot_id"
    assert booked(db, slot) == 0


# Cancelling


def test_cancelling_gives_back_exactly_the_capacity_taken(db, stay, slot, cribs, tomorrow):
    booking = create_booking(stay, [
        ItemRequest(slot.service, quantity=3, slot_id=slot.id),
        ItemRequest(cribs, quantity=2, start_on=stay.arrival_on, end_on=tomorrow),
    ], stay)
    other = book_slot(make_stay(arrival_on=hotel_today()), slot)
    assert booked(db, slot) == 4

    club_item, crib_item = booking.items
    cancel_booking_item(club_item, stay)
    assert booked(db, slot) == 1
    assert rental_booked(db, cribs) == {stay.arrival_on: 2, tomorrow: 2}
    cancel_booking_item(crib_item, make_staff())
    assert rental_booked(db, cribs) == {stay.arrival_on: 0, tomorrow: 0}
    assert [item.state for item in booking.items] == [ItemState.CANCELLED] * 2
    assert other.items[0].state == ItemState.CONFIRMED


def test_cancelling_twice_is_refused(db, stay, slot):
    item = book_slot(stay, slot, quantity=2).items[0]
    cancel_booking_item(item, stay)
    with pytest.raises(NotAllowed) as caught:
        cancel_booking_item(item, stay)
    assert caught.value.message
    assert booked(db, slot) == 0


def test_a_guest_may_cancel_until_the_cut_off_and_staff_at_any_time(db, stay, slot):
    first, second = (
        create_booking(stay, [ItemRequest(slot.service, slot_id=slot.id,
                                          participant_ids=[member.id])], stay).items[0]
        for member in stay.members[:2])
    deadline = slot.starts_at - timedelta(hours=24)
    assert can_guest_cancel(first, deadline)
    assert not can_guest_cancel(first, deadline + timedelta(minutes=1))

    with pytest.raises(NotAllowed) as caught:
        cancel_booking_item(first, stay, now=deadline + timedelta(minutes=1))
    assert "reception" in caught.value.message
    assert booked(db, slot) == 2

    cancel_booking_item(first, make_staff(), now=deadline + timedelta(minutes=1))
    cancel_booking_item(second, stay, now=deadline - timedelta(minutes=1))
    assert booked(db, slot) == 0


def test_a_rental_cut_off_counts_from_the_first_day(db, stay, cribs, tomorrow):
    cribs.cutoff_hours = 12
    item = create_booking(stay, [ItemRequest(cribs, start_on=tomorrow)], stay).items[0]
    midnight = local_to_utc(tomorrow, time(0))
    assert can_guest_cancel(item, midnight - timedelta(hours=12))
    assert not can_guest_cancel(item, midnight - timedelta(hours=11))


def test_a_guest_cannot_cancel_another_guests_item(db, stay, slot):
    item = book_slot(stay, slot).items[0]
    stranger = make_stay(arrival_on=hotel_today())
    with pytest.raises(NotAllowed):
        cancel_booking_item(item, stranger)
    db.session.refresh(item)
    assert item.state == ItemState.CONFIRMED
    assert booked(db, slot) == 1


@pytest.mark.parametrize(("final", "still_booked"), [
    (ItemState.DECLINED, 0),
    (ItemState.CANCELLED_BY_HOTEL, 0),
    # A place that was used, or kept free for a guest who did not come, is not sold again.
    (ItemState.COMPLETED, 2),
    (ItemState.NO_SHOW, 2),
])
def test_items_that_end_give_back_their_places_only_if_unused(db, stay, slot, final,
                                                               still_booked):
    item = book_slot(stay, slot, quantity=2).items[0]
    staff = make_staff()
    with write_transaction():
        change_item_state(item, final, staff, reason="No guide available", reason_language="en")
    assert booked(db, slot) == still_booked
    with pytest.raises(NotAllowed):
        cancel_booking_item(item, staff)
    assert booked(db, slot) == still_booked
    db.session.refresh(item)
    assert (item.state, item.reason, item.reason_language) == (final, "No guide available", "en")


def test_an_item_taken_back_into_a_holding_state_takes_its_capacity_again(db, stay, slot):
    item = book_slot(stay, slot, quantity=2).items[0]
    staff = make_staff()
    with write_transaction():
        change_item_state(item, ItemState.DECLINED, staff, reason="Full")
    with write_transaction():
        change_item_state(item, ItemState.CONFIRMED, staff)
    assert booked(db, slot) == 2
    cancel_booking_item(item, staff)
    assert booked(db, slot) == 0


def test_an_item_cannot_be_taken_back_when_its_place_was_sold(db, stay, slot):
    item = book_slot(stay, slot, quantity=2).items[0]
    staff = make_staff()
    with write_transaction():
        change_item_state(item, ItemState.DECLINED, staff, reason="Full")
    book_slot(make_stay(arrival_on=hotel_today(), adults=3), slot, quantity=3)
    with pytest.raises(Unavailable), write_transaction():
        change_item_state(item, ItemState.CONFIRMED, staff)
    db.session.refresh(item)
    assert item.state == ItemState.DECLINED
    assert booked(db, slot) == 3


# The audit log


def audit_entries(db, action):
    return db.session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def test_a_guests_booking_and_cancellation_are_logged_with_the_stay(db, stay, slot):
    booking = book_slot(stay, slot)
    cancel_booking_item(booking.items[0], stay)
    [created] = audit_entries(db, "booking.created")
    [cancelled] = audit_entries(db, "item.cancelled")
    assert (created.stay_id, created.staff_id) == (stay.id, None)
    assert (created.object_type, created.object_id) == ("Booking", str(booking.id))
    assert created.details["reference"] == booking.reference
    assert (cancelled.stay_id, cancelled.staff_id) == (stay.id, None)
    assert cancelled.object_id == str(booking.items[0].id)
    assert cancelled.details["previous"] == "confirmed"


def test_staff_bookings_and_cancellations_are_logged_with_the_staff_member(db, stay, slot):
    staff = make_staff()
    booking = book_slot(stay, slot, staff)
    assert booking.created_by_id == staff.id
    cancel_booking_item(booking.items[0], staff)
    for action in ("booking.created", "item.cancelled"):
        [entry] = audit_entries(db, action)
        assert (entry.staff_id, entry.stay_id) == (staff.id, None)


def test_nothing_is_logged_for_a_booking_that_was_not_taken(db, stay, slot):
    slot.capacity = 1
    db.session.commit()
    with pytest.raises(Unavailable):
        book_slot(stay, slot, quantity=2)
    assert count(db, AuditEntry) == 0


def test_per_hour_units_book_places_by_quantity(db, stay, tomorrow):
    boats = make_service(pricing_unit=PricingUnit.PER_HOUR, price="25.00", max_quantity=2,
                         capacity_unit=CapacityUnit.UNITS)
    slot = make_slot(boats, local_to_utc(tomorrow, time(14)), capacity=3, minutes=90)
    booking = book_slot(stay, slot, quantity=2)
    assert booking.items[0].price == Decimal("75.00")  # 2 boats x 1.5 hours x 25.00
    assert booked(db, slot) == 2


def test_the_database_refuses_a_second_place_for_one_person_in_one_slot(db, slot):
    """Even past the rules' own check, one person cannot hold two places at one time."""
    stay = make_stay(arrival_on=hotel_today(), children=[6])
    child = stay.children[0]
    create_booking(stay, [ItemRequest(slot.service, slot_id=slot.id,
                                      participant_ids=[child.id])], stay)
    second = make_booking_item(stay, slot.service, slot=slot, participants=[child])
    with pytest.raises(DomainError, match="already has a place at this time"):
        take_seats(second.id, slot.id)
