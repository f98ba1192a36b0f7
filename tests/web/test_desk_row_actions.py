"""Reception answers a request on its own row of Today and Requests: confirm in one click,
decline with a standard reason chosen in place; a refused answer shows its message on the
same page with what was chosen kept, and the list keeps waiting requests as its default."""

import re

import pytest

from hotel.models import BookingItem, ItemState, Role
from tests.factories import make_standard_reason
from tests.helpers import post_form
from tests.web.test_desk_requests import ask_transfer, desk  # noqa: F401 - the fixture


@pytest.fixture
def weather(db):
    reason = make_standard_reason("weather", {"en": "Bad weather", "de": "Schlechtes Wetter"})
    db.session.commit()
    return reason


@pytest.fixture
def two_requests(desk, db):  # noqa: F811 - the fixture imported above
    return [ask_transfer(desk["family"], desk["transfer"]).items[0].id for _ in range(2)]


def _row_form(page: str, item_id: int, action: str) -> str:
    """Return the row form of an action on one item, as the page has it."""
    forms = re.findall(r'<form method="post" action="/desk/requests/action".*?</form>', page,
                       re.S)
    found = [form for form in forms if f'name="item_ids" value="{item_id}"' in form
             and f'name="action" value="{action}"' in form]
    assert len(found) == 1, (item_id, action)
    return found[0]


@pytest.mark.parametrize("page", ["/desk/", "/desk/requests"])
def test_a_request_is_confirmed_from_its_own_row(client, auth, db, two_requests, page):
    auth.staff_login(Role.RECEPTION)
    text = client.get(page).text
    first, second = two_requests
    form = _row_form(text, first, "confirm")
    back = re.search(r'name="back" value="([^"]*)"', form).group(1)
    assert back.startswith(page)
    response = post_form(client, "/desk/requests/action",
                         {"item_ids": [first], "action": "confirm", "back": back},
                         token_from=page)
    assert response.status_code == 303 and response.location.startswith(page)
    assert db.session.get(BookingItem, first).state == ItemState.CONFIRMED
    assert db.session.get(BookingItem, second).state == ItemState.REQUESTED
    assert "1 item updated." in client.get(response.location).text


def test_a_row_declines_with_a_standard_reason_chosen_in_place(client, auth, db, weather,
                                                               two_requests):
    auth.staff_login(Role.RECEPTION)
    first = two_requests[0]
    form = _row_form(client.get("/desk/?lang=de").text, first, "decline")
    assert "Schlechtes Wetter" in form  # the reasons in the reader's language
    response = post_form(client, "/desk/requests/action",
                         {"item_ids": [first], "action": "decline", "row": first,
                          "standard_reason": weather.id, "back": "/desk/"}, token_from="/desk/")
    assert response.status_code == 303
    item = db.session.get(BookingItem, first)
    assert item.state == ItemState.DECLINED and item.standard_reason_id == weather.id


@pytest.mark.parametrize("back", ["/desk/", "/desk/requests?state=&guest=park"])
def test_a_decline_without_a_reason_opens_its_row_again_with_the_message(
        client, auth, db, weather, two_requests, back):
    auth.staff_login(Role.RECEPTION)
    first = two_requests[0]
    response = post_form(client, "/desk/requests/action",
                         {"item_ids": [first], "action": "decline", "row": first,
                          "standard_reason": "0", "reason": "   ", "back": back},
                         token_from="/desk/")
    assert response.status_code == 422
    form = _row_form(response.text, first, "decline")
    assert "Please choose a reason or write one." in form  # beside the form, not elsewhere
    assert re.search(rf'<details class="row-decline" open>\s*<summary[^>]*>[^<]*'
                     rf'<span class="visually-hidden"> item {first}<', response.text)
    assert f'value="{back.replace("&", "&amp;")}"' in form  # the page it came from
    assert 'class="filters card"' in response.text or back == "/desk/"  # not a dead end
    assert db.session.get(BookingItem, first).state == ItemState.REQUESTED


def test_a_refused_answer_of_several_keeps_them_chosen(client, auth, db, two_requests):
    auth.staff_login(Role.RECEPTION)
    first, second = two_requests
    response = post_form(client, "/desk/requests/action",
                         {"item_ids": [first, second], "action": "decline",
                          "reason": "x" * 501, "back": "/desk/requests?state=requested"},
                         token_from="/desk/")
    assert response.status_code == 422
    assert "Nothing was changed." in response.text
    for item_id in (first, second):
        assert re.search(rf'name="item_ids" value="{item_id}" form="item-action"'
                         rf' aria-label="[^"]+" checked>', response.text)
    assert '<option selected value="decline">' in response.text
    assert {db.session.get(BookingItem, i).state for i in two_requests} == {ItemState.REQUESTED}


@pytest.mark.parametrize("query", ["", "?lang=en", "?lang=ko", "?page=1"])
def test_the_list_shows_waiting_requests_whatever_else_its_address_carries(
        client, auth, db, two_requests, query):
    first, second = two_requests
    db.session.get(BookingItem, first).state = ItemState.CONFIRMED
    db.session.commit()
    auth.staff_login(Role.RECEPTION)
    page = client.get(f"/desk/requests{query}").text
    assert f'name="item_ids" value="{second}" form="item-action"' in page
    assert f'name="item_ids" value="{first}" form="item-action"' not in page
    every = client.get(f"/desk/requests{query}{'&' if query else '?'}state=").text
    assert f'name="item_ids" value="{first}" form="item-action"' in every


def test_a_new_standard_reason_is_offered_on_the_rows_at_once(client, auth, db, weather,
                                                              two_requests):
    auth.staff_login(Role.RECEPTION)
    assert "Roads closed" not in client.get("/desk/").text  # the reasons are now cached
    make_standard_reason("roads", {"en": "Roads closed"})
    db.session.commit()
    assert "Roads closed" in _row_form(client.get("/desk/").text, two_requests[0], "decline")
