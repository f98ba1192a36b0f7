"""Text guests and staff typed is isolated wherever a page shows it: it cannot reorder the page."""

import re
from datetime import timedelta

import pytest
from markupsafe import Markup

from hotel.clock import hotel_day, hotel_today
from hotel.i18n import bdi, list_of
from hotel.models import Role
from hotel.models.types import utcnow
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import (
    make_department,
    make_service,
    make_slot,
    make_staff,
    make_stay,
    make_ticket,
)
from tests.helpers import post_form

# A right-to-left override: shown without isolation, it turns the rest of the line around.
NAME = "\u202eLeila"
NOTE = "\u202eplease bring a towel"
TICKET = "\u202eThe shower is cold."


@pytest.fixture
def stay(db):
    """A guest with an overriding name, a booked activity with a note, and a ticket."""
    kids = make_department("kids-club")
    club = make_service("kids-club", department=kids, max_age=12)
    slot = make_slot(club, utcnow() + timedelta(hours=2))
    stay = make_stay("LP40001", first_name=NAME, last_name="Haddad", arrival_on=hotel_today(),
                     children=[6], room="\u202e204")
    stay.children[0].first_name = NAME
    create_booking(stay, [ItemRequest(club, slot_id=slot.id, note=NOTE,
                                      participant_ids=[stay.children[0].id])], stay)
    stay.ticket_number = make_ticket(stay, text=TICKET).number
    stay.slot_day = hotel_day(slot.starts_at)  # tomorrow at the hotel, late in its evening
    make_staff("boss", Role.MANAGER)
    db.session.commit()
    return stay


def assert_isolated(page: str, text: str, path: str) -> None:
    """Check that every place the text is shown is inside <bdi> or an element with dir."""
    places = [found.start() for found in re.finditer(re.escape(text), page)]
    assert places, f"{path} does not show {text!r}"
    for place in places:
        if page.rfind("<", 0, place) > page.rfind(">", 0, place):
            continue  # in an attribute's value, which is not shown
        tag = page[page.rfind("<", 0, place):place]
        assert tag.startswith("<bdi") or " dir=" in tag, (path, page[place - 80:place + 20])


@pytest.mark.parametrize("path", ["/desk/stays?when=all", "/desk/stays/LP40001",
                                  "/desk/requests?state=", "/desk/", "/desk/tickets",
                                  "/desk/book?q=LP40001", "/desk/book/LP40001",
                                  "/desk/schedule"])
def test_the_desk_isolates_guests_names_rooms_and_notes(client, auth, stay, path):
    auth.staff_login(username="boss")
    if path == "/desk/schedule":
        path = f"/desk/schedule?date={stay.slot_day.isoformat()}"  # the sheet of its day
    page = client.get(path).text
    for text in (NAME, stay.room):
        assert_isolated(page, text, path)
    if path in ("/desk/requests?state=", "/desk/schedule"):
        assert_isolated(page, NOTE, path)


def test_a_ticket_is_isolated_for_the_desk_and_the_guest(client, auth, stay):
    auth.staff_login(username="boss")
    number = stay.ticket_number
    page = client.get(f"/desk/tickets/{number}").text
    assert_isolated(page, TICKET, number)
    assert_isolated(page, NAME, number)
    assert_isolated(page, stay.room, number)
    auth.logout()
    auth.guest_login(stay)
    for path in ("/help/tickets", f"/help/tickets/{number}"):
        assert_isolated(client.get(path).text, TICKET, path)


def test_the_guests_own_pages_isolate_the_names_of_the_party(client, auth, stay):
    auth.guest_login(stay)
    assert_isolated(client.get("/my-bookings").text, NAME, "/my-bookings")


def test_lists_of_isolated_names_keep_the_isolation_and_escape_the_rest(app):
    with app.test_request_context("/?lang=en"):
        joined = list_of([bdi("<Ann>"), bdi(NAME), bdi("Kim")])
        assert isinstance(joined, Markup)
        assert joined == f"<bdi>&lt;Ann&gt;</bdi>, <bdi>{NAME}</bdi>, and <bdi>Kim</bdi>"
        assert list_of(["a", "b"]) == "a and b"
        assert bdi("") == "" and bdi(None) == ""


def test_the_welcome_after_signing_in_isolates_the_guests_name(client, stay):
    response = post_form(client, "/sign-in", {"identifier": "LP40001", "last_name": "Haddad"})
    assert response.status_code == 302
    assert f"Welcome, \u2068{NAME}\u2069." in client.get(response.headers["Location"]).text
