"""Page forms refuse what no column or calendar holds, in the reader's language, writing
nothing: ids beyond an integer column, dates before 1900 or after 2999; and a choice of
only spaces is no choice. Each was a 500 found by the fuzz run (tests/web/test_form_fuzz.py).
"""

import pytest
from werkzeug.datastructures import MultiDict

from tests.helpers import snapshot
from tests.page_forms import forms_on
from tests.web.test_form_fuzz import build_world, endpoint_of, sign_in

NOT_LISTED = "Please choose one of the listed values."
OUT_OF_RANGE = "Please enter a date in the years 1900 to 2999."
# An id beyond PostgreSQL's integer (2**31) and one beyond SQLite's (2**63).
HUGE_IDS = [str(2**31), str(2**63)]


@pytest.fixture
def world(db):
    """The fuzz run's hotel: every kind of object a form is about."""
    return build_world(db)


def send_changed(app, client, world, persona, page, endpoint, language=None, **changes):
    """Open the page as the persona, send its form with ``changes`` in place of defaults
    (and ``?lang=`` if a language is given)."""
    path = page.format(**world["paths"])
    form = next(form for form in forms_on(client.get(path).text, path)
                if endpoint_of(app, form) == endpoint)
    data = MultiDict([(name, value) for name, values in form.data(**changes).items()
                      for value in values])
    query = {"lang": language} if language else {}
    if form.method == "get":
        return client.get(form.action, query_string=data | query)
    return client.post(form.action, data=data, query_string=query)


@pytest.mark.parametrize("chosen_id", HUGE_IDS)
@pytest.mark.parametrize(("persona", "page", "endpoint", "field"), [
    ("guest", "/services/kids-club", "guest.add_to_basket", "slot_id"),
    ("guest", "/services/kids-club", "guest.add_to_basket", "participants"),
    ("guest", "/packages/family/book", "guest.book_package", "kids-club-slot_id"),
    ("reception", "/desk/book/{reference}/kids-club", "desk.book_service", "slot_id"),
    ("reception", "/desk/requests", "desk.requests_action", "item_ids"),
    ("manager", "/desk/catalogue/services/kids-club", "desk.edit_service", "department"),
    ("manager", "/desk/catalogue/packages/family", "desk.edit_package", "services"),
])
def test_an_id_no_column_holds_is_refused_and_nothing_is_written(
        app, client, auth, db, world, persona, page, endpoint, field, chosen_id):
    sign_in(client, auth, world, persona)
    before = snapshot(db)
    response = send_changed(app, client, world, persona, page, endpoint, **{field: chosen_id})
    assert response.status_code == 422
    assert NOT_LISTED in response.text
    db.session.rollback()
    assert snapshot(db) == before


def test_the_refusal_of_an_id_is_in_the_readers_language(app, client, auth, db, world):
    sign_in(client, auth, world, "guest")
    response = send_changed(app, client, world, "guest", "/services/kids-club",
                            "guest.add_to_basket", language="ko", slot_id=str(2**63))
    assert response.status_code == 422
    assert "목록에 있는 값 중 하나를 선택해 주세요." in response.text


@pytest.mark.parametrize("chosen_id", HUGE_IDS)
def test_a_staff_member_put_in_a_department_no_column_holds_is_refused(
        app, client, auth, db, world, chosen_id):
    sign_in(client, auth, world, "manager")
    before = snapshot(db)
    response = send_changed(app, client, world, "manager", "/desk/staff/{staff}",
                            "desk.edit_staff_account", role="staff", department=chosen_id)
    assert response.status_code == 422
    assert "There is no such department." in response.text
    db.session.rollback()
    assert snapshot(db) == before


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "3000-01-01"])
@pytest.mark.parametrize(("page", "endpoint", "field"), [
    ("/desk/schedule", "desk.run_sheet", "date"),
    ("/desk/schedule/week", "desk.run_sheet_week", "start"),
    ("/desk/reports", "desk.reports", "to"),
    ("/desk/reports", "desk.reports", "from"),
    ("/desk/audit", "desk.audit_log", "first_day"),
    ("/desk/requests", "desk.requests_list", "day"),
])
def test_a_day_out_of_the_calendars_range_is_refused_with_a_message(
        app, client, auth, db, world, page, endpoint, field, day):
    sign_in(client, auth, world, "manager")
    response = send_changed(app, client, world, "manager", page, endpoint, **{field: day})
    assert response.status_code == 422
    assert OUT_OF_RANGE in response.text


def test_a_day_out_of_range_is_refused_in_the_readers_language(app, client, auth, db, world):
    sign_in(client, auth, world, "manager")
    response = send_changed(app, client, world, "manager", "/desk/schedule", "desk.run_sheet",
                            language="de", date="0001-01-01")
    assert response.status_code == 422
    assert "Bitte geben Sie ein Datum in den Jahren 1900 bis 2999 ein." in response.text


def test_a_stay_arriving_out_of_range_is_refused_and_not_saved(app, client, auth, db, world):
    sign_in(client, auth, world, "reception")
    before = snapshot(db)
    response = send_changed(app, client, world, "reception", "/desk/stays/{reference}/edit",
                            "desk.stay_edit", arrival_date="0001-01-01")
    assert response.status_code == 422
    assert OUT_OF_RANGE in response.text
    db.session.rollback()
    assert snapshot(db) == before


@pytest.mark.parametrize(("persona", "page", "endpoint", "field"), [
    ("manager", "/desk/stays", "desk.stays", "when"),
    ("manager", "/desk/tickets", "desk.tickets", "state"),
    ("manager", "/desk/tickets", "desk.tickets", "department"),
    ("staff", "/desk/tickets", "desk.tickets", "category"),
    ("manager", "/desk/requests", "desk.requests_list", "state"),
    ("manager", "/desk/audit", "desk.audit_log", "action"),
])
def test_a_filter_of_only_spaces_shows_the_list_unfiltered(app, client, auth, db, world,
                                                          persona, page, endpoint, field):
    sign_in(client, auth, world, persona)
    response = send_changed(app, client, world, persona, page, endpoint, **{field: " " * 81})
    assert response.status_code == 200


def test_a_refused_tick_of_a_package_line_says_why(app, client, auth, db, world):
    sign_in(client, auth, world, "guest")
    before = snapshot(db)
    response = send_changed(app, client, world, "guest", "/packages/family/book",
                            "guest.book_package", **{"crib-include": "\x00"})
    assert response.status_code == 422
    assert "This contains characters that are not allowed." in response.text
    db.session.rollback()
    assert snapshot(db) == before
