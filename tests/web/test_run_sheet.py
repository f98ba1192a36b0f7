"""The run sheet pages: who may see what, the sheet's content, CSV, languages, queries."""

import csv
import io
import re
from datetime import timedelta

import pytest
from babel.dates import format_date

from hotel.extensions import db as _db
from hotel.models import ItemState, Role
from hotel.services.catalogue import update_service
from hotel.services.rentals import change_stock
from tests.factories import insert_bookings, make_slot, make_staff, make_stay
from tests.scenarios import DAY, at, build_demo_day

SHEET = f"/desk/schedule?date={DAY.isoformat()}"
ROW = re.compile(r'<tr class="sheet-line" data-item="(\d+)" data-reference="([^"]+)" '
                 r'data-room="([^"]+)"')


@pytest.fixture
def demo(db):
    return build_demo_day()


@pytest.fixture
def as_role(auth, demo):
    """Sign in as reception, a manager, or kids-club staff."""
    def sign_in(role: Role, department: str = "kids"):
        return auth.staff_login(role, demo.departments[department]
                                if role == Role.STAFF else None)
    return sign_in


@pytest.mark.parametrize("path", [SHEET, "/desk/schedule.csv", "/desk/schedule/week"])
def test_anonymous_visitors_are_sent_to_the_login(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/desk/login" in response.headers["Location"]


@pytest.mark.parametrize(("role", "query", "status"), [
    (Role.STAFF, "", 200),  # their own department by default
    (Role.STAFF, "&department=kids", 200),
    (Role.STAFF, "&department=transport", 403),
    (Role.STAFF, "&department=all", 403),
    (Role.RECEPTION, "", 200),
    (Role.RECEPTION, "&department=transport", 200),
    (Role.MANAGER, "&department=all", 200),
    (Role.RECEPTION, "&department=no-such-team", 404),
])
def test_who_may_see_which_department(client, as_role, role, query, status):
    as_role(role)
    assert client.get(SHEET + query).status_code == status
    csv_status = client.get(SHEET.replace("schedule", "schedule.csv") + query).status_code
    assert csv_status == status


def test_staff_see_only_their_own_department_by_default(client, as_role, demo):
    as_role(Role.STAFF)
    page = client.get(SHEET).get_data(as_text=True)
    assert "Department: Kids club" in page
    assert "Department: Transport" not in page and "KE 937" not in page


@pytest.mark.parametrize(("role", "status"), [
    (Role.MANAGER, 200), (Role.RECEPTION, 403), (Role.STAFF, 403)])
def test_week_plan_is_for_managers_only(client, as_role, role, status):
    as_role(role)
    response = client.get(f"/desk/schedule/week?start={DAY.isoformat()}")
    assert response.status_code == status
    if status == 200:
        page = response.get_data(as_text=True)
        assert "Kids club" in page and "3 bookings" in page


def test_the_sheet_shows_rooms_guests_ages_languages_details_and_states(client, as_role):
    as_role(Role.RECEPTION)
    page = client.get(SHEET).get_data(as_text=True)
    for text in ["Department: Kids club", "Department: Housekeeping", "204", "Minji Kim",
                 "7 years", "한국어", "Deutsch", "Allergic to nuts", "Number of hours: 3",
                 "Flight or train number: KE 937", "Passengers: 2", "Set up in the room",
                 "Collect", "4 in stock, 1 out of service, 1 booked today, 2 free",
                 "Requested", "Confirmed", "서연 박", "Disco night"]:
        assert text in page, text
    assert "state--declined" not in page and "state--cancelled" not in page
    assert "Sauna" in page  # another department, shown to reception with all of them


def test_the_sheet_keeps_its_catalogue_only_until_the_catalogue_changes(client, as_role, demo):
    """The departments and services, named, are kept between requests: a new stock or a
    new name is on the next sheet."""
    as_role(Role.RECEPTION)
    for _ in range(2):  # the second from what the first kept
        assert "4 in stock, 1 out of service, 1 booked today, 2 free" in client.get(SHEET).text
    manager = make_staff("boss", Role.MANAGER)
    change_stock(demo.services["stroller"].id, 7, manager, today=DAY)
    page = client.get(SHEET).text
    assert "7 in stock, 1 out of service, 1 booked today, 5 free" in page
    assert "4 in stock" not in page
    disco = demo.services["disco"]
    update_service(disco, {**_editor_data(disco), "texts": {
        "en": {"name": "Teen disco", "description": ""}}}, manager)
    assert "Teen disco" in client.get(SHEET).text


def _editor_data(service) -> dict:
    """What the catalogue editor sends for a service as it is."""
    return {"slug": service.slug, "category": service.category.value,
            "kind": service.kind.value, "pricing_unit": service.pricing_unit.value,
            "price": str(service.price), "department_id": service.department_id,
            "min_age": service.min_age, "max_age": service.max_age,
            "cutoff_hours": service.cutoff_hours, "max_quantity": service.max_quantity,
            "capacity_unit": service.capacity_unit.value,
            "duration_minutes": service.duration_minutes, "active": service.active,
            "request_fields": list(service.request_fields or []), "age_bands": []}


def test_cancelled_and_declined_items_appear_when_asked(client, as_role, demo):
    as_role(Role.RECEPTION)
    shown = client.get(SHEET + "&department=kids&include_cancelled=1").get_data(as_text=True)
    ids = {int(m.group(1)) for m in ROW.finditer(shown)}
    assert demo.items["club_mueller"].id in ids and demo.items["babysitting_obrien"].id in ids
    assert '<span class="state state--declined">Declined</span>' in shown
    assert '<span class="state state--cancelled">Cancelled</span>' in shown
    assert "No babysitter free" in shown
    hidden = client.get(SHEET + "&department=kids").get_data(as_text=True)
    assert demo.items["club_mueller"].id not in {int(m.group(1)) for m in ROW.finditer(hidden)}


def test_a_bad_date_gets_a_message_and_422(client, as_role):
    as_role(Role.RECEPTION)
    response = client.get("/desk/schedule?date=15.07.2030")
    assert response.status_code == 422
    assert "Please give a date as YYYY-MM-DD" in response.get_data(as_text=True)
    assert client.get("/desk/schedule.csv?date=tomorrow").status_code == 422


def test_the_print_button_uses_a_script_file_not_inline_script(client, as_role):
    as_role(Role.RECEPTION)
    page = client.get(SHEET).get_data(as_text=True)
    assert 'data-print hidden>Print</button>' in page
    assert '<script src="/static/js/print.js" defer></script>' in page
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page) is None
    assert client.get("/static/js/print.js").status_code == 200


def test_csv_has_the_rows_of_the_page_and_survives_commas_quotes_and_hangul(client, as_role):
    as_role(Role.RECEPTION)
    page = client.get(SHEET).get_data(as_text=True)
    response = client.get(f"/desk/schedule.csv?date={DAY.isoformat()}")
    assert response.mimetype == "text/csv"
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Date", "Department", "Kind"]
    column = {name: index for index, name in enumerate(header)}
    on_page = [(m.group(2), m.group(3)) for m in ROW.finditer(page)]
    in_csv = [(row[column["Booking"]], row[column["Room"]]) for row in body]
    assert in_csv == on_page and len(in_csv) == 9
    guests = {row[column["Guest"]] for row in body}
    assert 'Siobhan "Shiv" O\'Brien, Jr.' in guests and "서연 박" in guests
    kim = next(row for row in body if row[column["Room"]] == "204"
               and row[column["Kind"]] == "Activity")
    assert kim[column["Children's ages"]] == "7" and kim[column["Language"]] == "ko (한국어)"
    assert kim[column["Time"]] == "10:00–13:00"


def test_staff_read_the_sheet_in_their_language_whatever_the_guests_speak(client, auth, demo):
    staff = make_staff(role=Role.STAFF, department=demo.departments["kids"])
    staff.language = "de"
    _db.session.commit()
    auth.staff_login(username=staff.username)
    page = client.get(SHEET).get_data(as_text=True)
    assert '<html lang="de"' in page
    assert format_date(DAY, "full", locale="de") in page  # "Montag, 15. Juli 2030"
    assert "Minji Kim" in page and "한국어" in page  # the guest's name and language as they are
    assert '<html lang="ko"' not in page


def _bulk_bookings(count: int, slot, service, stays) -> None:
    bookings = []
    for number in range(count):
        stay = stays[number % len(stays)]
        bookings.append((stay, [{
            "service_id": service.id, "slot_id": slot.id, "start_on": DAY,
            "starts_at": slot.starts_at, "participants": stay.members,
            "state": ItemState.CONFIRMED if number % 3 else ItemState.REQUESTED}]))
    insert_bookings(bookings)
    _db.session.commit()


def test_the_number_of_queries_does_not_grow_with_the_bookings(client, as_role, demo,
                                                               count_queries):
    as_role(Role.RECEPTION)
    service = demo.services["sauna"]
    slot = make_slot(service, at(DAY, "18:00"), capacity=10_000)
    stays = [make_stay(arrival_on=DAY - timedelta(1), children=[5, 8]) for _ in range(40)]
    counts = []
    for total in (10, 100, 2000):
        _bulk_bookings(total - slot.booked // 4, slot, service, stays)
        client.application.extensions["catalogue_cache"].clear()  # each as met first
        with count_queries() as counter:
            response = client.get(SHEET)
        assert response.status_code == 200
        assert len(ROW.findall(response.get_data(as_text=True))) >= total
        counts.append(counter.count)
    assert counts[0] == counts[1] == counts[2], counts
