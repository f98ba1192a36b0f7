"""Returning guests on the pages: the desk's marker, the guest's "Welcome back", every way in."""

import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import ItemState, Role, Stay
from hotel.services.returning import mark_returning
from tests.factories import make_booking_item, make_service, make_staff, make_stay
from tests.helpers import csrf_token, post_form


def by_reference(reference: str) -> Stay:
    db.session.expire_all()
    return db.session.scalar(select(Stay).where(Stay.reference == reference))


@pytest.fixture
def guests(db):
    """Minji Kim, back today after a stay two months ago; and Amy Brown, here the first time."""
    today = hotel_today()
    earlier = make_stay("OLD-17", arrival_on=today - timedelta(days=60), room="206")
    earlier.email = "minji.kim@example.com"
    kim = make_stay("NEW-17", arrival_on=today, room="204", children=[4])
    kim.email = "Minji.Kim@example.com"
    brown = make_stay("NEW-18", first_name="Amy", last_name="Brown", arrival_on=today,
                      room="305")
    mark_returning(kim)
    mark_returning(brown)
    services = {slug: make_service(slug, texts={"en": (name, ""), "ko": (korean, "")})
                for slug, name, korean in [("crib", "Crib in your room", "객실 아기 침대"),
                                           ("kids-club", "Kids club", "키즈 클럽"),
                                           ("sauna", "Sauna", "사우나")]}
    make_booking_item(earlier, services["crib"], state=ItemState.COMPLETED,
                      start_on=earlier.arrival_on)
    for _ in range(2):
        make_booking_item(earlier, services["kids-club"], state=ItemState.COMPLETED,
                          start_on=earlier.arrival_on)
    make_staff("desk", Role.RECEPTION)
    db.session.commit()
    return {"earlier": earlier, "kim": kim, "brown": brown, "services": services}


# ------------------------------------------------------------------------------ desk


@pytest.mark.parametrize("path", ["/desk/stays", "/desk/stays/NEW-17", "/desk/",
                                  "/desk/book/NEW-17", "/desk/book/NEW-17/crib"])
def test_the_desk_marks_the_returning_guest_and_links_the_earlier_stay(client, auth, guests, path):
    auth.staff_login(username="desk")
    response = client.get(path)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    link = 'href="/desk/stays/NEW-17/earlier"'
    assert link in page
    assert "Returning guest" in page


def test_a_first_time_guest_is_not_marked(client, auth, guests):
    auth.staff_login(username="desk")
    page = client.get("/desk/stays/NEW-18").get_data(as_text=True)
    assert "Returning guest" not in page


def test_the_marker_leads_to_the_earlier_stay(client, auth, guests):
    auth.staff_login(username="desk")
    response = client.get("/desk/stays/NEW-17/earlier")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/desk/stays/OLD-17")
    assert client.get("/desk/stays/NEW-18/earlier").status_code == 404  # no earlier stay
    assert client.get("/desk/stays/NOPE/earlier").status_code == 404


def test_the_earlier_stay_link_is_for_reception_only(client, auth, guests):
    assert "/desk/login" in client.get("/desk/stays/NEW-17/earlier").headers["Location"]
    make_staff("kids", Role.STAFF)
    db.session.commit()
    auth.staff_login(username="kids")
    assert client.get("/desk/stays/NEW-17/earlier").status_code == 403


# ------------------------------------------------------------------------- guest home


def test_a_returning_guest_is_welcomed_back_with_what_they_used(client, auth, guests):
    auth.guest_login(guests["kim"])
    page = client.get("/").get_data(as_text=True)
    assert "Welcome back" in page
    club = page.index("Book “Kids club” again?")
    crib = page.index("Book “Crib in your room” again?")
    assert club < crib < page.index("Packages")
    assert 'href="/services/kids-club"' in page
    assert "Book “Sauna” again?" not in page


def test_the_welcome_back_is_in_the_language_of_the_guests_stay(client, auth, guests):
    guests["kim"].language = "ko"
    db.session.commit()
    auth.guest_login(guests["kim"])
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="ko"' in page
    start = page.index('id="welcome-back-heading"')
    welcome = page[start:page.index("</section>", start)]
    assert "키즈 클럽" in welcome and "Kids club" not in welcome


@pytest.mark.parametrize("who", ["brown", None])
def test_first_time_guests_and_visitors_get_no_welcome_back(client, auth, guests, who):
    if who:
        auth.guest_login(guests[who])
    page = client.get("/").get_data(as_text=True)
    assert "Welcome back" not in page
    assert "again?" not in page


def test_a_service_booked_already_is_not_offered_again(client, auth, guests):
    make_booking_item(guests["kim"], guests["services"]["kids-club"],
                      state=ItemState.REQUESTED, start_on=guests["kim"].arrival_on)
    db.session.commit()
    auth.guest_login(guests["kim"])
    page = client.get("/").get_data(as_text=True)
    assert "Book “Crib in your room” again?" in page
    assert "Book “Kids club” again?" not in page


def test_the_home_page_takes_as_many_queries_with_1_as_with_20_earlier_bookings(
        client, auth, guests, count_queries):
    earlier, services = guests["earlier"], list(guests["services"].values())
    auth.guest_login(guests["kim"])
    client.get("/")  # warm up: the session and the catalogue's first load

    def home_queries() -> int:
        with count_queries() as counter:
            assert "Welcome back" in client.get("/").get_data(as_text=True)
        return len(counter.statements)

    few = home_queries()
    for n in range(17):
        make_booking_item(earlier, services[n % len(services)], state=ItemState.COMPLETED,
                          start_on=earlier.arrival_on)
    db.session.commit()
    assert home_queries() == few


# ------------------------------------------------------------------ every way a stay comes in


def test_a_stay_created_at_the_desk_is_marked(client, auth, guests):
    auth.staff_login(username="desk")
    day = hotel_today() + timedelta(days=200)
    response = post_form(client, "/desk/stays/new", {
        "reference": "DESK-1", "room": "101", "first_name": "Minji", "last_name": "Kim",
        "arrival_date": day.isoformat(), "departure_date": (day + timedelta(days=2)).isoformat(),
        "language": "ko", "email": "minji.kim@example.com"}, token_from="/desk/stays/new")
    assert response.status_code == 303
    assert by_reference("DESK-1").previous_stay_id == guests["kim"].id


def test_a_csv_import_marks_returning_guests_and_keeps_their_language(client, auth, guests):
    auth.staff_login(username="desk")
    day = hotel_today() + timedelta(days=100)
    guests["kim"].language = "ko"
    db.session.commit()
    csv = ("reference,room,first_name,last_name,arrival,departure,email\n"
           f"CSV-1,204,Minji,Kim,{day},{day + timedelta(days=3)},MINJI.KIM@example.com\n"
           f"CSV-2,305,Léa,Dubois,{day},{day + timedelta(days=3)},lea@example.fr\n")
    response = client.post("/desk/stays/import", content_type="multipart/form-data", data={
        "csrf_token": csrf_token(client, "/desk/stays/import"),
        "file": (io.BytesIO(csv.encode()), "export.csv")})
    assert response.status_code == 303
    marked = by_reference("CSV-1")
    assert marked.previous_stay_id == guests["kim"].id
    assert marked.language == "ko"
    assert by_reference("CSV-2").previous_stay_id is None


def test_a_stay_pushed_through_the_api_is_marked(client, auth, guests):
    token = client.post("/api/v1/auth/staff",
                        json={"username": "desk", "password": "correct-horse"}).json["token"]
    day = hotel_today() + timedelta(days=100)
    guests["kim"].language = "ja"
    db.session.commit()
    response = client.post("/api/v1/stays", headers={"Authorization": f"Bearer {token}"}, json={
        "reference": "API-1", "room": "204", "first_name": "Minji", "last_name": "Kim",
        "arrival_date": day.isoformat(), "departure_date": (day + timedelta(days=3)).isoformat(),
        "email": "minji.kim@example.com"})
    assert response.status_code == 201, response.json
    assert response.json["language"] == "ja"
    assert by_reference("API-1").previous_stay_id == guests["kim"].id


def test_department_staff_see_the_marker_without_a_link_they_may_not_open(client, auth, guests):
    make_staff("kids", Role.STAFF)
    db.session.commit()
    auth.staff_login(username="kids")
    page = client.get("/desk/").get_data(as_text=True)
    assert "Returning guest" in page
    assert "/desk/stays/NEW-17/earlier" not in page


def test_the_desk_form_takes_the_lead_guests_birth_date(client, auth, db):
    """Reception can give the lead guest's birth date, which recognises them next time."""
    auth.staff_login(Role.RECEPTION)
    today = hotel_today()
    form = {"reference": "BD1", "room": "12", "first_name": "Ana", "last_name": "Silva",
            "arrival_date": (today - timedelta(days=90)).isoformat(),
            "departure_date": (today - timedelta(days=85)).isoformat(),
            "language": "es", "email": "", "birth_date": "1979-03-04"}
    assert post_form(client, "/desk/stays/new", form, token_from="/desk/stays/new"
                     ).status_code in (302, 303)
    again = {**form, "reference": "BD2", "arrival_date": today.isoformat(),
             "departure_date": (today + timedelta(days=2)).isoformat()}
    assert post_form(client, "/desk/stays/new", again, token_from="/desk/stays/new"
                     ).status_code in (302, 303)
    stay = db.session.scalar(select(Stay).where(Stay.reference == "BD2"))
    assert stay.members[0].birth_date.isoformat() == "1979-03-04"
    assert db.session.get(Stay, stay.previous_stay_id).reference == "BD1"
