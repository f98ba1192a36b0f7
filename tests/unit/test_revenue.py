"""Revenue and use against a week with known answers: sales per service, department,
package and day, the discounts, cancellation and no-show rates, fill per activity and
time, in a fixed number of queries however many bookings there are."""

from datetime import date, time
from decimal import Decimal

import pytest

from hotel.models import Fee, FeeKind, ItemState, Kind
from hotel.services.reports import Period
from hotel.services.revenue import revenue_report
from tests.factories import (
    add_slot,
    make_booking_item,
    make_department,
    make_package,
    make_service,
    make_stay,
)

WEEK = Period(date(2030, 7, 1), date(2030, 7, 7))
JULY = {day: date(2030, 7, day) for day in range(1, 31)}


def sold(stay, service, state, price, quantity=1, *, discount="0.00", slot=None, day=None,
         package=None):
    people = stay.members[:quantity]
    item = make_booking_item(stay, service, state=state, slot=slot, participants=people,
                             start_on=day, quantity=quantity)
    item.price, item.discount = Decimal(price), Decimal(discount)
    item.subtotal = item.price + item.discount
    item.booking.package = package
    return item


@pytest.fixture
def week(db):
    """Two departments, three services, a package, slots open and closed, ten items."""
    kids, stables = make_department("kids", "Kids club"), make_department("stables", "Stables")
    club = make_service("club", department=kids, texts={"en": ("Kids club", "")})
    riding = make_service("riding", department=stables, texts={"en": ("Riding", "")})
    sitting = make_service("sitting", kind=Kind.ON_REQUEST, department=kids,
                           texts={"en": ("Babysitting", "")})
    family = make_package([club, riding], slug="family", texts={"en": ("Family", "")})
    morning = add_slot(club, JULY[1], time(10, 0), capacity=10)
    afternoon = add_slot(club, JULY[1], time(15, 0), capacity=10)
    next_morning = add_slot(club, JULY[2], time(10, 0), capacity=10)
    add_slot(club, JULY[3], time(10, 0), capacity=10, closed=True)  # not offered
    ride = add_slot(riding, JULY[1], time(9, 0), capacity=4)
    add_slot(riding, JULY[9], time(9, 0), capacity=4)  # after the week
    stay = make_stay(arrival_on=JULY[1], nights=25, adults=3)
    sold(stay, club, ItemState.CONFIRMED, "36.00", 2, discount="4.00", slot=morning,
         package=family)
    sold(stay, club, ItemState.COMPLETED, "60.00", 3, slot=morning)
    late = sold(stay, club, ItemState.CANCELLED, "40.00", 2, slot=afternoon)
    missed = sold(stay, club, ItemState.NO_SHOW, "20.00", 1, slot=next_morning)
    sold(stay, club, ItemState.REQUESTED, "20.00", 1, slot=afternoon)
    sold(stay, riding, ItemState.COMPLETED, "54.00", 2, discount="6.00", slot=ride,
         package=family)
    sold(stay, riding, ItemState.CANCELLED_BY_HOTEL, "30.00", 1, slot=ride)
    sold(stay, sitting, ItemState.CONFIRMED, "45.00", day=JULY[2])
    sold(stay, sitting, ItemState.DECLINED, "45.00", day=JULY[3])
    later = sold(stay, sitting, ItemState.CONFIRMED, "45.00", day=JULY[20])  # after the week
    db.session.flush()
    for item, kind, amount in ((late, FeeKind.LATE_CANCELLATION, "20.00"),
                               (missed, FeeKind.NO_SHOW, "20.00"),
                               (later, FeeKind.NO_SHOW, "45.00")):  # not the week's
        db.session.add(Fee(booking_item_id=item.id, stay_id=stay.id, kind=kind,
                           percent=Decimal("50"), amount=Decimal(amount), currency="EUR"))
    db.session.commit()
    return {"club": club, "riding": riding, "sitting": sitting, "stay": stay, "ride": ride}


def names(rows) -> list:
    return [(row.subject.text("en").name if row.subject is not None else None,
             row.sales.items, row.sales.amount, row.sales.discount) for row in rows]


def test_sales_per_service_department_package_and_day(app, week):
    with app.test_request_context("/desk/reports/revenue"):
        report = revenue_report(WEEK)
    assert (report.total.amount, report.total.discount, report.total.items) == (
        Decimal("195.00"), Decimal("10.00"), 4)
    assert report.fees == Decimal("40.00")  # the late cancellation's and the no-show's
    assert names(report.by_service) == [("Kids club", 2, Decimal("96.00"), Decimal("4.00")),
                                        ("Riding", 1, Decimal("54.00"), Decimal("6.00")),
                                        ("Babysitting", 1, Decimal("45.00"), Decimal("0.00"))]
    assert names(report.by_department) == [
        ("Kids club", 3, Decimal("141.00"), Decimal("4.00")),
        ("Stables", 1, Decimal("54.00"), Decimal("6.00"))]
    assert names(report.by_package) == [(None, 2, Decimal("105.00"), Decimal("0.00")),
                                        ("Family", 2, Decimal("90.00"), Decimal("10.00"))]
    assert [(day, sales.amount) for day, sales in report.by_day] == [
        (JULY[1], Decimal("150.00")), (JULY[2], Decimal("45.00"))]


def test_cancellation_and_no_show_rates(app, week):
    with app.test_request_context("/desk/reports/revenue"):
        report = revenue_report(WEEK)
    rates = {row.service.slug: (row.outcomes.booked, row.outcomes.cancellation_rate,
                                row.outcomes.no_show_rate) for row in report.outcomes}
    assert rates == {"club": (5, Decimal("20.0"), Decimal("50.0")),
                     "riding": (2, Decimal("0.0"), Decimal("0.0")),
                     "sitting": (2, Decimal("0.0"), None)}
    overall = report.overall
    assert (overall.booked, overall.cancelled, overall.cancelled_by_hotel, overall.declined,
            overall.completed, overall.no_show) == (9, 1, 1, 1, 2, 1)
    assert (overall.cancellation_rate, overall.no_show_rate) == (Decimal("11.1"),
                                                                 Decimal("33.3"))


def test_fill_per_activity_and_per_slot_time(app, week):
    with app.test_request_context("/desk/reports/revenue"):
        report = revenue_report(WEEK)
    assert [(row.service.slug, row.fill.booked, row.fill.capacity, row.fill.rate)
            for row in report.fill_by_activity] == [("club", 7, 30, Decimal("23.3")),
                                                    ("riding", 2, 4, Decimal("50.0"))]
    assert [(row.service.slug, row.at, row.fill.slots, row.fill.rate)
            for row in report.fill_by_time] == [
        ("club", time(10, 0), 2, Decimal("30.0")), ("club", time(15, 0), 1, Decimal("10.0")),
        ("riding", time(9, 0), 1, Decimal("50.0"))]
    assert (report.fill.booked, report.fill.capacity, report.fill.rate) == (
        9, 34, Decimal("26.5"))


def test_the_report_takes_as_many_queries_with_ten_items_as_with_two_hundred(
        app, db, week, count_queries):
    counts = []
    for extra in (0, 190):
        for _ in range(extra):
            sold(week["stay"], week["riding"], ItemState.COMPLETED, "10.00", slot=None,
                 day=JULY[4])
        db.session.commit()
        with app.test_request_context("/desk/reports/revenue"), count_queries() as counter:
            report = revenue_report(WEEK)
        counts.append(counter.count)
    statements = [s for s in counter.statements if s != "BEGIN"]  # SQLite's read begin
    assert len(statements) == 8 and counts[0] == counts[1]
    assert report.total.amount == Decimal("2095.00")
