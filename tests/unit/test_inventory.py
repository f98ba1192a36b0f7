"""Reception's inventory services: stock, units out of service, slot capacity, closing
slots, recurring rules and keeping slots generated ahead."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from hotel.cli import slots
from hotel.clock import hotel_today, local_to_utc
from hotel.i18n import day_label
from hotel.models import (
    AuditEntry,
    ItemState,
    Kind,
    OutOfService,
    PricingUnit,
    RentalDay,
    Slot,
    SlotRule,
)
from hotel.services import rentals
from hotel.services import slots as slot_service
from hotel.services.availability import rental_availability
from hotel.services.bookings import create_booking
from hotel.services.capacity import ensure_rental_days, reserve_capacity
from hotel.services.errors import DomainError, Unavailable
from hotel.services.rules import ItemRequest
from tests.factories import (
    make_out_of_service,
    make_rule,
    make_service,
    make_slot,
    make_staff,
    make_stay,
)

VIENNA = ZoneInfo("Europe/Vienna")


@pytest.fixture
def today(db):
    return hotel_today()


@pytest.fixture
def clerk(db):
    return make_staff("clerk")


@pytest.fixture
def cribs(db):
    return make_service(kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=3)


@pytest.fixture
def stay(db, today):
    return make_stay(arrival_on=today, nights=7, children=[2, 5])


def book_cribs(stay, cribs, first, last, quantity=1):
    return create_booking(stay, [ItemRequest(cribs, quantity=quantity, start_on=first,
                                             end_on=last)], stay)


def capacities(db, service) -> dict:
    rows = db.session.execute(select(RentalDay.day, RentalDay.capacity)
                              .where(RentalDay.service_id == service.id))
    return dict(rows.all())


def audit_actions(db) -> list[str]:
    return list(db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def free_on(service, day) -> tuple[int, int]:
    found = rental_availability(service, day, day)[0]
    return found.remaining, found.capacity


# Stock


def test_the_stock_cannot_go_below_the_units_booked_on_a_day(db, cribs, stay, clerk, today):
    busy = today + timedelta(days=2)
    book_cribs(stay, cribs, busy, busy, quantity=2)
    before = capacities(db, cribs)

    with pytest.raises(Unavailable) as caught:
        rentals.change_stock(cribs.id, 1, clerk)

    assert "2 units are booked" in caught.value.message
    assert day_label(busy) in caught.value.message
    assert caught.value.field == "stock"
    db.session.expire_all()
    assert cribs.stock == 3
    assert capacities(db, cribs) == before
    assert "rental.stock_changed" not in audit_actions(db)


def test_changing_the_stock_moves_the_capacity_of_today_and_later_days(db, cribs, stay, clerk,
                                                                       today):
    book_cribs(stay, cribs, today, today + timedelta(days=1))
    yesterday = today - timedelta(days=1)
    db.session.add(RentalDay(service_id=cribs.id, day=yesterday, capacity=3, booked=0))
    db.session.flush()

    rentals.change_stock(cribs.id, 5, clerk)

    db.session.expire_all()
    assert cribs.stock == 5
    assert capacities(db, cribs) == {yesterday: 3, today: 5, today + timedelta(days=1): 5}
    assert free_on(cribs, today + timedelta(days=5)) == (5, 5)  # days without a row
    entry = db.session.scalar(select(AuditEntry).where(
        AuditEntry.action == "rental.stock_changed"))
    assert (entry.staff_id, entry.details["old"], entry.details["new"]) == (clerk.id, 3, 5)

    rentals.change_stock(cribs.id, 1, clerk)  # one crib booked per day: still fits
    db.session.expire_all()
    assert free_on(cribs, today) == (0, 1)


def test_the_stock_cannot_go_below_the_units_out_of_service(db, cribs, clerk, today):
    make_out_of_service(cribs, today + timedelta(days=3), units=2)
    with pytest.raises(Unavailable) as caught:
        rentals.change_stock(cribs.id, 1, clerk)
    assert "2 are out of service" in caught.value.message


# Units out of service


def test_out_of_service_is_refused_when_it_would_cut_into_bookings(db, cribs, stay, clerk,
                                                                   today):
    busy = today + timedelta(days=3)
    book_cribs(stay, cribs, busy, busy, quantity=2)

    with pytest.raises(Unavailable) as caught:
        rentals.put_out_of_service(cribs.id, 2, today + timedelta(days=1), busy, "Repair",
                                     clerk)

    message = caught.value.message
    assert "2 of the 3 units in service are booked" in message
    assert "2 cannot be taken out of service" in message
    assert db.session.scalar(select(func.count()).select_from(OutOfService)) == 0
    assert free_on(cribs, busy) == (1, 3)


def test_out_of_service_takes_units_from_existing_and_future_days(db, cribs, stay, clerk, today):
    booked_day = today + timedelta(days=1)
    book_cribs(stay, cribs, booked_day, booked_day)
    first, last = today + timedelta(days=1), today + timedelta(days=4)

    period = rentals.put_out_of_service(cribs.id, 2, first, last, "Broken wheels", clerk)

    assert (period.units, period.reason, period.created_by_id) == (2, "Broken wheels", clerk.id)
    assert free_on(cribs, booked_day) == (0, 1)  # a counter row existed: it moved
    assert free_on(cribs, today + timedelta(days=3)) == (1, 1)  # no row yet: from the stock
    assert free_on(cribs, today + timedelta(days=5)) == (3, 3)  # after the period
    # A row made later, at first use, subtracts the period as well.
    ensure_rental_days(cribs, today + timedelta(days=3), today + timedelta(days=3))
    assert capacities(db, cribs)[today + timedelta(days=3)] == 1
    assert "rental.out_of_service" in audit_actions(db)


@pytest.mark.parametrize("units, first, last, field", [
    (0, 1, 2, "units"),
    (1, 3, 2, "ends_on"),
    (1, -1, 2, "starts_on"),
])
def test_out_of_service_needs_units_and_a_period_from_today(db, cribs, clerk, today, units,
                                                            first, last, field):
    with pytest.raises(DomainError) as caught:
        rentals.put_out_of_service(cribs.id, units, today + timedelta(days=first),
                                     today + timedelta(days=last), "Repair", clerk)
    assert caught.value.field == field
    assert db.session.scalar(select(func.count()).select_from(OutOfService)) == 0


def test_ending_a_period_brings_the_units_back(db, cribs, clerk, today):
    ensure_rental_days(cribs, today - timedelta(days=2), today + timedelta(days=2))
    running = make_out_of_service(cribs, today - timedelta(days=2), today + timedelta(days=2))
    coming = make_out_of_service(cribs, today + timedelta(days=1), units=1)
    db.session.execute(RentalDay.__table__.update().values(capacity=RentalDay.capacity - 1))
    db.session.execute(RentalDay.__table__.update()
                       .where(RentalDay.day == today + timedelta(days=1))
                       .values(capacity=RentalDay.capacity - 1))

    rentals.end_out_of_service(running.id, clerk)
    rentals.end_out_of_service(coming.id, clerk)

    db.session.expire_all()
    assert running.ends_on == today - timedelta(days=1)
    assert db.session.get(OutOfService, coming.id) is None
    caps = capacities(db, cribs)
    assert caps[today - timedelta(days=1)] == 2  # the past is left as it was
    assert [caps[today + timedelta(days=n)] for n in range(3)] == [3, 3, 3]


# Slots


@pytest.fixture
def club(db):
    return make_service(price="15.00")


@pytest.fixture
def slot(club, today):
    return make_slot(club, local_to_utc(today + timedelta(days=2), time(10)), capacity=6)


def book_slot(stay, slot, people=2):
    request = ItemRequest(slot.service, quantity=people, slot_id=slot.id)
    return create_booking(stay, [request], stay)


def test_slot_capacity_cannot_go_below_what_is_booked(db, stay, slot, clerk):
    book_slot(stay, slot, people=3)

    with pytest.raises(Unavailable) as caught:
        slot_service.change_slot_capacity(slot.id, 2, clerk)

    assert "3 places are already booked" in caught.value.message
    db.session.refresh(slot)
    assert (slot.capacity, slot.booked) == (6, 3)

    slot_service.change_slot_capacity(slot.id, 3, clerk)
    db.session.refresh(slot)
    assert slot.capacity == 3
    entry = db.session.scalar(select(AuditEntry).where(
        AuditEntry.action == "slot.capacity_changed"))
    assert (entry.object_id, entry.details["old"], entry.details["new"]) == (str(slot.id), 6, 3)


def test_closing_a_slot_cancels_its_bookings_with_the_reason(db, stay, slot, clerk, club):
    first = book_slot(stay, slot).items[0]
    second = book_slot(make_stay(arrival_on=stay.arrival_on), slot, people=1).items[0]

    cancelled = slot_service.close_slot(slot.id, "Storm warning", clerk, reason_language="de")

    assert {item.id for item in cancelled} == {first.id, second.id}
    for item in (first, second):
        db.session.refresh(item)
        assert item.state == ItemState.CANCELLED_BY_HOTEL
        assert (item.reason, item.reason_language) == ("Storm warning", "de")
    db.session.refresh(slot)
    assert (slot.closed, slot.closed_reason, slot.booked) == (True, "Storm warning", 0)
    actions = audit_actions(db)
    assert actions.count("item.cancelled_by_hotel") == 2
    assert actions[-1] == "slot.closed"

    with pytest.raises(Unavailable):  # nobody can book a closed slot
        reserve_capacity(club, 1, slot_id=slot.id)

    slot_service.reopen_slot(slot.id, clerk)
    db.session.refresh(slot)
    db.session.refresh(first)
    assert (slot.closed, slot.closed_reason, slot.booked) == (False, "", 0)
    assert first.state == ItemState.CANCELLED_BY_HOTEL


def test_closing_needs_a_reason(db, slot, clerk):
    with pytest.raises(DomainError) as caught:
        slot_service.close_slot(slot.id, "  ", clerk)
    assert caught.value.field == "reason"
    db.session.refresh(slot)
    assert not slot.closed


def test_adding_a_slot_at_a_taken_time_is_refused(db, slot, club, clerk, today):
    day = today + timedelta(days=2)
    with pytest.raises(DomainError) as caught:
        slot_service.add_slot(club.id, day, time(10), 60, 4, clerk)
    assert caught.value.field == "start_time"
    added = slot_service.add_slot(club.id, day, time(14, 30), 45, 4, clerk)
    local = added.starts_at.astimezone(VIENNA)
    assert (local.date(), local.hour, local.minute) == (day, 14, 30)
    assert added.ends_at - added.starts_at == timedelta(minutes=45)


# Recurring rules


def slot_times(db, service) -> list:
    slots = db.session.scalars(select(Slot).where(Slot.service_id == service.id)
                               .order_by(Slot.starts_at))
    return [(s.starts_at.astimezone(VIENNA).replace(tzinfo=None), s.capacity) for s in slots]


def test_rules_make_the_right_slots_and_again_make_none(db, club, clerk, today):
    first = today + timedelta(days=1)
    last = first + timedelta(days=13)
    kept = make_slot(club, local_to_utc(first, time(9)), capacity=2)
    args = (club.id, [0, 2], [time(9), time(15, 30)], 60, 8, first, last, clerk)

    made = slot_service.create_slot_rules(*args)

    expected = sorted(
        (first + timedelta(days=n)) for n in range(14)
        if (first + timedelta(days=n)).weekday() in (0, 2))
    times = slot_times(db, club)
    made_starts = sorted(s.starts_at.astimezone(VIENNA).replace(tzinfo=None) for s in made)
    wanted = sorted(
        datetime.combine(day, at)
        for day in expected for at in (time(9), time(15, 30)))
    if first.weekday() in (0, 2):  # the 09:00 slot on the first day existed already
        wanted.remove(datetime.combine(first, time(9)))
    assert made_starts == wanted
    db.session.refresh(kept)
    assert kept.capacity == 2  # existing slots are left alone
    assert len(db.session.scalars(select(SlotRule)).all()) == 2

    again = slot_service.create_slot_rules(*args)

    assert again == []
    assert slot_times(db, club) == times
    assert len(db.session.scalars(select(SlotRule)).all()) == 2


@pytest.mark.parametrize("change, field", [
    ({"weekdays": []}, "weekdays"),
    ({"times": []}, "times"),
    ({"capacity": 0}, "capacity"),
    ({"duration_minutes": 0}, "duration_minutes"),
    ({"valid_until": -1}, "valid_until"),
])
def test_a_bad_rule_makes_nothing(db, club, clerk, today, change, field):
    values = {"weekdays": [1], "times": [time(9)], "duration_minutes": 60, "capacity": 5,
              "valid_from": today + timedelta(days=2), "valid_until": today + timedelta(days=9)}
    if "valid_until" in change:
        change = {"valid_until": today + timedelta(days=1)}
    values.update(change)
    with pytest.raises(DomainError) as caught:
        slot_service.create_slot_rules(club.id, actor=clerk, **values)
    assert caught.value.field == field
    assert db.session.scalar(select(func.count()).select_from(Slot)) == 0
    assert db.session.scalar(select(func.count()).select_from(SlotRule)) == 0


def test_extending_makes_slots_ahead_for_rules_still_valid(db, club, today, runner):
    make_rule(club, today - timedelta(days=30))  # every day at 09:00, no end
    make_rule(club, today - timedelta(days=30), today - timedelta(days=1),
              start_time=time(15))  # over
    db.session.commit()

    result = runner.invoke(slots, ["extend", "--days", "3"])

    assert result.exit_code == 0, result.output
    assert "4 slots made" in result.output
    days = [start.date() for start, _ in slot_times(db, club)]
    assert days == [today + timedelta(days=n) for n in range(4)]
    assert slot_service.extend_slots(3) == 0  # again: nothing new

