"""Every desk page reads what it shows: it sends the same SQL statements on a quiet day
after a short history as on a day of 2,000 bookings after a long one."""

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import insert, select

from hotel.clock import hotel_today, local_to_utc
from hotel.extensions import db as _db
from hotel.models import (
    AuditEntry,
    CapacityUnit,
    ItemState,
    Kind,
    PricingUnit,
    Rating,
    RentalDay,
    Role,
    Slot,
)
from tests.conftest import AuthActions
from tests.factories import (
    add_slot,
    insert_bookings,
    make_department,
    make_service,
    make_stay,
)

# (who, path): every desk page whose queries are bounded by what it shows.
PAGES = [
    ("reception", "/desk/"),
    ("reception", "/desk/requests"),
    ("reception", "/desk/requests?state=confirmed"),
    ("reception", "/desk/requests?state="),
    ("reception", "/desk/requests?state=&day={today}"),
    ("reception", "/desk/requests?state=&guest=kim"),
    ("reception", "/desk/requests?state=&room=201"),
    ("reception", "/desk/schedule"),
    ("reception", "/desk/schedule.csv"),
    ("reception", "/desk/stays"),
    ("reception", "/desk/stays?when=all&q=kim"),
    ("reception", "/desk/book?q=kim"),
    ("kids", "/desk/"),
    ("kids", "/desk/requests?state="),
    ("kids", "/desk/schedule"),
    ("manager", "/desk/schedule/week"),
    ("manager", "/desk/audit"),
    ("manager", "/desk/audit?who=guests"),
    ("manager", "/desk/reports"),
]


@pytest.fixture
def hotel(db):
    """A kids club with its slots and babysitting, cribs and strollers, transfers."""
    kids = make_department("kids", "Kids club")
    house = make_department("housekeeping", "Housekeeping")
    transport = make_department("transport", "Transport")
    services = {
        "club": make_service("club", department=kids, max_quantity=50,
                             texts={"en": ("Kids club", "")}),
        "babysitting": make_service(
            "babysitting", kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_HOUR,
            department=kids, requires_approval=True, request_fields=["hours"],
            capacity_unit=CapacityUnit.UNITS, texts={"en": ("Babysitting", "")}),
        "crib": make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                             department=house, stock=100_000, delivered_on_arrival=True,
                             capacity_unit=CapacityUnit.UNITS, texts={"en": ("Crib", "")}),
        "stroller": make_service("stroller", kind=Kind.RENTAL,
                                 pricing_unit=PricingUnit.PER_UNIT_DAY, department=house,
                                 stock=100_000, capacity_unit=CapacityUnit.UNITS,
                                 texts={"en": ("Stroller", "")}),
        "transfer": make_service(
            "transfer", kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_BOOKING,
            department=transport, requires_approval=True, request_fields=["pickup_place"],
            capacity_unit=CapacityUnit.UNITS, texts={"en": ("Transfer", "")}),
    }
    db.session.commit()
    return {"kids": kids, **services}


def _stays(count: int, arrival_on, nights: int = 4) -> list:
    return [make_stay(last_name=["Kim", "Weber", "Nguyen", "Dubois"][number % 4],
                      arrival_on=arrival_on, nights=nights, children=[6], room=str(200 + number))
            for number in range(count)]


def _slot(service, day, hour: int) -> Slot:
    starts_at = local_to_utc(day, time(hour, 0))
    found = _db.session.scalar(select(Slot).where(Slot.service_id == service.id,
                                                  Slot.starts_at == starts_at))
    return found or add_slot(service, day, time(hour, 0), capacity=100_000)


def _book_day(hotel, day, count: int, stays: list, history: bool = False) -> list[int]:
    """Book ``count`` items on a day, of every kind in turn; return the items' ids."""
    slots = [_slot(hotel["club"], day, hour) for hour in (10, 15)]
    for service in (hotel["crib"], hotel["stroller"]):
        for on in (day - timedelta(1), day, day + timedelta(1)):
            if not _db.session.scalar(
                    select(RentalDay.id).where(RentalDay.service_id == service.id,
                                               RentalDay.day == on)):
                _db.session.add(RentalDay(service_id=service.id, day=on, capacity=100_000,
                                          booked=0))
    _db.session.flush()
    bookings = []
    for number in range(count):
        stay = stays[number % len(stays)]
        child = [member for member in stay.members if member.is_child][:1]
        state = (ItemState.COMPLETED if history else
                 ItemState.REQUESTED if number % 5 == 0 else ItemState.CONFIRMED)
        kind = number % 4
        if kind == 0:
            slot = slots[number % 2]
            fields = {"service_id": hotel["club"].id, "slot_id": slot.id, "start_on": day,
                      "end_on": day, "starts_at": slot.starts_at, "participants": child}
        elif kind == 1:
            fields = {"service_id": hotel["crib"].id, "start_on": day, "end_on": day + timedelta(1)}
        elif kind == 2:
            fields = {"service_id": hotel["stroller"].id, "start_on": day - timedelta(1),
                      "end_on": day}
        else:
            service = hotel["transfer"] if number % 8 == 3 else hotel["babysitting"]
            fields = {"service_id": service.id, "start_on": day, "end_on": day,
                      "starts_at": local_to_utc(day, time(16, 0)), "participants": child}
        bookings.append((stay, [{**fields, "state": state}]))
    ids = [item for items in insert_bookings(bookings) for item in items]
    _db.session.commit()
    return ids


def _history(db, item_ids: list[int], stays: list) -> None:
    """Rate a quarter of the items and log each, as the guests and reception would."""
    now = datetime.now(UTC)
    db.session.execute(insert(Rating), [
        {"booking_item_id": item_id, "stay_id": stays[number % len(stays)].id, "score": 4,
         "comment": "", "created_at": now - timedelta(days=number % 20)}
        for number, item_id in enumerate(item_ids[::4])])
    db.session.execute(insert(AuditEntry), [
        {"action": "item.completed" if number % 2 else "booking.created",
         "object_type": "BookingItem", "object_id": str(item_id),
         "stay_id": stays[0].id if number % 2 == 0 else None, "details": {},
         "created_at": now - timedelta(minutes=number)}
        for number, item_id in enumerate(item_ids)])
    db.session.commit()


def _statements(app, count_queries, hotel) -> dict[tuple[str, str], int]:
    """Sign in reception, kids club staff and a manager; return each page's statements."""
    found = {}
    for who, role in (("reception", Role.RECEPTION), ("kids", Role.STAFF),
                      ("manager", Role.MANAGER)):
        client = app.test_client()
        AuthActions(client).staff_login(role, hotel["kids"] if role == Role.STAFF else None)
        for page_who, path in PAGES:
            if page_who != who:
                continue
            with count_queries() as counter:
                response = client.get(path.format(today=hotel_today().isoformat()))
            assert response.status_code == 200, (path, response.status_code)
            found[who, path] = counter.count
    return found


def test_every_desk_page_sends_the_same_statements_on_a_busy_day_after_a_long_history(
        app, db, hotel, count_queries):
    today = hotel_today()
    # A quiet day: some guests arrive, some are in house, some leave.
    guests = (_stays(4, today, nights=3) + _stays(4, today - timedelta(2))
              + _stays(2, today - timedelta(3), nights=3))
    past = _stays(4, today - timedelta(40))
    _history(db, _book_day(hotel, today - timedelta(38), 8, past, history=True), past)
    _book_day(hotel, today, 10, guests)
    quiet = _statements(app, count_queries, hotel)

    # A long history: 60 earlier days of 40 bookings each, rated and logged.
    for days_ago in range(3, 63):
        stays = _stays(2, today - timedelta(days_ago + 1))
        _history(db, _book_day(hotel, today - timedelta(days_ago), 40, stays, history=True),
                 stays)
    # A busy day: 2,000 bookings, for 300 stays in house.
    crowd = _stays(150, today, nights=3) + _stays(150, today - timedelta(2))
    _book_day(hotel, today, 1990, guests + crowd)
    busy = _statements(app, count_queries, hotel)

    assert busy == quiet
