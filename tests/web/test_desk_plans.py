"""On PostgreSQL, with a year of history in the tables, the planner reads what every desk
page shows through indexes: no statement of a desk page scans the bookings, their items or
the stays from end to end."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import event, text

from hotel.clock import hotel_today
from hotel.models import Role
from tests.conftest import AuthActions
from tests.scenarios import add_guests, book_day, build_desk_hotel

pytestmark = pytest.mark.postgres

# Table names end at a word boundary: booking_item_participant is not booking_item.
WHOLE_TABLE_READ = re.compile(r"Seq Scan on (booking|booking_item|stay)\b")
STAYS = 10_000  # a year: 40,000 bookings and 120,000 items, in a few seconds
LAST_NAMES = ["Kim", "Lee", "Park", "Sato", "Suzuki", "Tanaka", "Wang", "Li", "Zhang", "Nguyen",
              "Tran", "Ivanov", "Petrova", "Mueller", "Schmidt", "Weber", "Martin", "Bernard",
              "Dubois", "Garcia", "Lopez", "Martinez", "Haddad", "Nasser", "Smith", "Jones",
              "Brown", "Taylor", "Wilson", "Evans", "Novak", "Horvat", "Rossi", "Russo",
              "Jensen", "Hansen", "Berger", "Huber", "Gruber", "Wagner"]
FIRST_NAMES = ["Minji", "Haruto", "Wei", "Lan", "Olga", "Anna", "Lukas", "Emma", "Louis",
               "Lucia", "Omar", "Layla", "James", "Olivia", "Noah", "Mia", "Elias", "Sofia"]

# A year of history before the present, in SQL: stays of one to six nights, four bookings
# each (an activity in one of the day's two slots, a crib, a request), mostly completed,
# a rating for one item in ten and an audit entry for each booking. Ids are given in
# blocks after the rows that exist.
YEAR = [
    """CREATE TEMP TABLE base AS SELECT
        (SELECT coalesce(max(id), 0) FROM stay) AS stay,
        (SELECT coalesce(max(id), 0) FROM party_member) AS member,
        (SELECT coalesce(max(id), 0) FROM booking) AS booking,
        (SELECT coalesce(max(id), 0) FROM booking_item) AS item,
        (SELECT coalesce(max(id), 0) FROM slot) AS slot""",
    """INSERT INTO slot (id, service_id, starts_at, ends_at, capacity, booked, closed,
                         closed_reason)
       SELECT base.slot + d * 2 + n + 1, :club, at, at + interval '1 hour', 100000, 0, false, ''
       FROM base, generate_series(0, 365) AS d, generate_series(0, 1) AS n,
            LATERAL (SELECT (CAST(:first AS date) + d + time '09:00'
                             + n * interval '5 hours') AS at) AS starts""",
    """INSERT INTO stay (id, reference, room, first_name, last_name, last_name_key,
                         arrival_on, departure_on, language, email, notes, created_at,
                         updated_at, version)
       SELECT base.stay + g, 'H' || g, (100 + g % 500)::text,
              (CAST(:first_names AS text[]))[1 + g % :first_name_count], name, lower(name),
              CAST(:first AS date) + g * 350 / :stays,
              CAST(:first AS date) + g * 350 / :stays + 1 + g % 6, 'en', '', '', now(), now(), 1
       FROM base, generate_series(1, :stays) AS g, LATERAL (
            SELECT (CAST(:last_names AS text[]))[1 + g * 7 % :last_name_count] AS name) AS n""",
    """INSERT INTO party_member (id, stay_id, position, first_name, last_name, is_child, age)
       SELECT base.member + (stay.id - base.stay - 1) * 2 + p + 1, stay.id, p, 'Ben',
              stay.last_name, p = 1, CASE WHEN p = 1 THEN 6 END
       FROM base, stay, generate_series(0, 1) AS p WHERE stay.id > base.stay""",
    """INSERT INTO booking (id, reference, stay_id, created_at, currency, total,
                            discount_total)
       SELECT base.booking + (stay.id - base.stay - 1) * 4 + j, 'HB' || stay.id || '-' || j,
              stay.id, stay.arrival_on - 2, 'EUR', 0, 0
       FROM base, stay, generate_series(1, 4) AS j WHERE stay.id > base.stay""",
    """INSERT INTO booking_item (id, booking_id, service_id, state, quantity, slot_id, start_on,
                                 end_on, starts_at, details, note, unit_price, subtotal,
                                 discount, price, reason, reason_language, updated_at)
       SELECT base.item + (booking.id - base.booking - 1) * 3 + k, booking.id,
              (ARRAY[:club, :crib, :babysitting])[k],
              (ARRAY['completed', 'completed', 'completed', 'cancelled', 'declined',
                     'completed', 'no_show'])[1 + (booking.id + k) % 7],
              1, CASE WHEN k = 1 THEN base.slot + (day - CAST(:first AS date)) * 2
                                      + booking.id % 2 + 1 END,
              day, day + CASE WHEN k = 2 THEN 1 ELSE 0 END,
              CASE WHEN k <> 2 THEN day + time '10:00' END, '{}', '', 10, 10, 0, 10, '', '',
              now()
       FROM base, booking JOIN stay ON stay.id = booking.stay_id,
            generate_series(1, 3) AS k,
            LATERAL (SELECT stay.arrival_on + (booking.id % (stay.departure_on
                                                             - stay.arrival_on)) AS day) AS on_day
       WHERE booking.id > base.booking""",
    """INSERT INTO booking_item_participant (booking_item_id, party_member_id)
       SELECT item.id, base.member + (booking.stay_id - base.stay - 1) * 2 + 2
       FROM base, booking_item AS item JOIN booking ON booking.id = item.booking_id
       WHERE item.id > base.item AND item.slot_id IS NOT NULL""",
    """INSERT INTO rating (booking_item_id, stay_id, score, comment, created_at)
       SELECT item.id, booking.stay_id, 4, '', item.start_on + 1
       FROM base, booking_item AS item JOIN booking ON booking.id = item.booking_id
       WHERE item.id > base.item AND item.state = 'completed' AND item.id % 10 = 0""",
    """INSERT INTO audit_entry (created_at, stay_id, action, object_type, object_id, details)
       SELECT booking.created_at, booking.stay_id, 'booking.created', 'Booking',
              booking.id::text, '{}'
       FROM base, booking WHERE booking.id > base.booking""",
]
SEQUENCES = ("stay", "party_member", "booking", "booking_item", "slot")


def _add_a_year(db, hotel, today) -> None:
    """Add a year of history before ``today``, then let the planner see it (ANALYZE)."""
    values = {"first": today - timedelta(days=366), "stays": STAYS, "club": hotel["club"].id,
              "crib": hotel["crib"].id, "babysitting": hotel["babysitting"].id,
              "last_names": LAST_NAMES, "last_name_count": len(LAST_NAMES),
              "first_names": FIRST_NAMES, "first_name_count": len(FIRST_NAMES)}
    for statement in YEAR:
        db.session.execute(text(statement), values)
    for table in SEQUENCES:
        db.session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                f"(SELECT max(id) FROM {table}))"))
    db.session.execute(text("DROP TABLE base"))
    db.session.commit()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))


def _pages(today) -> list[tuple[str, str]]:
    past = (today - timedelta(days=100)).isoformat()
    return [
        ("reception", "/desk/"),
        ("reception", "/desk/requests"),
        ("reception", "/desk/requests?state=confirmed"),
        ("reception", "/desk/requests?state="),
        ("reception", f"/desk/requests?state=&day={today.isoformat()}"),
        ("reception", f"/desk/requests?state=&day={past}"),
        ("reception", "/desk/requests?state=&guest=kim"),
        ("reception", "/desk/requests?state=&guest=H123"),
        ("reception", "/desk/requests?state=&room=201"),
        ("reception", "/desk/schedule"),
        ("reception", f"/desk/schedule?date={past}&department=all"),
        ("reception", "/desk/schedule.csv"),
        ("reception", "/desk/stays"),
        ("reception", "/desk/stays?when=all&q=kim"),
        ("reception", "/desk/stays?when=all&q=H123"),
        ("reception", "/desk/book?q=kim"),
        ("kids", "/desk/"),
        ("kids", "/desk/requests?state="),
        ("kids", "/desk/schedule"),
        ("kids", f"/desk/schedule?date={past}"),
        ("manager", "/desk/schedule/week"),
        ("manager", f"/desk/schedule/week?start={past}"),
        ("manager", "/desk/audit"),
        ("manager", "/desk/audit?object_type=Booking"),
        ("manager", "/desk/reports"),
    ]


def _statements(app, db, hotel, today) -> list[tuple[str, str, object]]:
    """Open every desk page as whoever uses it; return ((who, path), statement, parameters)
    of every SELECT they sent."""
    sent = []
    for who, role in (("reception", Role.RECEPTION), ("kids", Role.STAFF),
                      ("manager", Role.MANAGER)):
        client = app.test_client()
        AuthActions(client).staff_login(role, hotel["kids"] if role == Role.STAFF else None)
        for page_who, path in _pages(today):
            if page_who != who:
                continue

            def record(conn, cursor, statement, parameters, context, executemany,
                       who=who, path=path):
                if statement.lstrip().upper().startswith("SELECT"):
                    sent.append(((who, path), statement, parameters))

            event.listen(db.engine, "before_cursor_execute", record)
            try:
                assert client.get(path).status_code == 200, path
            finally:
                event.remove(db.engine, "before_cursor_execute", record)
    return sent


@pytest.fixture
def year(app, db):
    """Run on PostgreSQL only; at the end, empty the tables the year fills at once (row by
    row, as after other tests, would take a minute)."""
    if app.config["BACKEND"] != "postgresql":
        pytest.skip("the plans are PostgreSQL's")
    yield
    db.session.rollback()
    db.session.execute(text(
        "TRUNCATE audit_entry, rating, booking_item_participant, booking_item, booking, "
        "party_member, stay, slot, rental_day RESTART IDENTITY CASCADE"))
    db.session.commit()


def test_no_desk_page_reads_all_the_bookings_items_or_stays(app, db, year):
    today = hotel_today()
    hotel = build_desk_hotel()
    guests = add_guests(20, today, nights=3) + add_guests(20, today - timedelta(2))
    book_day(hotel, today, 200, guests)
    _add_a_year(db, hotel, today)

    whole_reads = []
    sent = _statements(app, db, hotel, today)
    with db.engine.connect() as connection:
        for path, statement, parameters in sent:
            plan = "\n".join(connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)
                             .scalars())
            if WHOLE_TABLE_READ.search(plan):
                whole_reads.append(f"{path}\n{' '.join(statement.split())}\n{plan}")
    assert len({page for page, _, _ in sent}) == len(_pages(today))
    assert not whole_reads, "\n\n".join(whole_reads)
