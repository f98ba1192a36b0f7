"""The daily run sheet and the week plan, on a demo day covering every kind of service."""

from datetime import timedelta

import pytest

from hotel.models import ItemState, Kind, PricingUnit
from hotel.services.run_sheet import Task, daily_run_sheet, rental_task
from hotel.services.week_plan import week_plan
from tests.factories import make_service
from tests.scenarios import DAY, build_demo_day


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
