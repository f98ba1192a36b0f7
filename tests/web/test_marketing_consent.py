"""Whether a guest agrees to offers: the stay form and page and the CSV import take it; a
value that is not yes or no is refused and nothing written (the API: tests/api)."""

import re

import pytest
from sqlalchemy import func, select

from hotel.extensions import db
from hotel.models import Stay
from tests.web.test_desk_stays import by_reference, stay_form, upload

HEADER = "reference,room,first_name,last_name,arrival,departure,language,email,marketing_consent"


@pytest.fixture
def desk(client, auth, db):
    auth.staff_login(username="desk")
    return client


def post_stay(client, path: str, data: dict):
    from tests.helpers import post_form

    return post_form(client, path, data, token_from="/desk/stays/new")


def test_the_stay_form_records_consent_and_the_stay_page_shows_it(desk):
    form = desk.get("/desk/stays/new").text
    assert 'name="marketing_consent"' in form and "Agrees to offers" in form
    response = post_stay(desk, "/desk/stays/new", stay_form(marketing_consent="y"))
    assert response.status_code == 303
    assert by_reference("WALK-1").marketing_consent is True
    page = desk.get("/desk/stays/WALK-1").text
    assert "<dt>Agrees to offers</dt><dd>Yes</dd>" in page

    edit = desk.get("/desk/stays/WALK-1/edit").text
    assert re.search(r'<input [^>]*checked id="marketing_consent" name="marketing_consent"', edit)
    version = str(by_reference("WALK-1").version)
    response = post_stay(desk, "/desk/stays/WALK-1/edit", stay_form(version=version))
    assert response.status_code == 303  # the box left unticked: no longer agrees
    db.session.expire_all()
    assert by_reference("WALK-1").marketing_consent is False
    assert "<dt>Agrees to offers</dt><dd>No</dd>" in desk.get("/desk/stays/WALK-1").text


def test_the_import_page_documents_the_consent_column(desk):
    page = desk.get("/desk/stays/import").text
    assert "<code>marketing_consent</code>" in page


@pytest.mark.parametrize(("value", "agreed"), [
    ("yes", True), ("Yes", True), ("1", True), ("true", True), ("no", False), ("0", False),
    ("FALSE", False), ("", False)])
def test_the_import_reads_the_consent_column(desk, value, agreed):
    content = f"{HEADER}\nPMS-1,204,Minji,Kim,2030-07-01,2030-07-08,ko,m@example.com,{value}\n"
    response = upload(desk, content.encode())
    assert response.status_code == 303, response.text
    assert by_reference("PMS-1").marketing_consent is agreed


def test_an_empty_consent_in_a_later_import_keeps_what_the_stay_had(desk):
    first = f"{HEADER}\nPMS-1,204,Minji,Kim,2030-07-01,2030-07-08,ko,m@example.com,yes\n"
    assert upload(desk, first.encode()).status_code == 303
    again = f"{HEADER}\nPMS-1,204,Minji,Kim,2030-07-01,2030-07-08,ko,m@example.com,\n"
    assert upload(desk, again.encode()).status_code == 303
    db.session.expire_all()
    assert by_reference("PMS-1").marketing_consent is True
    changed = f"{HEADER}\nPMS-1,204,Minji,Kim,2030-07-01,2030-07-08,ko,m@example.com,no\n"
    assert upload(desk, changed.encode()).status_code == 303
    db.session.expire_all()
    assert by_reference("PMS-1").marketing_consent is False


def test_a_bad_consent_in_the_import_is_named_by_line_and_nothing_is_imported(desk):
    content = (f"{HEADER}\nPMS-1,204,Minji,Kim,2030-07-01,2030-07-08,ko,m@example.com,yes\n"
               "PMS-2,205,Léa,Dubois,2030-07-01,2030-07-08,fr,l@example.com,maybe\n")
    response = upload(desk, content.encode())
    assert response.status_code == 422
    assert "Please answer yes or no." in response.text
    assert re.search(r">3</td>\s*<td[^>]*>PMS-2</td>\s*<td[^>]*>marketing_consent</td>",
                     response.text)
    assert db.session.scalar(select(func.count(Stay.id))) == 0
