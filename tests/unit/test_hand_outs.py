"""Rental units: made from the stock and kept equal to it, handed out to one booking at a
time, taken back fine or damaged, repaired; the counters stay stock less units out."""

from datetime import time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today, local_to_utc
from hotel.models import HandOut, HandOutDay, ItemState, Kind, OutOfService, PricingUnit, Role
from hotel.models.types import utcnow
from hotel.services import hand_outs, rentals
from hotel.services.availability import rental_availability
from hotel.services.bookings import create_booking
from hotel.services.errors import DomainError, Forbidden, NotAllowed, Unavailable
from hotel.services.rules import ItemRequest
from hotel.services.units import due_units, unit_name, units_today
from tests.factories import make_department, make_service, make_staff, make_stay


@pytest.fixture
def today(db):
    return hotel_today()


@pytest.fixture
def housekeeping(db):
    return make_department("housekeeping", "Housekeeping")


@pytest.fixture
def strollers(db, housekeeping):
    return make_service("stroller", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_DAY,
                        stock=3, department=housekeeping, max_quantity=3, cutoff_hours=0,
                        texts={"en": ("Stroller", ""), "ko": ("유모차", "")})


@pytest.fixture
def clerk(db):
    return make_staff("clerk", Role.RECEPTION)


def book(stay, service, first, last, actor, quantity=1):
    """Book as of the first day's morning, so that days before today can be booked too."""
    booking = create_booking(stay, [ItemRequest(service, quantity=quantity, start_on=first,
                                                end_on=last)], actor, confirm_now=True,
                             now=min(utcnow(), local_to_utc(first, time(7, 0))))
    return booking.items[0]


def units_of(service):
    return [entry.unit for entry in units_today(service, hotel_today())]


def free_on(service, day) -> int:
    return rental_availability(service, day, day)[0].remaining


def test_a_rental_has_a_numbered_unit_per_unit_of_stock(app, strollers):
    units = units_of(strollers)
    assert [unit.number for unit in units] == [1, 2, 3]
    assert [unit_name(unit, strollers) for unit in units] == ["Stroller 1", "Stroller 2",
                                                               "Stroller 3"]


def test_raising_and_lowering_the_stock_adds_and_takes_out_free_units(app, strollers, clerk):
    rentals.change_stock(strollers.id, 5, clerk)
    assert [unit.number for unit in units_of(strollers)] == [1, 2, 3, 4, 5]
    rentals.change_stock(strollers.id, 2, clerk)
    assert [unit.number for unit in units_of(strollers)] == [1, 2]
    rentals.change_stock(strollers.id, 4, clerk)  # the units taken out come back first
    assert [unit.number for unit in units_of(strollers)] == [1, 2, 3, 4]


def test_the_stock_cannot_drop_below_the_units_handed_out(app, db, strollers, clerk, today):
    stays = [make_stay(arrival_on=today, nights=6) for _ in range(2)]
    db.session.commit()
    items = [book(stay, strollers, today, today + timedelta(days=5), clerk) for stay in stays]
    # Units 2 and 3 handed out, unit 2 back early: after the booked days, unit 3 is not back.
    for item, unit in zip(items, units_of(strollers)[1:], strict=True):
        hand_outs.hand_out(item.id, unit.id, clerk)
    hand_outs.return_unit(db.session.scalar(select(HandOut.id).where(
        HandOut.item_id == items[0].id)), "fine", "", clerk)
    with pytest.raises(Unavailable) as refused:
        rentals.change_stock(strollers.id, 0, clerk, today=today + timedelta(days=6))
    assert "cannot be less than 1" in refused.value.message
    db.session.rollback()
    assert len(units_of(strollers)) == 3 and strollers.stock == 3
    rentals.change_stock(strollers.id, 1, clerk, today=today + timedelta(days=6))
    assert [unit.number for unit in units_of(strollers)] == [3]


def test_one_unit_never_goes_to_two_items_on_overlapping_days(app, db, strollers, clerk, today):
    kim, lee, park = (make_stay(arrival_on=today, nights=6) for _ in range(3))
    db.session.commit()
    first = book(kim, strollers, today, today + timedelta(days=2), clerk)
    overlapping = book(lee, strollers, today + timedelta(days=2), today + timedelta(days=4),
                       clerk)
    later = book(park, strollers, today + timedelta(days=3), today + timedelta(days=4), clerk)
    unit = units_of(strollers)[0]
    given = hand_outs.hand_out(first.id, unit.id, clerk, deposit=Decimal("20.00"))
    assert given.due_on == today + timedelta(days=2)
    assert db.session.scalar(select(func.count()).select_from(HandOutDay)) == 3
    assert unit.id not in {u.id for u in hand_outs.free_units(overlapping)}
    with pytest.raises(Unavailable) as refused:
        hand_outs.hand_out(overlapping.id, unit.id, clerk)
    assert refused.value.status == 409
    with pytest.raises(Unavailable):  # days after the first item's, but it is not back
        hand_outs.hand_out(later.id, unit.id, clerk)
    hand_outs.return_unit(given.id, "fine", "", clerk)
    hand_outs.hand_out(later.id, unit.id, clerk)
    assert db.session.scalar(select(func.count()).select_from(HandOut)) == 2


def test_only_a_confirmed_item_is_handed_out_and_no_more_units_than_booked(
        app, db, strollers, clerk, today):
    stay = make_stay(arrival_on=today, nights=3)
    db.session.commit()
    item = book(stay, strollers, today, today, clerk)
    one, two = units_of(strollers)[:2]
    hand_outs.hand_out(item.id, one.id, clerk)
    with pytest.raises(NotAllowed):
        hand_outs.hand_out(item.id, two.id, clerk)
    cancelled = book(stay, strollers, today, today, clerk)
    from hotel.services.bookings import cancel_booking_item
    cancel_booking_item(cancelled, clerk)
    with pytest.raises(NotAllowed):
        hand_outs.hand_out(cancelled.id, two.id, clerk)


def test_staff_of_another_department_cannot_hand_out(app, db, strollers, clerk, today):
    stay = make_stay(arrival_on=today, nights=3)
    stables = make_staff("groom", Role.STAFF, make_department("stables", "Stables"))
    own = make_staff("maid", Role.STAFF, strollers.department)
    db.session.commit()
    item = book(stay, strollers, today, today, clerk)
    unit = units_of(strollers)[0]
    with pytest.raises(Forbidden):
        hand_outs.hand_out(item.id, unit.id, stables)
    given = hand_outs.hand_out(item.id, unit.id, own)
    with pytest.raises(Forbidden):
        hand_outs.return_unit(given.id, "fine", "", stables)


def test_a_damaged_return_takes_the_unit_out_of_service_until_repaired(
        app, db, strollers, clerk, today):
    stay = make_stay(arrival_on=today, nights=3)
    db.session.commit()
    item = book(stay, strollers, today, today + timedelta(days=1), clerk)
    unit = units_of(strollers)[0]
    given = hand_outs.hand_out(item.id, unit.id, clerk, deposit=Decimal("30"))
    with pytest.raises(DomainError) as refused:
        hand_outs.return_unit(given.id, "damaged", "  ", clerk)
    assert refused.value.field == "note"
    hand_outs.return_unit(given.id, "damaged", "Front wheel broken", clerk,
                          deposit_returned=True)
    back = db.session.get(HandOut, given.id)
    assert back.condition == "damaged" and back.deposit_returned_at is not None
    period = db.session.scalar(select(OutOfService).where(OutOfService.unit_id == unit.id))
    assert period.units == 1 and period.starts_on == today and period.reason == \
        "Front wheel broken"
    # Stock 3, one booked today and tomorrow, one being repaired: one left each day.
    assert free_on(strollers, today) == 1
    assert free_on(strollers, today + timedelta(days=5)) == 2
    assert [e.repair is not None for e in units_today(strollers, today)] == [True, False, False]
    assert unit.id not in {u.id for u in hand_outs.free_units(item)}
    with pytest.raises(NotAllowed):
        hand_outs.return_unit(given.id, "fine", "", clerk)
    hand_outs.mark_repaired(unit.id, clerk)
    assert free_on(strollers, today) == 2 and free_on(strollers, today + timedelta(days=5)) == 3
    with pytest.raises(DomainError):
        hand_outs.mark_repaired(unit.id, clerk)


def test_a_damaged_return_is_refused_whole_when_every_other_unit_is_booked(
        app, db, strollers, clerk, today):
    stays = [make_stay(arrival_on=today, nights=3) for _ in range(3)]
    db.session.commit()
    items = [book(stay, strollers, today, today + timedelta(days=1), clerk) for stay in stays]
    given = hand_outs.hand_out(items[0].id, units_of(strollers)[0].id, clerk)
    with pytest.raises(Unavailable):
        hand_outs.return_unit(given.id, "damaged", "Broken", clerk)
    db.session.rollback()
    assert db.session.get(HandOut, given.id).returned_at is None
    assert db.session.scalar(select(func.count()).select_from(OutOfService)) == 0


def test_units_due_back_today_and_overdue_are_listed_with_room_and_guest(
        app, db, strollers, clerk, today):
    early = make_stay(arrival_on=today - timedelta(days=3), nights=5, room="204",
                      last_name="Kim")
    now = make_stay(arrival_on=today, nights=3, room="118", last_name="Lee")
    db.session.commit()
    kept = book(early, strollers, today - timedelta(days=2), today - timedelta(days=1), clerk)
    hand_outs.hand_out(kept.id, units_of(strollers)[0].id, clerk, today=kept.start_on)
    due = book(now, strollers, today, today, clerk)
    hand_outs.hand_out(due.id, units_of(strollers)[1].id, clerk)
    later = book(now, strollers, today, today + timedelta(days=2), clerk)
    hand_outs.hand_out(later.id, units_of(strollers)[2].id, clerk)
    listed = due_units(today)
    assert [(entry.room, entry.unit.number, entry.due_on < today) for entry in listed] == [
        ("204", 1, True), ("118", 2, False)]
    assert listed[0].guest_name.endswith("Kim")
    # An overdue unit is not handed out again until it is back.
    other = make_stay(arrival_on=today, nights=2)
    db.session.commit()
    again = book(other, strollers, today + timedelta(days=1), today + timedelta(days=1), clerk)
    assert units_of(strollers)[0].id not in {u.id for u in hand_outs.free_units(again)}
    with pytest.raises(Unavailable):
        hand_outs.hand_out(again.id, units_of(strollers)[0].id, clerk)


def test_a_unit_can_have_a_name_of_its_own(app, db, strollers):
    boss = make_staff("boss", Role.MANAGER)
    unit = units_of(strollers)[1]
    hand_outs.label_unit(unit.id, "Blue twin stroller", boss)
    assert unit_name(unit, strollers) == "Blue twin stroller"
    hand_outs.label_unit(unit.id, "", boss)
    assert unit_name(unit, strollers) == "Stroller 2"
    with pytest.raises(DomainError):
        hand_outs.label_unit(unit.id, "x" * 61, boss)


def test_the_item_state_is_untouched_by_hand_out_and_return(app, db, strollers, clerk, today):
    stay = make_stay(arrival_on=today, nights=3)
    db.session.commit()
    item = book(stay, strollers, today, today, clerk)
    given = hand_outs.hand_out(item.id, units_of(strollers)[0].id, clerk)
    hand_outs.return_unit(given.id, "fine", "", clerk)
    db.session.refresh(item)
    assert item.state == ItemState.CONFIRMED
