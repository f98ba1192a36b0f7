"""Care notes reach only those who look after the person: the departments with a booking
of that person, reception and managers. Staff of another department open every desk page
and export the URL map has, and every page those link to, and never read them."""

from collections import deque
from datetime import time, timedelta

import pytest

from hotel.clock import hotel_today
from hotel.models import Kind, PricingUnit, Role
from tests.factories import (
    add_slot,
    check_in_all,
    make_booking_item,
    make_department,
    make_service,
    make_staff,
    make_stay,
)
from tests.page_forms import links_on

NOTES = ["Peanut-allergy-of-Mia", "Asthma-inhaler-of-Mia", "Gluten-free-for-Mia",
         "Grandma-Soon-ja-collects-Mia"]
PHONE = "+82 10 5555 0101"
MAX_PAGES = 400


@pytest.fixture
def world(db):
    """Mia, with every kind of care note, in today's kids club; the stables have a ride for
    another guest; staff of both departments, reception and a manager."""
    today = hotel_today()
    kids, stables = make_department("kids-club", "Kids club"), make_department("stables",
                                                                                "Stables")
    club = make_service("kids-club", department=kids, max_age=12)
    ride = make_service("pony-ride", department=stables)
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        stock=3, department=kids)
    slot = add_slot(club, today, time(10, 0))
    ride_slot = add_slot(ride, today, time(11, 0))
    kim = make_stay("LP1", last_name="Kim", arrival_on=today, children=[6])
    kim.phone = PHONE
    mia = kim.children[0]
    mia.first_name = "Mia"
    mia.allergies, mia.medical_notes, mia.dietary_notes = NOTES[:3]
    mia.collected_by = NOTES[3]
    check_in_all(make_booking_item(kim, club, slot=slot, participants=[mia]))
    make_booking_item(kim, crib, start_on=today, end_on=today + timedelta(days=2))
    rider = make_stay("LP2", last_name="Brown", arrival_on=today, children=[9])
    make_booking_item(rider, ride, slot=ride_slot, participants=rider.members)
    users = {"stables": make_staff("stable", Role.STAFF, stables),
             "kids": make_staff("kids", Role.STAFF, kids),
             "reception": make_staff("desk", Role.RECEPTION),
             "manager": make_staff("boss", Role.MANAGER)}
    db.session.commit()
    return {"today": today, "slot": slot, "ride_slot": ride_slot, "kim": kim, "users": users,
            "club": club, "item": kim.members}


def start_pages(app, world) -> list[str]:
    """Every GET route of the desk, with this world's objects, and the sheet's variants."""
    day = world["today"].isoformat()
    arguments = {"reference": "LP1", "slug": "kids-club", "slot_id": world["slot"].id,
                 "service_slug": "kids-club", "username": "kids", "user_id":
                 world["users"]["kids"].id, "staff_id": world["users"]["kids"].id}
    pages = [f"/desk/schedule?date={day}&department={slug}"
             for slug in ("all", "kids-club", "stables", "")]
    pages += [f"/desk/schedule.csv?date={day}&department={slug}"
              for slug in ("all", "kids-club", "stables", "")]
    pages += [f"/desk/requests?state=&day={day}", "/desk/requests?state=&room=" +
              world["kim"].room, f"/desk/schedule/slots/{world['ride_slot'].id}/attendance",
              f"/desk/schedule/week?start={day}", "/desk/stays?when=all&q=kim"]
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("desk.") or "GET" not in rule.methods:
            continue
        if rule.endpoint == "desk.logout" or set(rule.arguments) - set(arguments):
            continue
        pages.append(rule.build({key: arguments[key] for key in rule.arguments})[1])
    return pages


def crawl(app, client, world) -> dict[str, str]:
    """Open every start page and every desk page they link to; return each answer's text."""
    seen: dict[str, str] = {}
    todo = deque(start_pages(app, world))
    while todo and len(seen) < MAX_PAGES:
        path = todo.popleft()
        if path in seen or not path.startswith("/desk/") or "/logout" in path:
            continue
        response = client.get(path)
        seen[path] = response.get_data(as_text=True)
        if response.status_code == 200 and response.mimetype == "text/html":
            todo.extend(links_on(seen[path], path))
    return seen


def test_staff_of_another_department_read_no_care_note_anywhere(app, client, auth, world):
    auth.staff_login(username="stable")
    pages = crawl(app, client, world)
    assert len(pages) > 30
    assert any(path.startswith("/desk/schedule.csv") for path in pages)
    for path, text in pages.items():
        for note in [*NOTES, PHONE]:
            assert note not in text, f"{note} on {path}"


@pytest.mark.parametrize("username", ["kids", "desk", "boss"])
def test_the_kids_club_reception_and_managers_read_them(client, auth, world, username):
    auth.staff_login(username=username)
    day = world["today"].isoformat()
    sheet = client.get(f"/desk/schedule?date={day}&department=kids-club").text
    export = client.get(f"/desk/schedule.csv?date={day}&department=kids-club").text
    attendance = client.get(f"/desk/schedule/slots/{world['slot'].id}/attendance").text
    for note in NOTES:
        assert note in sheet and note in export and note in attendance, note
    assert PHONE in sheet and PHONE in export


def test_reception_reads_them_on_the_stays_page(client, auth, world):
    auth.staff_login(username="desk")
    page = client.get("/desk/stays/LP1").text
    assert all(note in page for note in NOTES) and PHONE in page


def test_a_guest_reads_only_their_own_partys(client, auth, world):
    auth.guest_login(world["kim"])
    assert NOTES[0] in client.get("/my-party").text
    auth.guest_login(make_other_guest())
    for path in ("/my-party", "/my-bookings", "/"):
        assert NOTES[0] not in client.get(path).text


def make_other_guest():
    from hotel.extensions import db

    stay = make_stay("LP3", last_name="Lee", arrival_on=hotel_today(), children=[4])
    db.session.commit()
    return stay
