"""The desk's stay pages: list and search, create and edit with the party, CSV import."""

import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import Role, Stay
from tests.factories import make_department, make_staff, make_stay
from tests.helpers import csrf_token, post_form

DATA = Path(__file__).resolve().parent.parent / "data"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"


def stay_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Stay))


def by_reference(reference: str) -> Stay | None:
    db.session.expire_all()
    return db.session.scalar(select(Stay).where(Stay.reference == reference))


@pytest.fixture
def desk(client, auth, db):
    """A receptionist signed in, and a department's staff member and a manager."""
    make_staff("desk", Role.RECEPTION)
    make_staff("boss", Role.MANAGER)
    make_staff("kids", Role.STAFF, make_department("kids-club"))
    db.session.commit()
    auth.staff_login(username="desk")
    return client


def upload(client, content: bytes, filename: str = "export.csv"):
    return client.post("/desk/stays/import", content_type="multipart/form-data", data={
        "csrf_token": csrf_token(client, "/desk/stays/import"),
        "file": (io.BytesIO(content), filename)})


def stay_form(**changes) -> dict:
    form = {"reference": "WALK-1", "room": "310", "first_name": "Sofia", "last_name": "Rossi",
            "arrival_date": "2030-06-01", "departure_date": "2030-06-05", "language": "es",
            "email": "sofia@example.com",
            "party-0-first_name": "Luca", "party-0-kind": "adult",
            "party-1-first_name": "Giulia", "party-1-kind": "child", "party-1-age": "5",
            "party-2-first_name": "Marco", "party-2-kind": "child",
            "party-2-birth_date": "2028-02-10"}
    form.update(changes)
    return {key: value for key, value in form.items() if value is not None}


STAY_PAGES = ["/desk/stays", "/desk/stays/new", "/desk/stays/import", "/desk/stays/LP1",
              "/desk/stays/LP1/edit"]


@pytest.mark.parametrize("path", STAY_PAGES)
def test_anonymous_visitors_are_sent_to_the_desk_login(client, db, path):
    make_stay("LP1")
    db.session.commit()
    response = client.get(path)
    assert response.status_code == 302
    assert "/desk/login" in response.headers["Location"]


@pytest.mark.parametrize("path", STAY_PAGES)
@pytest.mark.parametrize(("username", "status"), [("kids", 403), ("desk", 200), ("boss", 200)])
def test_only_reception_and_managers_open_the_stay_pages(client, auth, db, path, username,
                                                         status):
    make_stay("LP1")
    make_staff("desk", Role.RECEPTION)
    make_staff("boss", Role.MANAGER)
    make_staff("kids", Role.STAFF, make_department("kids-club"))
    db.session.commit()
    auth.staff_login(username=username)
    assert client.get(path).status_code == status


def test_department_staff_cannot_import(client, auth, db):
    make_staff("kids", Role.STAFF, make_department("kids-club"))
    db.session.commit()
    auth.staff_login(username="kids")
    response = client.post("/desk/stays/import", content_type="multipart/form-data", data={
        "csrf_token": csrf_token(client, "/desk/login"),
        "file": (io.BytesIO((DATA / "stays_clean.csv").read_bytes()), "export.csv")})
    assert response.status_code == 403
    assert stay_count() == 0


def test_the_list_finds_guests_without_accents_or_case(desk):
    today = hotel_today()
    muller = make_stay("LP100", last_name="Müller", first_name="Jürgen", arrival_on=today)
    make_stay("LP200", last_name="Kim", arrival_on=today, room="777")
    db.session.commit()

    page = desk.get("/desk/stays?q=MULLER").text
    assert "Jürgen Müller" in page and "Kim" not in page
    assert f'href="/desk/stays/{muller.reference}"' in page
    assert "LP200" in desk.get("/desk/stays?q=lp2").text
    by_room = desk.get("/desk/stays?q=777").text
    assert "LP200" in by_room and "LP100" not in by_room
    # First names have no folded key in the database: they match with their accents.
    assert "LP100" in desk.get("/desk/stays?q=J%C3%BCrgen+muller").text


def test_the_list_filters_by_when_guests_are_here(desk):
    today = hotel_today()
    make_stay("HERE1", arrival_on=today - timedelta(days=2), nights=5)
    make_stay("SOON1", arrival_on=today + timedelta(days=3))
    make_stay("GONE1", arrival_on=today - timedelta(days=10), nights=3)
    db.session.commit()

    def shown(when: str) -> set[str]:
        page = desk.get(f"/desk/stays?when={when}").text
        return {ref for ref in ("HERE1", "SOON1", "GONE1") if ref in page}

    assert shown("in_house") == {"HERE1"}
    assert shown("arriving") == {"SOON1"}
    assert shown("departed") == {"GONE1"}
    assert shown("all") == {"HERE1", "SOON1", "GONE1"}
    assert {ref for ref in ("HERE1", "SOON1") if ref in desk.get("/desk/stays").text} == {
        "HERE1"}


def test_the_list_is_paged_by_fifty(desk):
    for number in range(60):
        make_stay(f"P{number:03d}", arrival_on=date(2030, 1, 1) + timedelta(days=number))
    db.session.commit()
    first = desk.get("/desk/stays?when=all").text
    second = desk.get("/desk/stays?when=all&page=2").text
    assert "60 stays found." in first and "Page 1 of 2" in first
    assert "P059" in first and "P009" not in first
    assert "P009" in second and "P000" in second and "P059" not in second


def test_the_list_issues_the_same_number_of_queries_for_5_and_60_stays(desk, count_queries):
    def queries_for(total: int) -> int:
        existing = stay_count()
        for number in range(existing, total):
            make_stay(f"Q{number:03d}", children=[4, 7], arrival_on=hotel_today())
        db.session.commit()
        with count_queries() as counter:
            response = desk.get("/desk/stays?when=all")
        assert response.status_code == 200
        return counter.count

    assert queries_for(5) == queries_for(60)


def test_reception_creates_a_stay_with_its_party(desk):
    response = post_form(desk, "/desk/stays/new", stay_form(), token_from="/desk/stays/new")

    assert response.status_code == 303
    assert response.headers["Location"].endswith("/desk/stays/WALK-1")
    stay = by_reference("WALK-1")
    assert (stay.room, stay.language, stay.guest_name) == ("310", "es", "Sofia Rossi")
    assert [m.name for m in stay.adults] == ["Sofia Rossi", "Luca"]
    assert [(m.first_name, m.last_name, m.age) for m in stay.children] == [
        ("Giulia", "Rossi", 5), ("Marco", "Rossi", 2)]
    page = desk.get("/desk/stays/WALK-1").text
    assert "Giulia Rossi" in page and "Stay WALK-1 saved." in page
    assert "/desk/requests?room=310" in page


@pytest.mark.parametrize(("changes", "message"), [
    ({"departure_date": "2030-05-30"}, "The departure must not be before the arrival."),
    ({"arrival_date": "2030-02-31"}, "Please enter a date as YYYY-MM-DD."),
    ({"arrival_date": ""}, "Please enter a date as YYYY-MM-DD."),
    ({"last_name": ""}, "This is required."),
    ({"party-1-age": "", "party-1-birth_date": ""}, "Please give the child&#39;s age or birth"),
    ({"party-1-first_name": ""}, "This is required."),
    ({"email": "nobody@"}, "Please enter a valid e-mail address."),
    ({"reference": "has space"}, "A booking reference has only letters, digits, - and _."),
])
def test_a_stay_form_with_a_mistake_saves_nothing_and_says_why(desk, changes, message):
    response = post_form(desk, "/desk/stays/new", stay_form(**changes),
                         token_from="/desk/stays/new")
    assert response.status_code == 422
    assert message in response.text
    assert "Nothing was saved." in response.text
    assert stay_count() == 0


def test_a_reference_in_use_is_refused(desk):
    make_stay("WALK-1")
    db.session.commit()
    response = post_form(desk, "/desk/stays/new", stay_form(), token_from="/desk/stays/new")
    assert response.status_code == 422
    assert "Another stay already has this booking reference." in response.text
    assert stay_count() == 1


def test_reception_edits_a_stay_and_its_party(desk):
    post_form(desk, "/desk/stays/new", stay_form(), token_from="/desk/stays/new")
    form = desk.get("/desk/stays/WALK-1/edit").text
    assert 'value="Giulia"' in form and 'value="310"' in form

    response = post_form(desk, "/desk/stays/WALK-1/edit",
                         stay_form(reference="WALK-2", room="311", **{
                             "party-2-first_name": "", "party-2-kind": "adult",
                             "party-2-birth_date": ""}),
                         token_from="/desk/stays/WALK-1/edit")

    assert response.status_code == 303
    assert response.headers["Location"].endswith("/desk/stays/WALK-2")
    stay = by_reference("WALK-2")
    assert stay.room == "311"
    assert [m.first_name for m in stay.children] == ["Giulia"]
    assert by_reference("WALK-1") is None and stay_count() == 1


def test_editing_with_bad_dates_keeps_the_stay_as_it_was(desk):
    post_form(desk, "/desk/stays/new", stay_form(), token_from="/desk/stays/new")
    response = post_form(desk, "/desk/stays/WALK-1/edit",
                         stay_form(room="999", departure_date="2029-01-01"),
                         token_from="/desk/stays/WALK-1/edit")
    assert response.status_code == 422
    assert "The departure must not be before the arrival." in response.text
    assert by_reference("WALK-1").room == "310"


def test_a_missing_stay_is_404(desk):
    assert desk.get("/desk/stays/NOPE").status_code == 404
    assert desk.get("/desk/stays/NOPE/edit").status_code == 404


def test_importing_a_clean_file_twice_creates_then_leaves_unchanged(desk):
    clean = (DATA / "stays_clean.csv").read_bytes()
    first = upload(desk, clean)
    assert first.status_code == 303
    page = desk.get(first.headers["Location"]).text
    assert "Import done. Created: 3, updated: 0, unchanged: 0." in page
    assert "Müller" in page

    second = upload(desk, clean)
    assert "Import done. Created: 0, updated: 0, unchanged: 3." in desk.get(
        second.headers["Location"]).text
    assert stay_count() == 3


def test_bad_rows_are_listed_by_line_and_nothing_is_imported(desk):
    response = upload(desk, (DATA / "stays_bad_rows.csv").read_bytes())
    assert response.status_code == 422
    page = response.text
    assert "Nothing was imported: 8 lines need correcting." in page
    for line in (3, 4, 5, 6, 7, 8, 9, 10):
        assert f'<td data-label="Line" class="num">{line}</td>' in page
    assert "This language is not offered." in page
    assert "The reference PMS-2001 is already on line 2." in page
    assert stay_count() == 0


@pytest.mark.parametrize(("filename", "content", "message"), [
    ("stays_utf16.csv", None, "Created: 2,"),
    ("stays_cp1252_semicolon.csv", None, "Created: 2,"),
])
def test_other_encodings_and_delimiters_are_imported(desk, filename, content, message):
    response = upload(desk, (DATA / filename).read_bytes(), filename)
    assert response.status_code == 303
    assert message in desk.get(response.headers["Location"]).text
    assert stay_count() == 2


@pytest.mark.parametrize(("content", "filename", "message"), [
    ((DATA / "stays_empty.csv").read_bytes(), "empty.csv", "The file is empty."),
    ((DATA / "stays_header_only.csv").read_bytes(), "header.csv",
     "The file has a header line but no stays."),
    (PNG, "picture.csv", "This file is not a CSV text file."),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "export.csv", "This file is not a CSV text file."),
    (PNG, "picture.png", "Please choose a .csv or .txt file."),
])
def test_files_that_cannot_be_imported_get_a_message_and_a_4xx(desk, content, filename,
                                                                 message):
    response = upload(desk, content, filename)
    assert response.status_code == 422
    assert message in response.text
    assert stay_count() == 0


def test_posting_without_a_file_asks_for_one(desk):
    response = desk.post("/desk/stays/import", content_type="multipart/form-data",
                         data={"csrf_token": csrf_token(desk, "/desk/stays/import")})
    assert response.status_code == 422
    assert "Please choose a file." in response.text


def test_a_file_over_the_size_limit_gets_413(app, desk):
    big = b"reference,room\n" + b"x" * app.config["MAX_CONTENT_LENGTH"]
    response = upload(desk, big)
    assert response.status_code == 413
    assert "The file or form is too large." in response.text
    assert stay_count() == 0


def test_two_receptionists_saving_one_stay_do_not_lose_the_first_save(desk, client, app, db):
    post_form(desk, "/desk/stays/new", stay_form(), token_from="/desk/stays/new")
    opened = desk.get("/desk/stays/WALK-1/edit").text
    version = re.search(r'name="version" type="hidden" value="(\d+)"', opened).group(1)
    other = app.test_client()
    post_form(other, "/desk/login", {"username": "boss", "password": "correct-horse"},
              token_from="/desk/login")
    first = post_form(other, "/desk/stays/WALK-1/edit", stay_form(room="311", version=version),
                      token_from="/desk/stays/WALK-1/edit")
    assert first.status_code == 303

    late = post_form(desk, "/desk/stays/WALK-1/edit?lang=de",
                     stay_form(room="312", email="late@example.com", version=version),
                     token_from="/desk/stays/WALK-1/edit")

    assert late.status_code == 409
    assert "Jemand anderes hat diesen Aufenthalt inzwischen gespeichert" in late.text
    assert 'value="311"' in late.text and "late@example.com" not in late.text
    stay = by_reference("WALK-1")
    assert (stay.room, stay.email) == ("311", "sofia@example.com")
    fresh = re.search(r'name="version" type="hidden" value="(\d+)"', late.text).group(1)
    again = post_form(desk, "/desk/stays/WALK-1/edit", stay_form(room="312", version=fresh),
                      token_from="/desk/stays/WALK-1/edit")
    assert again.status_code == 303
    assert by_reference("WALK-1").room == "312"


def test_a_change_of_the_party_alone_is_a_new_version_too(desk):
    post_form(desk, "/desk/stays/new", stay_form(), token_from="/desk/stays/new")
    version = str(by_reference("WALK-1").version)
    renamed = post_form(desk, "/desk/stays/WALK-1/edit",
                        stay_form(version=version, **{"party-0-first_name": "Lucio"}),
                        token_from="/desk/stays/WALK-1/edit")
    assert renamed.status_code == 303
    late = post_form(desk, "/desk/stays/WALK-1/edit", stay_form(version=version),
                     token_from="/desk/stays/WALK-1/edit")
    assert late.status_code == 409
    assert [m.first_name for m in by_reference("WALK-1").adults] == ["Sofia", "Lucio"]
