"""The daily run sheet and the week plan, on a demo day covering every kind of service."""

from dataclasses import dataclass, field
from datetime import date, time, timedelta

import pytest

from hotel.clock import local_to_utc
from hotel.models import CapacityUnit, ItemState, Kind, PricingUnit, Role
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.requests import Action, handle_items
from hotel.services.rules import ItemRequest
from hotel.services.run_sheet import Task, daily_run_sheet, rental_task, week_plan
from tests.factories import (
    add_member,
    make_department,
    make_out_of_service,
    make_service,
    make_slot,
    make_staff,
    make_stay,
)

DAY = date(2030, 7, 15)  # a Monday in summer time: the hotel is at UTC+2


@dataclass
class DemoDay:
    """What the demo day holds, and which items each sheet must show."""

    day: date
    departments: dict = field(default_factory=dict)
    services: dict = field(default_factory=dict)
    stays: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)
    staff: object = None


def _at(day: date, clock: str):
    return local_to_utc(day, time.fromisoformat(clock))


def build_demo_day(day: date = DAY) -> DemoDay:
    """Make departments, one service of every kind, four families and their bookings,
    booked through the booking service three days before ``day``."""
    demo = DemoDay(day)
    for slug, name in [("kids", "Kids club"), ("housekeeping", "Housekeeping"),
                       ("transport", "Transport"), ("entertainment", "Entertainment"),
                       ("wellness", "Wellness")]:
        demo.departments[slug] = make_department(slug, name)
    d, s = demo.departments, demo.services
    s["club"] = make_service("club", department=d["kids"], min_age=4, max_age=12,
                             texts={"en": ("Kids club", "")})
    s["babysitting"] = make_service(
        "babysitting", kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_HOUR,
        department=d["kids"], requires_approval=True, request_fields=["hours"],
        capacity_unit=CapacityUnit.UNITS, texts={"en": ("Babysitting", "")})
    s["crib"] = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                             department=d["housekeeping"], stock=6, delivered_on_arrival=True,
                             capacity_unit=CapacityUnit.UNITS, texts={"en": ("Crib", "")})
    s["stroller"] = make_service("stroller", kind=Kind.RENTAL,
                                 pricing_unit=PricingUnit.PER_UNIT_DAY,
                                 department=d["housekeeping"], stock=4,
                                 capacity_unit=CapacityUnit.UNITS,
                                 texts={"en": ("Stroller", "")})
    s["transfer"] = make_service(
        "transfer", kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_BOOKING,
        department=d["transport"], requires_approval=True, capacity_unit=CapacityUnit.UNITS,
        request_fields=["pickup_place", "destination", "flight_number", "passengers"],
        texts={"en": ("Airport transfer", "")})
    s["disco"] = make_service("disco", department=d["entertainment"], min_age=16,
                              texts={"en": ("Disco night", "")})
    s["sauna"] = make_service("sauna", department=d["wellness"], texts={"en": ("Sauna", "")})
    make_out_of_service(s["stroller"], day, units=1)

    slots = {
        "club": make_slot(s["club"], _at(day, "10:00"), capacity=15, minutes=180),
        "club_next": make_slot(s["club"], _at(day + timedelta(1), "10:00"), capacity=15),
        "disco": make_slot(s["disco"], _at(day, "23:00"), capacity=60, minutes=120),
        "late": make_slot(s["disco"], _at(day + timedelta(1), "00:30"), capacity=60),
        "sauna": make_slot(s["sauna"], _at(day, "15:00"), capacity=8),
    }
    st = demo.stays
    st["kim"] = make_stay("K1", last_name="Kim", first_name="Minji", arrival_on=day,
                          language="ko", room="204", children=[2])
    # Seoyeon turns 7 on the day itself: the sheet shows her age on that day.
    seoyeon = add_member(st["kim"], "Seoyeon", birth_date=date(day.year - 7, day.month, day.day))
    st["mueller"] = make_stay("M1", last_name="Müller", first_name="Katrin",
                              arrival_on=day - timedelta(3), nights=3, language="de",
                              room="112", children=[9])
    st["obrien"] = make_stay("O1", last_name="O'Brien, Jr.", first_name='Siobhan "Shiv"',
                             arrival_on=day - timedelta(1), nights=6, room="308", children=[10])
    st["park"] = make_stay("P1", last_name="박", first_name="서연", arrival_on=day - timedelta(2),
                           nights=5, language="ko", room="402")
    demo.staff = make_staff(role=Role.RECEPTION)
    booked_at = _at(day - timedelta(3), "09:00")

    def book(name, stay, request):
        booking = create_booking(stay, [request], stay, now=booked_at)
        demo.items[name] = booking.items[0]
        return booking.items[0]

    def kids(stay):
        return [m.id for m in stay.members if m.is_child]

    def adults(stay):
        return [m.id for m in stay.members if not m.is_child]

    book("club_seoyeon", st["kim"], ItemRequest(s["club"], slot_id=slots["club"].id,
                                                participant_ids=[seoyeon.id]))
    book("crib_kim", st["kim"], ItemRequest(s["crib"], start_on=day, end_on=day + timedelta(4)))
    book("babysitting_kim", st["kim"], ItemRequest(
        s["babysitting"], starts_at=_at(day, "19:30"), participant_ids=kids(st["kim"]),
        details={"hours": 3}))
    book("club_obrien", st["obrien"], ItemRequest(
        s["club"], slot_id=slots["club"].id, participant_ids=kids(st["obrien"]),
        note="Allergic to nuts, carries an epipen"))
    book("club_obrien_next", st["obrien"], ItemRequest(
        s["club"], slot_id=slots["club_next"].id, participant_ids=kids(st["obrien"])))
    declined = book("babysitting_obrien", st["obrien"], ItemRequest(
        s["babysitting"], starts_at=_at(day, "20:00"), participant_ids=kids(st["obrien"]),
        details={"hours": 2}))
    handle_items([declined.id], Action.DECLINE, demo.staff, reason="No babysitter free")
    cancelled = book("club_mueller", st["mueller"], ItemRequest(
        s["club"], slot_id=slots["club"].id, participant_ids=kids(st["mueller"])))
    cancel_booking_item(cancelled, demo.staff)
    book("stroller_mueller", st["mueller"], ItemRequest(
        s["stroller"], start_on=day - timedelta(3), end_on=day))
    book("crib_mueller", st["mueller"], ItemRequest(
        s["crib"], start_on=day - timedelta(3), end_on=day - timedelta(1)))
    book("transfer_park", st["park"], ItemRequest(
        s["transfer"], starts_at=_at(day, "16:00"), participant_ids=adults(st["park"]),
        details={"pickup_place": "Vienna Airport", "destination": "Hotel",
                 "flight_number": "KE 937", "passengers": 2}))
    book("disco_obrien", st["obrien"], ItemRequest(
        s["disco"], slot_id=slots["disco"].id, participant_ids=adults(st["obrien"])))
    book("late_park", st["park"], ItemRequest(s["disco"], slot_id=slots["late"].id,
                                              participant_ids=adults(st["park"])))
    book("sauna_park", st["park"], ItemRequest(s["sauna"], slot_id=slots["sauna"].id,
                                               participant_ids=adults(st["park"])))
    return demo


@pytest.fixture
def demo(db):
    return build_demo_day()


def _ids(sheet_part) -> set[int]:
    return {line.item.id for line in sheet_part.lines}


def _part(sheet, slug):
    return next(p for p in sheet.departments if p.department.slug == slug)


def test_each_department_gets_exactly_its_confirmed_and_requested_items_of_the_day(demo):
    sheet = daily_run_sheet(DAY)
    it = demo.items
    expected = {
        "kids": {it["club_seoyeon"].id, it["club_obrien"].id, it["babysitting_kim"].id},
        "housekeeping": {it["crib_kim"].id, it["crib_mueller"].id, it["stroller_mueller"].id},
        "transport": {it["transfer_park"].id},
        "entertainment": {it["disco_obrien"].id},
        "wellness": {it["sauna_park"].id},
    }
    assert {p.department.slug: _ids(p) for p in sheet.departments} == expected
    only_kids = daily_run_sheet(DAY, demo.departments["kids"].id)
    assert [p.department.slug for p in only_kids.departments] == ["kids"]
    assert _ids(only_kids.departments[0]) == expected["kids"]
    assert it["babysitting_kim"].state == ItemState.REQUESTED
    assert {line.item.state for line in sheet.lines} == {ItemState.CONFIRMED,
                                                         ItemState.REQUESTED}


def test_cancelled_and_declined_items_are_shown_only_when_asked(demo):
    hidden = {demo.items["club_mueller"].id, demo.items["babysitting_obrien"].id}
    assert not hidden & _ids(_part(daily_run_sheet(DAY), "kids"))
    shown = _part(daily_run_sheet(DAY, include_cancelled=True), "kids")
    assert hidden <= _ids(shown)
    states = {line.item.id: line.item.state for line in shown.lines}
    assert states[demo.items["club_mueller"].id] == ItemState.CANCELLED
    assert states[demo.items["babysitting_obrien"].id] == ItemState.DECLINED


def test_lines_carry_room_guest_party_with_ages_on_the_day_and_language(demo):
    kids = _part(daily_run_sheet(DAY), "kids")
    club = kids.slots[0]
    assert club.slot.booked == 2  # the cancelled booking gave its place back
    by_room = {line.stay.room: line for line in club.lines}
    assert list(by_room) == ["204", "308"]  # by room
    assert by_room["204"].children_ages == [7]  # her birthday is today
    assert by_room["204"].stay.language == "ko"
    assert by_room["308"].item.note.startswith("Allergic")
    babysitting = kids.requests[0]
    assert sorted(babysitting.children_ages) == [2, 7]
    assert babysitting.item.details == {"hours": 3}
    assert (len(babysitting.adults), len(babysitting.children)) == (0, 2)
    assert kids.totals.items == 3 and kids.totals.guests == 1 + 1 + 2


def test_a_slot_belongs_to_the_day_it_starts_at_the_hotel_even_across_midnight(demo):
    disco, late = demo.items["disco_obrien"], demo.items["late_park"]
    # 00:30 at the hotel is still the previous day in UTC: the trap for a UTC date.
    assert late.slot.starts_at.date() == DAY
    today = _ids(_part(daily_run_sheet(DAY), "entertainment"))
    tomorrow = _ids(_part(daily_run_sheet(DAY + timedelta(1)), "entertainment"))
    assert disco.id in today and disco.id not in tomorrow
    assert late.id in tomorrow and late.id not in today


def test_rentals_to_set_up_and_to_collect_with_their_stock(demo):
    part = _part(daily_run_sheet(DAY), "housekeeping")
    rentals = {r.service.slug: r for r in part.rentals}
    crib, stroller = rentals["crib"], rentals["stroller"]
    assert [(line.task, line.stay.room) for line in crib.lines] == [
        (Task.SET_UP, "204"), (Task.COLLECT, "112")]
    assert [(line.task, line.stay.room) for line in stroller.lines] == [(Task.COLLECT, "112")]
    assert (stroller.stock, stroller.out_of_service, stroller.booked) == (4, 1, 1)
    assert (crib.stock, crib.out_of_service, crib.booked) == (6, 0, 1)
    assert part.totals.rental_items == 3


@pytest.mark.parametrize(("unit", "first", "last", "day", "task"), [
    (PricingUnit.PER_UNIT_NIGHT, 0, 2, 0, Task.SET_UP),
    (PricingUnit.PER_UNIT_NIGHT, -2, -1, 0, Task.COLLECT),  # the morning after the last night
    (PricingUnit.PER_UNIT_NIGHT, -2, 0, 0, None),  # still in use tonight
    (PricingUnit.PER_UNIT_DAY, 0, 0, 0, Task.HAND_OUT_AND_COLLECT),
    (PricingUnit.PER_UNIT_DAY, 0, 1, 0, Task.HAND_OUT),
    (PricingUnit.PER_UNIT_DAY, -1, 0, 0, Task.COLLECT),
    (PricingUnit.PER_UNIT_DAY, -3, -1, 0, None),  # came back yesterday
])
def test_rental_task_of_the_day(db, unit, first, last, day, task):
    service = make_service(kind=Kind.RENTAL, pricing_unit=unit, stock=2,
                           delivered_on_arrival=unit == PricingUnit.PER_UNIT_NIGHT)
    on = lambda n: DAY + timedelta(n)  # noqa: E731
    assert rental_task(service, on(first), on(last), on(day)) == task


def test_week_plan_counts_what_each_days_sheet_shows(demo):
    plan = week_plan(DAY - timedelta(1))
    assert len(plan.days) == 7
    for day in plan.days:
        sheet = daily_run_sheet(day)
        for row in plan.rows:
            part = _part(sheet, row.department.slug)
            assert row.days[day].items == part.totals.items, (day, row.department.slug)
            assert row.days[day].guests == part.totals.guests, (day, row.department.slug)
    kids = next(r for r in plan.rows if r.department.slug == "kids")
    assert kids.days[DAY].items == 3 and kids.days[DAY + timedelta(1)].items == 1
    transport = week_plan(DAY, demo.departments["transport"].id)
    assert [r.department.slug for r in transport.rows] == ["transport"]
    assert transport.rows[0].total.items == 1 and transport.rows[0].total.guests == 2
