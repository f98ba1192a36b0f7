"""Guests rate completed services; managers read the reports page and its CSV downloads."""

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hotel.models import ItemState, Rating, Role, TicketKind
from tests.factories import (
    make_booking_item,
    make_department,
    make_rating,
    make_service,
    make_staff,
    make_stay,
    make_ticket,
    make_ticket_category,
)
from tests.helpers import post_form

VIENNA = ZoneInfo("Europe/Vienna")
SPAN = "from=2026-03-02&to=2026-03-15"  # ISO weeks 2026-W10 and 2026-W11


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=VIENNA).astimezone(UTC)


# ---- guests rate what they received


@pytest.fixture
def guest(db, client, auth):
    """A signed-in guest with a completed, a confirmed and somebody else's item."""
    stay = make_stay(arrival_on=date.today() - timedelta(days=2))
    service = make_service(texts={"en": ("Pony rides", "")})
    completed = make_booking_item(stay, service, state=ItemState.COMPLETED,
                                  start_on=date.today() - timedelta(days=1))
    confirmed = make_booking_item(stay, service, state=ItemState.CONFIRMED,
                                  start_on=date.today() + timedelta(days=1))
    other = make_booking_item(make_stay(), service, state=ItemState.COMPLETED,
                              start_on=date.today() - timedelta(days=1))
    db.session.commit()
    auth.guest_login(stay)
    return {"stay": stay, "completed": completed, "confirmed": confirmed, "other": other}


def rate_path(item) -> str:
    return f"/my-bookings/items/{item.id}/rate"


def ratings(db) -> list[tuple[int, int, str]]:
    db.session.expire_all()
    return [(r.booking_item_id, r.score, r.comment) for r in db.session.query(Rating)]


def test_guest_rates_a_completed_item_and_sees_the_rating(client, db, guest):
    item = guest["completed"]
    page = client.get("/my-bookings").get_data(as_text=True)
    assert f'href="{rate_path(item)}"' in page
    assert f'href="{rate_path(guest["confirmed"])}"' not in page

    form = client.get(rate_path(item))
    assert form.status_code == 200
    assert "Rate Pony rides" in form.get_data(as_text=True)
    assert 'type="radio"' in form.get_data(as_text=True)

    response = post_form(client, rate_path(item), {"score": "4", "comment": "Lovely ponies"},
                         token_from=rate_path(item))
    assert response.status_code == 302
    assert ratings(db) == [(item.id, 4, "Lovely ponies")]
    page = client.get("/my-bookings").get_data(as_text=True)
    assert "Your rating: 4 of 5" in page
    assert f'href="{rate_path(item)}"' not in page


def test_rating_twice_is_refused_with_a_message(client, db, guest):
    item = guest["completed"]
    post_form(client, rate_path(item), {"score": "5"}, token_from=rate_path(item))
    response = post_form(client, rate_path(item), {"score": "1"}, token_from="/my-bookings")
    assert response.status_code == 409
    assert "You have already rated this service." in response.get_data(as_text=True)
    assert ratings(db) == [(item.id, 5, "")]
    again = client.get(rate_path(item))
    assert "Your rating: 5 of 5" in again.get_data(as_text=True)
    assert 'type="radio"' not in again.get_data(as_text=True)


def test_an_item_not_yet_completed_cannot_be_rated(client, db, guest):
    item = guest["confirmed"]
    page = client.get(rate_path(item))
    assert page.status_code == 409
    assert "You can rate a service once it has taken place." in page.get_data(as_text=True)
    response = post_form(client, rate_path(item), {"score": "5"}, token_from="/my-bookings")
    assert response.status_code == 409
    assert ratings(db) == []


def test_someone_elses_item_is_not_found(client, db, guest):
    assert client.get(rate_path(guest["other"])).status_code == 404
    response = post_form(client, rate_path(guest["other"]), {"score": "5"},
                         token_from="/my-bookings")
    assert response.status_code == 404
    assert ratings(db) == []


@pytest.mark.parametrize(("data", "message"), [
    ({}, "Please choose from 1 to 5."),
    ({"score": "9"}, "Not a valid choice"),
    ({"score": "3", "comment": "x" * 1001}, "Please keep the comment under 1000 characters."),
])
def test_a_bad_rating_form_is_shown_again(client, db, guest, data, message):
    item = guest["completed"]
    response = post_form(client, rate_path(item), data, token_from=rate_path(item))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert ratings(db) == []


def test_signed_out_guest_is_sent_to_sign_in(client, db, guest):
    with client.session_transaction() as session:
        session.clear()
    response = client.get(rate_path(guest["completed"]))
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_my_bookings_query_count_does_not_grow_with_ratings(client, db, guest, count_queries):
    stay, service = guest["stay"], make_service()

    def add(count):
        for _ in range(count):
            item = make_booking_item(stay, service, state=ItemState.COMPLETED,
                                     start_on=date.today() - timedelta(days=1))
            make_rating(item, 3)
        db.session.commit()

    counts = []
    for count in (2, 20):
        add(count)
        client.application.extensions["catalogue_cache"].clear()  # as a process meets it
        with count_queries() as counter:
            page = client.get("/my-bookings")
        assert page.status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]


# ---- managers read the reports


@pytest.fixture
def figures(db):
    """Fixtures with known answers over 2 to 15 March 2026."""
    kids = make_department(name="Kids club")
    club = make_service(department=kids, texts={"en": ("Mini club", "")})
    stay = make_stay()
    for score in (5, 4, 3):
        item = make_booking_item(stay, club, state=ItemState.COMPLETED,
                                 start_on=date(2026, 3, 3))
        make_rating(item, score, created_at=at(4))
    room = make_ticket_category(name="Room", department=kids)
    pool = make_ticket_category(name="Pool", department=kids)
    # complaints: two in W10 (one late on Sunday at the hotel), one in W11
    make_ticket(stay, room, created_at=at(3, 8), answered_at=at(3, 9), satisfaction=4)
    make_ticket(stay, room, created_at=at(8, 23, 30), answered_at=at(9, 1, 30),
                satisfaction=5)
    make_ticket(stay, pool, created_at=at(10, 8), answered_at=at(10, 14))
    make_ticket(stay, pool, kind=TicketKind.QUESTION, created_at=at(11))
    users = {role: make_staff(role=role, department=kids if role == Role.STAFF else None)
             for role in Role}
    db.session.commit()
    return {"users": users, "club": club, "room": room, "pool": pool}


def row(page: str, table_id: str, name: str) -> list[str]:
    """Return the cells of the row that a table's first column names."""
    table = page.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    for found in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = [re.sub(r"<[^>]+>", "", cell).strip()
                 for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", found, re.S)]
        if cells and cells[0] == name:
            return cells
    raise AssertionError(f"no row {name!r} in {table_id}")


def test_report_page_shows_the_known_figures(client, auth, figures):
    auth.staff_login(username=figures["users"][Role.MANAGER].username)
    response = client.get(f"/desk/reports?{SPAN}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert row(page, "ratings-per-service", "Mini club") == ["Mini club", "Kids club", "4.00", "3"]
    assert row(page, "ratings-per-department", "Kids club") == ["Kids club", "4.00", "3"]
    assert row(page, "tickets-per-category", "Room") == ["Room", "2", "0", "0", "2"]
    assert row(page, "tickets-per-category", "Pool") == ["Pool", "1", "1", "0", "2"]
    weeks = re.findall(r'data-week="([^"]+)">.*?class="num">(\d+)<', page, re.S)
    assert weeks == [("2026-W10", "2"), ("2026-W11", "1")]
    assert '<dd id="response-median">2 hours</dd>' in page
    assert '<dd id="response-worst">6 hours</dd>' in page
    assert row(page, "response-per-category", "Room")[1:] == ["2", "1 hour and 30 minutes",
                                                               "2 hours"]
    assert "4.50 from 2 answers" in page
    assert page.count('role="img"') == 5


def test_report_page_defaults_to_the_last_30_days(client, auth, figures, db):
    make_ticket(make_stay(), figures["room"], created_at=datetime.now(UTC) - timedelta(hours=1))
    db.session.commit()
    auth.staff_login(username=figures["users"][Role.MANAGER].username)
    page = client.get("/desk/reports").get_data(as_text=True)
    assert row(page, "tickets-per-category", "Room") == ["Room", "1", "0", "0", "1"]
    assert "Mini club" not in page  # rated in March 2026, long before


def test_report_numbers_follow_the_readers_locale(client, auth, figures):
    auth.staff_login(username=figures["users"][Role.MANAGER].username)
    page = client.get(f"/desk/reports?{SPAN}&lang=de").get_data(as_text=True)
    assert row(page, "ratings-per-service", "Mini club")[2] == "4,00"
    assert '<dd id="response-worst">6 Stunden</dd>' in page
    arabic = client.get(f"/desk/reports?{SPAN}&lang=ar").get_data(as_text=True)
    assert arabic.count('direction="rtl"') == 5


def read_csv(response) -> list[list[str]]:
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_csv_downloads_match_the_page(client, auth, figures):
    auth.staff_login(username=figures["users"][Role.MANAGER].username)

    response = client.get(f"/desk/reports.csv?report=ratings&{SPAN}")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == ["Service", "Department", "Average rating", "Ratings"]
    assert ["Mini club", "Kids club", "4.00", "3"] in rows
    assert ["Kids club", "4.00", "3"] in rows

    rows = read_csv(client.get(f"/desk/reports.csv?report=complaints&{SPAN}"))
    assert ["Room", "2", "0", "0", "2"] in rows and ["Pool", "1", "1", "0", "2"] in rows
    assert ["2026-W10", "2026-03-02", "2"] in rows and ["2026-W11", "2026-03-09", "1"] in rows

    rows = read_csv(client.get(f"/desk/reports.csv?report=response&{SPAN}"))
    assert ["All categories", "3", "120", "360"] in rows
    assert ["Room", "2", "90", "120"] in rows

    rows = read_csv(client.get(f"/desk/reports.csv?report=satisfaction&{SPAN}"))
    assert ["Complaint", "4.50", "2"] in rows
    assert ["All tickets", "4.50", "2"] in rows


def test_csv_in_the_readers_language(client, auth, figures):
    auth.staff_login(username=figures["users"][Role.MANAGER].username)
    rows = read_csv(client.get(f"/desk/reports.csv?report=ratings&{SPAN}&lang=de"))
    assert rows[0][0] != "Service" and rows[0][0]


@pytest.mark.parametrize("query", ["from=2026-03-15&to=2026-03-01", "from=yesterday",
                                   "from=2020-01-01&to=2026-03-01"])
def test_a_bad_period_is_refused_with_a_message(client, auth, figures, query):
    auth.staff_login(username=figures["users"][Role.MANAGER].username)
    page = client.get(f"/desk/reports?{query}")
    assert page.status_code == 422
    assert 'class="field-errors"' in page.get_data(as_text=True)
    download = client.get(f"/desk/reports.csv?report=ratings&{query}")
    assert download.status_code == 422
    assert download.get_data(as_text=True).strip()


def test_unknown_report_is_not_found(client, auth, figures):
    auth.staff_login(username=figures["users"][Role.MANAGER].username)
    assert client.get(f"/desk/reports.csv?report=salaries&{SPAN}").status_code == 404


@pytest.mark.parametrize("path", ["/desk/reports", "/desk/reports.csv?report=ratings"])
@pytest.mark.parametrize("role", [Role.RECEPTION, Role.STAFF])
def test_only_managers_read_reports(client, auth, figures, path, role):
    auth.staff_login(username=figures["users"][role].username)
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/desk/reports", "/desk/reports.csv?report=ratings"])
def test_anonymous_visitors_are_sent_to_log_in(client, figures, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/desk/login" in response.headers["Location"]


@pytest.mark.parametrize(("role", "shown"), [(Role.MANAGER, True), (Role.RECEPTION, False)])
def test_reports_are_in_the_managers_menu_only(client, auth, figures, role, shown):
    auth.staff_login(username=figures["users"][role].username)
    page = client.get("/desk/requests")
    assert page.status_code == 200
    assert ('href="/desk/reports"' in page.get_data(as_text=True)) is shown


def test_report_page_query_count_does_not_grow(client, auth, db, figures, count_queries):
    auth.staff_login(username=figures["users"][Role.MANAGER].username)
    stay, club = make_stay(), figures["club"]
    counts = []
    for size in (5, 100):
        for number in range(size):
            when = at(2 + number % 14, 10)
            make_ticket(stay, [figures["room"], figures["pool"]][number % 2], created_at=when,
                        kind=list(TicketKind)[number % 3],
                        answered_at=when + timedelta(minutes=5 + number),
                        satisfaction=1 + number % 5, flush=False)
            item = make_booking_item(stay, club, state=ItemState.COMPLETED,
                                     start_on=date(2026, 3, 3), participants=[], quantity=1)
            make_rating(item, 1 + number % 5, created_at=when, flush=False)
        db.session.commit()
        with count_queries() as counter:
            assert client.get(f"/desk/reports?{SPAN}").status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]
