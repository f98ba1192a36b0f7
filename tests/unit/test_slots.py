"""Activity slots made from recurring rules: weekdays, validity, idempotence, summer time."""

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today, local_to_utc
from hotel.models import Slot
from hotel.services.slots import generate_slots
from tests.factories import make_rule, make_service, make_slot

VIENNA = ZoneInfo("Europe/Vienna")


@pytest.fixture
def club(db):
    return make_service()


def slots_of(db, service) -> list[Slot]:
    return db.session.scalars(
        select(Slot).where(Slot.service_id == service.id).order_by(Slot.starts_at)).all()


def local_days(slots) -> list[date]:
    return [slot.starts_at.astimezone(VIENNA).date() for slot in slots]


def test_a_rule_makes_slots_with_its_time_duration_and_capacity(db, club):
    first = hotel_today() + timedelta(days=1)
    rule = make_rule(club, first, start_time=time(11, 30), duration_minutes=90, capacity=8)
    made = generate_slots(rule, first, first + timedelta(days=2))
    assert len(made) == 3
    stored = slots_of(db, club)
    assert local_days(stored) == [first + timedelta(days=n) for n in range(3)]
    for slot in stored:
        local = slot.starts_at.astimezone(VIENNA)
        assert (local.hour, local.minute) == (11, 30)
        assert slot.ends_at - slot.starts_at == timedelta(minutes=90)
        assert (slot.capacity, slot.booked, slot.closed, slot.rule_id) == (8, 0, False, rule.id)


def test_only_the_rules_weekdays_get_slots(db, club):
    first = hotel_today() + timedelta(days=1)
    rule = make_rule(club, first, weekdays="05")  # Mondays and Saturdays
    generate_slots(rule, first, first + timedelta(days=13))
    days = local_days(slots_of(db, club))
    assert len(days) == 4
    assert {day.weekday() for day in days} == {0, 5}


def test_slots_are_made_only_while_the_rule_is_valid(db, club):
    today = hotel_today()
    rule = make_rule(club, valid_from=today + timedelta(days=3),
                     valid_until=today + timedelta(days=5))
    generate_slots(rule, today, today + timedelta(days=10))
    assert local_days(slots_of(db, club)) == [today + timedelta(days=n) for n in (3, 4, 5)]


def test_generating_again_adds_nothing_and_keeps_existing_slots(db, club):
    first = hotel_today() + timedelta(days=1)
    rule = make_rule(club, first, capacity=6)
    # Reception made one slot by hand at the rule's time, and has already sold places.
    by_hand = make_slot(club, local_to_utc(first + timedelta(days=1), time(9)), capacity=4,
                        booked=3)
    assert len(generate_slots(rule, first, first + timedelta(days=2))) == 2
    db.session.commit()
    assert generate_slots(rule, first, first + timedelta(days=4)) != []
    db.session.commit()
    assert generate_slots(rule, first, first + timedelta(days=4)) == []
    stored = slots_of(db, club)
    assert len(stored) == 5
    db.session.refresh(by_hand)
    assert (by_hand.capacity, by_hand.booked) == (4, 3)


def test_another_services_slots_do_not_stop_a_rule(db, club):
    first = hotel_today() + timedelta(days=1)
    make_slot(make_service(), local_to_utc(first, time(9)))
    rule = make_rule(club, first)
    assert len(generate_slots(rule, first, first)) == 1


@pytest.mark.parametrize(
    ("first", "utc_hours"),
    [
        # Summer time starts on Sunday 28 March 2027: 09:00 is 08:00 UTC, then 07:00.
        (date(2027, 3, 27), [8, 7, 7]),
        # and ends on Sunday 31 October 2027: 09:00 is 07:00 UTC, then 08:00.
        (date(2027, 10, 30), [7, 8, 8]),
    ],
)
def test_slots_keep_their_wall_clock_time_across_summer_time(db, club, first, utc_hours):
    rule = make_rule(club, first, start_time=time(9), duration_minutes=60)
    generate_slots(rule, first, first + timedelta(days=2))
    stored = slots_of(db, club)
    assert [slot.starts_at.hour for slot in stored] == utc_hours
    assert [slot.starts_at.astimezone(VIENNA).hour for slot in stored] == [9, 9, 9]
    assert local_days(stored) == [first + timedelta(days=n) for n in range(3)]
