"""The waiting list: queue order, fit, the hold, accept, decline, expiry, hand-over."""

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today, local_to_utc
from hotel.extensions import db
from hotel.models import (
    BookingItem,
    ItemState,
    Kind,
    Message,
    MessageKind,
    PricingUnit,
    RentalDay,
    Slot,
    WaitingEntry,
    WaitingState,
)
from hotel.models.types import utcnow
from hotel.services import waitlist
from hotel.services.availability import rental_availability, slot_availability
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.errors import Conflict, DomainError, NotAllowed, NotFound, Unavailable
from hotel.services.rentals import change_stock, end_out_of_service, put_out_of_service
from hotel.services.rules import ItemRequest
from hotel.services.slots import change_slot_capacity, close_slot, reopen_slot
from hotel.services.waitlist import RoomLeft
from tests.factories import make_service, make_slot, make_staff, make_stay


@pytest.fixture
def club(db):
    return make_service(price="20.00", cutoff_hours=2, min_age=4, max_age=12)


@pytest.fixture
def riding(db):
    return make_service(price="30.00", cutoff_hours=2)


@pytest.fixture
def slot(riding):
    """Two places in three days' time."""
    return make_slot(riding, local_to_utc(hotel_today() + timedelta(days=3), time(10)),
                     capacity=2)


def _stay(**options):
    return make_stay(arrival_on=hotel_today(), nights=6, **options)


def _book(stay, slot, people):
    return create_booking(stay, [ItemRequest(service=slot.service, slot_id=slot.id,
                                             participant_ids=[m.id for m in people])], stay)


def _join(stay, slot, people, now=None):
    return waitlist.join_waiting_list(stay, ItemRequest(
        service=slot.service, slot_id=slot.id, participant_ids=[m.id for m in people]),
        stay, now)


def _state(entry):
    return db.session.scalar(select(WaitingEntry.state).where(WaitingEntry.id == entry.id))


def _booked(slot_id):
    return db.session.scalar(select(Slot.booked).where(Slot.id == slot_id))


@pytest.fixture
def full_slot(slot):
    """The slot taken by one family of two."""
    family = _stay()
    booking = _book(family, slot, family.members[:2])
    return slot, booking.items[0]


def test_a_guest_joins_only_a_full_time(db, slot):
    """With room left, joining answers RoomLeft (book instead); full, the guest waits."""
    guest = _stay(adults=1)
    with pytest.raises(RoomLeft):
        _join(guest, slot, guest.members)
    family = _stay()
    _book(family, slot, family.members[:2])
    entry = _join(guest, slot, guest.members)
    assert entry.state == WaitingState.WAITING and entry.quantity == 1


def test_joining_twice_for_one_time_is_refused(db, full_slot):
    slot, _item = full_slot
    guest = _stay(adults=1)
    _join(guest, slot, guest.members)
    with pytest.raises(Conflict):
        _join(guest, slot, guest.members)


def test_a_closed_time_has_no_waiting_list(db, full_slot):
    slot, _item = full_slot
    close_slot(slot.id, "Storm", make_staff())
    guest = _stay(adults=1)
    with pytest.raises(DomainError):
        _join(guest, slot, guest.members)


def test_age_limits_are_checked_when_joining(db, club):
    slot = make_slot(club, local_to_utc(hotel_today() + timedelta(days=2), time(9)),
                     capacity=1, booked=1)
    guest = _stay(children=[2])
    with pytest.raises(DomainError, match="too young"):
        _join(guest, slot, [guest.members[-1]])


def test_queue_order_the_first_who_fits_gets_the_freed_place(db, full_slot):
    """A family of two that joined first cannot use one freed place; the single guest
    behind it gets it, and the family keeps its place at the head of the queue."""
    slot, item = full_slot
    pair, single, later = _stay(), _stay(adults=1), _stay(adults=1)
    pair_entry = _join(pair, slot, pair.members[:2])
    single_entry = _join(single, slot, single.members)
    later_entry = _join(later, slot, later.members)
    # One of the family's two places comes back: the booked item is for two, so the
    # capacity is raised by one instead.
    change_slot_capacity(slot.id, 3, make_staff())
    assert _state(pair_entry) == WaitingState.WAITING
    assert _state(single_entry) == WaitingState.OFFERED
    assert _state(later_entry) == WaitingState.WAITING
    assert _booked(slot.id) == 3  # the offer holds the place
    # Now the booking of two is cancelled: the family at the head fits and gets both.
    cancel_booking_item(item, item.booking.stay)
    assert _state(pair_entry) == WaitingState.OFFERED
    assert _state(later_entry) == WaitingState.WAITING
    assert _booked(slot.id) == 3


def test_an_entry_whose_people_left_the_party_is_passed_over(db, full_slot):
    slot, item = full_slot
    first, second = _stay(children=[7]), _stay(adults=1)
    gone = _join(first, slot, [first.members[-1]])
    kept = _join(second, slot, second.members)
    db.session.delete(first.members[-1])
    db.session.commit()
    cancel_booking_item(item, item.booking.stay)
    assert _state(gone) == WaitingState.WAITING
    assert _state(kept) == WaitingState.OFFERED


def test_a_held_place_cannot_be_booked_by_anyone_else(db, full_slot):
    slot, item = full_slot
    waiting = _stay(adults=2)
    entry = _join(waiting, slot, waiting.members)
    cancel_booking_item(item, item.booking.stay)
    assert _state(entry) == WaitingState.OFFERED
    assert [a.remaining for a in slot_availability(slot.service, hotel_today(),
                                                   hotel_today() + timedelta(days=5))] == [0]
    other = _stay(adults=1)
    with pytest.raises(Unavailable):
        _book(other, slot, other.members)


def test_the_offer_is_told_in_the_guests_language_with_a_link(db, full_slot):
    slot, item = full_slot
    guest = _stay(adults=1, language="de")
    _join(guest, slot, guest.members)
    cancel_booking_item(item, item.booking.stay)
    message = db.session.scalar(select(Message).where(Message.stay_id == guest.id,
                                                      Message.kind == MessageKind.WAITLIST_OFFER))
    assert message.language == "de"
    assert "/waitlist/" in message.text
    assert "Good news" not in message.text  # written in German


def test_accepting_books_the_held_places_without_taking_them_twice(db, full_slot):
    slot, item = full_slot
    guest = _stay(adults=2)
    entry = _join(guest, slot, guest.members)
    cancel_booking_item(item, item.booking.stay)
    booking = waitlist.accept_offer(entry.id, guest)
    assert _booked(slot.id) == 2
    assert booking.items[0].state == ItemState.CONFIRMED
    assert [m.id for m in booking.items[0].participants] == [m.id for m in guest.members]
    assert _state(entry) == WaitingState.BOOKED
    with pytest.raises(NotAllowed):
        waitlist.accept_offer(entry.id, guest)  # once only


def test_only_the_guest_of_the_entry_may_accept_it(db, full_slot):
    slot, item = full_slot
    guest, stranger = _stay(adults=1), _stay(adults=1)
    entry = _join(guest, slot, guest.members)
    cancel_booking_item(item, item.booking.stay)
    with pytest.raises(NotFound):
        waitlist.accept_offer(entry.id, stranger)
    assert _state(entry) == WaitingState.OFFERED


def test_declining_hands_the_places_to_the_next_entry(db, full_slot):
    slot, item = full_slot
    first, second = _stay(adults=2), _stay(adults=2)
    first_entry, second_entry = _join(first, slot, first.members), _join(second, slot,
                                                                         second.members)
    cancel_booking_item(item, item.booking.stay)
    waitlist.leave_waiting_list(first_entry.id, first)
    assert _state(first_entry) == WaitingState.LEFT
    assert _state(second_entry) == WaitingState.OFFERED
    assert _booked(slot.id) == 2  # handed over, not released twice nor lost


def test_an_offer_that_runs_out_goes_to_the_next_entry(db, full_slot, app):
    slot, item = full_slot
    first, second = _stay(adults=2), _stay(adults=2)
    first_entry, second_entry = _join(first, slot, first.members), _join(second, slot,
                                                                         second.members)
    cancel_booking_item(item, item.booking.stay)
    expires_at = db.session.get(WaitingEntry, first_entry.id).offer_expires_at
    assert expires_at - utcnow() <= timedelta(minutes=app.config["WAITLIST_HOLD_MINUTES"])
    assert waitlist.expire_offers(utcnow()) == 0  # not yet
    assert waitlist.expire_offers(expires_at + timedelta(seconds=1)) == 1
    assert _state(first_entry) == WaitingState.EXPIRED
    assert _state(second_entry) == WaitingState.OFFERED
    assert _booked(slot.id) == 2
    with pytest.raises(NotAllowed):
        waitlist.accept_offer(first_entry.id, first)


def test_reading_availability_ends_offers_that_ran_out(db, full_slot):
    slot, item = full_slot
    guest = _stay(adults=2)
    entry = _join(guest, slot, guest.members)
    cancel_booking_item(item, item.booking.stay)
    db.session.execute(WaitingEntry.__table__.update().values(
        offer_expires_at=utcnow() - timedelta(minutes=1)))
    db.session.commit()
    free = slot_availability(slot.service, hotel_today(), hotel_today() + timedelta(days=5))
    assert [a.remaining for a in free] == [2]
    assert _state(entry) == WaitingState.EXPIRED


def test_the_hold_never_lasts_past_the_booking_cut_off(db, riding):
    soon = make_slot(riding, utcnow() + timedelta(hours=3), capacity=1)
    family = _stay(adults=1)
    item = _book(family, soon, family.members).items[0]
    guest = _stay(adults=1)
    entry = _join(guest, soon, guest.members)
    assert entry.closes_at == soon.starts_at - timedelta(hours=2)
    cancel_booking_item(item, family)
    offered = db.session.get(WaitingEntry, entry.id)
    assert offered.offer_expires_at == soon.starts_at - timedelta(hours=2)


def test_reopening_a_slot_offers_its_places(db, full_slot):
    slot, item = full_slot
    staff = make_staff()
    guest = _stay(adults=1)
    entry = _join(guest, slot, guest.members)
    close_slot(slot.id, "Storm", staff)
    assert _state(entry) == WaitingState.WAITING  # a closed slot offers nothing
    reopen_slot(slot.id, staff)
    assert _state(entry) == WaitingState.OFFERED


def test_leaving_a_waiting_entry_and_the_desk_removing_one(db, full_slot):
    slot, _item = full_slot
    guest, other = _stay(adults=1), _stay(adults=1)
    entry, removed = _join(guest, slot, guest.members), _join(other, slot, other.members)
    waitlist.leave_waiting_list(entry.id, guest)
    waitlist.leave_waiting_list(removed.id, make_staff())
    assert _state(entry) == _state(removed) == WaitingState.LEFT
    with pytest.raises(NotAllowed):
        waitlist.leave_waiting_list(entry.id, guest)


def test_reception_offers_by_hand_out_of_queue_order(db, full_slot):
    slot, _item = full_slot
    staff = make_staff()
    first, second = _stay(adults=1), _stay(adults=1)
    _join(first, slot, first.members)
    chosen = _join(second, slot, second.members)
    with pytest.raises(Unavailable):
        waitlist.offer_by_hand(chosen.id, staff)  # no room yet
    change_slot_capacity(slot.id, 4, staff)  # two more: both are offered in order
    assert _state(chosen) == WaitingState.OFFERED


@pytest.fixture
def bikes(db):
    return make_service(kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_DAY, stock=1,
                        price="15.00", cutoff_hours=0)


def _rental(stay, service, first, last, quantity=1):
    return ItemRequest(service=service, start_on=first, end_on=last, quantity=quantity)


def test_rental_days_with_no_unit_left_have_a_waiting_list(db, bikes):
    first, last = hotel_today() + timedelta(days=1), hotel_today() + timedelta(days=2)
    holder, guest = _stay(), _stay()
    item = create_booking(holder, [_rental(holder, bikes, first, first)], holder).items[0]
    entry = waitlist.join_waiting_list(guest, _rental(guest, bikes, first, last), guest)
    assert entry.state == WaitingState.WAITING
    cancel_booking_item(item, holder)
    assert _state(entry) == WaitingState.OFFERED
    days = rental_availability(bikes, first, last)
    assert [day.remaining for day in days] == [0, 0]  # held on both days
    booking = waitlist.accept_offer(entry.id, guest)
    assert (booking.items[0].start_on, booking.items[0].end_on) == (first, last)
    assert db.session.scalar(select(func.sum(RentalDay.booked)).where(
        RentalDay.service_id == bikes.id)) == 2


def test_more_stock_and_units_back_in_service_offer_units(db, bikes):
    staff = make_staff()
    day, later_day = hotel_today() + timedelta(days=1), hotel_today() + timedelta(days=2)
    holder, guest, other = _stay(), _stay(), _stay()
    create_booking(holder, [_rental(holder, bikes, day, day)], holder)
    entry = waitlist.join_waiting_list(guest, _rental(guest, bikes, day, day), guest)
    change_stock(bikes.id, 2, staff)
    assert _state(entry) == WaitingState.OFFERED
    period = put_out_of_service(bikes.id, 2, later_day, later_day, "Repair", staff)
    waiting = waitlist.join_waiting_list(other, _rental(other, bikes, later_day, later_day),
                                         other)
    end_out_of_service(period.id, staff)
    assert _state(waiting) == WaitingState.OFFERED


def test_the_worker_ends_waiting_when_the_time_to_book_has_passed(db, full_slot):
    slot, _item = full_slot
    guest = _stay(adults=1)
    entry = _join(guest, slot, guest.members)
    assert waitlist.expire_waiting(entry.closes_at + timedelta(seconds=1)) == 1
    assert _state(entry) == WaitingState.EXPIRED


def test_accepting_when_someone_has_a_place_at_that_time_keeps_the_offer(db, full_slot):
    slot, item = full_slot
    guest = _stay(adults=2)
    entry = _join(guest, slot, guest.members)
    cancel_booking_item(item, item.booking.stay)
    # Reception books one of them into the slot meanwhile (capacity raised for it).
    staff = make_staff()
    change_slot_capacity(slot.id, 3, staff)
    create_booking(guest, [ItemRequest(service=slot.service, slot_id=slot.id,
                                       participant_ids=[guest.members[0].id])], staff)
    with pytest.raises(DomainError):
        waitlist.accept_offer(entry.id, guest)
    assert _state(entry) == WaitingState.OFFERED
    assert db.session.scalar(select(func.count()).select_from(BookingItem).where(
        BookingItem.slot_id == slot.id, BookingItem.state == ItemState.CONFIRMED)) == 1
