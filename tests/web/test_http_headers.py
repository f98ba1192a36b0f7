"""Headers every answer must carry: Allow on a 405, no-store for what is personal."""

from datetime import timedelta

import pytest

from hotel.models import Role
from tests.factories import make_stay
from tests.helpers import csrf_token


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("DELETE", "/sign-in", {"GET", "HEAD", "OPTIONS", "POST"}),
    ("POST", "/help", {"GET", "HEAD", "OPTIONS"}),
    ("PUT", "/desk/login", {"GET", "HEAD", "OPTIONS", "POST"}),
    ("GET", "/basket/checkout", {"OPTIONS", "POST"}),
    ("DELETE", "/api/v1/services", {"GET", "HEAD", "OPTIONS"}),
    ("GET", "/api/v1/stays", {"OPTIONS", "POST"}),
    ("POST", "/api/v1/stays/LP1", {"OPTIONS", "PUT"}),
])
def test_a_wrong_method_gets_405_with_the_methods_allowed(client, db, method, path, allowed):
    response = client.open(path, method=method)
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) == allowed
    assert response.headers["Content-Type"].startswith(
        "application/json" if path.startswith("/api/") else "text/html")
    assert response.headers.get_all("Allow") == [response.headers["Allow"]]


def test_a_405_page_speaks_the_readers_language(client, db):
    response = client.post("/help?lang=fr")
    assert response.status_code == 405
    assert "Allow" in response.headers
    assert "Cette page ne peut pas être utilisée ainsi." in response.text


@pytest.fixture
def guest(client, auth, db):
    """A guest signed in, with a booking to download as a calendar file."""
    from hotel.models.types import utcnow
    from hotel.services.bookings import create_booking
    from hotel.services.rules import ItemRequest
    from tests.factories import make_service, make_slot

    stay = make_stay("LP30001", children=[6])
    club = make_service("kids-club", max_age=12)
    slot = make_slot(club, utcnow() + timedelta(days=1))
    booking = create_booking(stay, [ItemRequest(club, slot_id=slot.id,
                                                participant_ids=[stay.children[0].id])], stay)
    db.session.commit()
    auth.guest_login(stay)
    return booking


@pytest.mark.parametrize("path", ["/", "/my-bookings", "/basket", "/help", "/nowhere"])
def test_pages_for_a_signed_in_guest_are_not_stored(client, guest, path):
    response = client.get(path)
    assert response.headers["Cache-Control"] == "no-store", path


@pytest.mark.parametrize("path", ["/desk/", "/desk/stays", "/desk/schedule", "/desk/login"])
def test_pages_for_signed_in_staff_are_not_stored(client, auth, db, path):
    auth.staff_login(Role.MANAGER)
    response = client.get(path, follow_redirects=True)
    assert response.headers["Cache-Control"] == "no-store", path


def test_every_export_is_not_stored(client, auth, guest):
    calendar = client.get(f"/bookings/{guest.reference}.ics")
    assert calendar.mimetype == "text/calendar"
    assert calendar.headers["Cache-Control"] == "no-store"
    auth.logout()
    auth.staff_login(Role.MANAGER)
    for path in ("/desk/schedule.csv", "/desk/reports.csv?report=ratings"):
        response = client.get(path)
        assert response.mimetype == "text/csv", path
        assert response.headers["Cache-Control"] == "no-store", path


def test_public_pages_and_styles_may_be_cached(client, db, guest):
    assert "no-store" not in client.get("/static/css/app.css").headers.get("Cache-Control", "")
    client.post("/sign-out", data={"csrf_token": csrf_token(client, "/basket")})
    for path in ("/", "/help", "/sign-in"):
        assert "no-store" not in client.get(path).headers.get("Cache-Control", ""), path


@pytest.mark.parametrize("path", ["/desk/stays/LP%00", "/desk/tickets/K%00", "/services/x%00",
                                  "/packages/x%0A", "/bookings/AB%00CD"])
def test_an_address_with_a_control_character_is_not_found(client, path):
    """A NUL or newline in a reference or slug answers 404, on PostgreSQL too."""
    assert client.get(path).status_code == 404
