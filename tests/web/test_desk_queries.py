"""Every desk page reads what it shows: it sends the same SQL statements on a quiet day
after a short history as on a day of 2,000 bookings after a long one."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from hotel.clock import hotel_today
from hotel.models import AuditEntry, Rating, Role
from tests.conftest import AuthActions
from tests.scenarios import add_guests, book_day, build_desk_hotel

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
    return build_desk_hotel()


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
            # Counted as a process meets the page first: what is kept per catalogue version
            # (the filters' services and departments) is read again.
            app.extensions["catalogue_cache"].clear()
            with count_queries() as counter:
                response = client.get(path.format(today=hotel_today().isoformat()))
            assert response.status_code == 200, (path, response.status_code)
            found[who, path] = counter.count
    return found


def test_every_desk_page_sends_the_same_statements_on_a_busy_day_after_a_long_history(
        app, db, hotel, count_queries):
    today = hotel_today()
    # A quiet day: some guests arrive, some are in house, some leave.
    guests = (add_guests(4, today, nights=3) + add_guests(4, today - timedelta(2))
              + add_guests(2, today - timedelta(3), nights=3))
    past = add_guests(4, today - timedelta(40))
    _history(db, book_day(hotel, today - timedelta(38), 8, past, history=True), past)
    book_day(hotel, today, 10, guests)
    quiet = _statements(app, count_queries, hotel)

    # A long history: 60 earlier days of 40 bookings each, rated and logged.
    for days_ago in range(3, 63):
        stays = add_guests(2, today - timedelta(days_ago + 1))
        _history(db, book_day(hotel, today - timedelta(days_ago), 40, stays, history=True),
                 stays)
    # A busy day: 2,000 bookings, for 300 stays in house.
    crowd = add_guests(150, today, nights=3) + add_guests(150, today - timedelta(2))
    book_day(hotel, today, 1990, guests + crowd)
    busy = _statements(app, count_queries, hotel)

    assert busy == quiet
