"""Guests ask the hotel and follow their tickets; the desk answers them; managers edit the FAQ."""

from datetime import UTC, datetime, timedelta

import pytest

from hotel.extensions import db as _db
from hotel.models import FaqEntry, Role, Ticket, TicketCategory, TicketState
from hotel.services import tickets
from tests.factories import (
    make_department,
    make_faq_entry,
    make_staff,
    make_stay,
    make_ticket_category,
)
from tests.helpers import csrf_token, post_form


@pytest.fixture
def world(db):
    housekeeping = make_department("housekeeping", "Housekeeping")
    wellness = make_department("wellness", "Wellness")
    room = make_ticket_category("room", "Room", housekeeping, response_hours=2)
    pool = make_ticket_category("pool", "Pool", wellness, response_hours=4)
    make_faq_entry({
        "en": ("When is the pool open?", "The pool is open from 7:00 to 21:00.",
               "pool, swimming"),
        "ko": ("수영장은 언제 여나요?", "수영장은 오전 7시부터 오후 9시까지 엽니다.",
               "수영장, 수영"),
    })
    world = {
        "room": room, "pool": pool, "housekeeping": housekeeping, "wellness": wellness,
        "kim": make_stay("LP71001", last_name="Kim", language="ko"),
        "other": make_stay("LP71002", last_name="Smith"),
        "reception": make_staff("desk71", Role.RECEPTION),
        "housekeeper": make_staff("house71", Role.STAFF, housekeeping),
        "lifeguard": make_staff("guard71", Role.STAFF, wellness),
        "manager": make_staff("boss71", Role.MANAGER),
    }
    db.session.commit()
    return world


def ask(client, world, text, category="room", **extra):
    data = {"kind": "complaint", "category": world[category].id, "booking_item": 0,
            "text": text, **extra}
    return post_form(client, "/help/ask", data, token_from="/help/ask")


def only_ticket() -> Ticket:
    return _db.session.query(Ticket).one()


# ------------------------------------------------------------------ guests


def test_help_lists_faq_in_the_readers_language(client, world):
    page = client.get("/help?lang=ko").text
    assert "수영장은 오전 7시부터" in page and 'lang="ko"' in page
    page = client.get("/help?lang=de").text  # no German text: the English one, marked so
    assert "The pool is open from 7:00" in page and 'lang="en"' in page


def test_asking_needs_a_signed_in_guest(client, world):
    response = client.get("/help/ask")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_a_matching_faq_is_shown_first_and_yes_creates_nothing(client, auth, world):
    auth.guest_login(world["other"])
    page = ask(client, world, "What are the pool hours?", category="pool")
    assert page.status_code == 200
    assert "The pool is open from 7:00 to 21:00." in page.text
    assert "Did this answer your question?" in page.text
    assert _db.session.query(Ticket).count() == 0
    response = ask(client, world, "What are the pool hours?", category="pool",
                   decision="solved")
    assert response.status_code == 303
    assert _db.session.query(Ticket).count() == 0


def test_a_korean_guest_sees_the_answer_in_korean(client, auth, world):
    auth.guest_login(world["kim"])
    page = ask(client, world, "수영장은 몇 시에 열어요?", category="pool").text
    assert "수영장은 오전 7시부터 오후 9시까지 엽니다." in page
    assert "The pool is open" not in page


def test_no_sends_it_to_the_hotel_with_a_tracking_number(client, auth, world):
    auth.guest_login(world["other"])
    response = ask(client, world, "What are the pool hours?", category="pool",
                   decision="send")
    assert response.status_code == 303
    ticket = only_ticket()
    assert ticket.department_id == world["wellness"].id
    page = client.get(response.headers["Location"]).text
    assert ticket.number in page


def test_without_a_match_the_ticket_is_created_at_once(client, auth, world):
    auth.guest_login(world["kim"])
    response = ask(client, world, "샤워기에서 찬물만 나와요.")
    assert response.status_code == 303
    ticket = only_ticket()
    assert (ticket.stay_id, ticket.language, ticket.state) == (
        world["kim"].id, "ko", TicketState.NEW)
    assert ticket.department_id == world["housekeeping"].id


@pytest.mark.parametrize(("fields", "message"), [
    ({"text": ""}, "Please write a few words."),
    ({"category": "999999"}, "Not a valid choice"),
    ({"kind": "praise"}, "Not a valid choice"),
    ({"booking_item": "424242"}, "Not a valid choice"),
])
def test_bad_input_gets_422_and_a_message(client, auth, world, fields, message):
    auth.guest_login(world["other"])
    data = {"kind": "complaint", "category": world["room"].id, "booking_item": 0,
            "text": "The shower is cold.", **fields}
    response = post_form(client, "/help/ask", data, token_from="/help/ask")
    assert response.status_code == 422
    assert message in response.text
    assert _db.session.query(Ticket).count() == 0


def _ticket_for(world, stay="kim", text="The shower is cold.") -> Ticket:
    ticket = tickets.create_ticket(world[stay], kind="complaint", category_id=world["room"].id,
                                   text=text, language=world[stay].language)
    _db.session.commit()
    return ticket


def test_a_guest_sees_only_their_own_tickets(client, auth, world):
    mine = _ticket_for(world, "kim", "Mine")
    theirs = _ticket_for(world, "other", "Theirs")
    auth.guest_login(world["kim"])
    page = client.get("/help/tickets").text
    assert mine.number in page and theirs.number not in page
    assert client.get(f"/help/tickets/{mine.number}").status_code == 200
    assert client.get(f"/help/tickets/{theirs.number}").status_code == 404
    token = csrf_token(client, "/help/tickets")
    response = client.post(f"/help/tickets/{theirs.number}/satisfaction",
                           data={"csrf_token": token, "score": "1"})
    assert response.status_code == 404


def test_the_answer_is_shown_in_its_language(client, auth, world):
    ticket = _ticket_for(world)
    tickets.answer_ticket(ticket, "배관공이 곧 갑니다.", "ko", world["reception"])
    _db.session.commit()
    auth.guest_login(world["kim"])
    page = client.get(f"/help/tickets/{ticket.number}").text
    assert '<p class="ticket-text" lang="ko" dir="auto">배관공이 곧 갑니다.</p>' in page
    assert "How did we do?" not in page  # not closed yet


def test_satisfaction_only_after_closing_and_once(client, auth, world):
    ticket = _ticket_for(world)
    auth.guest_login(world["kim"])
    url = f"/help/tickets/{ticket.number}"
    response = post_form(client, f"{url}/satisfaction", {"score": "5"}, token_from=url)
    assert response.status_code == 422
    tickets.answer_ticket(ticket, "Fixed.", "en", world["reception"])
    tickets.change_state(ticket, "closed", world["reception"])
    _db.session.commit()
    response = post_form(client, f"{url}/satisfaction", {"score": "7"}, token_from=url)
    assert response.status_code == 422 and 'class="field-errors"' in response.text
    response = post_form(client, f"{url}/satisfaction", {"score": "4", "comment": "Quick."},
                         token_from=url)
    assert response.status_code == 303
    _db.session.refresh(ticket)
    assert (ticket.satisfaction, ticket.satisfaction_comment) == (4, "Quick.")
    response = post_form(client, f"{url}/satisfaction", {"score": "1"}, token_from=url)
    assert response.status_code == 422
    _db.session.refresh(ticket)
    assert ticket.satisfaction == 4


# ------------------------------------------------------------------ the desk


def test_reception_answers_and_closes_through_the_pages(client, auth, world):
    ticket = _ticket_for(world)
    auth.staff_login(username=world["reception"].username)
    url = f"/desk/tickets/{ticket.number}"
    page = client.get(url).text
    assert 'lang="ko" dir="auto">The shower is cold.' in page
    assert post_form(client, f"{url}/state", {"state": "in_progress"},
                     token_from=url).status_code == 303
    assert post_form(client, f"{url}/notes", {"note": "Plumber called."},
                     token_from=url).status_code == 303
    assert post_form(client, f"{url}/answer", {"answer": "A plumber is on the way.",
                                               "language": "en"},
                     token_from=url).status_code == 303
    assert post_form(client, f"{url}/state", {"state": "closed"},
                     token_from=url).status_code == 303
    _db.session.refresh(ticket)
    assert ticket.state == TicketState.CLOSED
    assert ticket.answered_by_id == world["reception"].id
    assert "Plumber called." in client.get(url).text


def test_desk_refuses_bad_input_with_422(client, auth, world):
    ticket = _ticket_for(world)
    auth.staff_login(username=world["reception"].username)
    url = f"/desk/tickets/{ticket.number}"
    response = post_form(client, f"{url}/answer", {"answer": "", "language": "en"},
                         token_from=url)
    assert response.status_code == 422 and "Please write the answer." in response.text
    response = post_form(client, f"{url}/state", {"state": "closed"}, token_from=url)
    assert response.status_code == 422  # not offered before an answer
    response = post_form(client, f"{url}/reassign", {"category": "999999"}, token_from=url)
    assert response.status_code == 422
    _db.session.refresh(ticket)
    assert ticket.state == TicketState.NEW and ticket.category_id == world["room"].id


def test_reassigning_sends_it_to_another_department(client, auth, world):
    ticket = _ticket_for(world)
    auth.staff_login(username=world["housekeeper"].username)
    url = f"/desk/tickets/{ticket.number}"
    response = post_form(client, f"{url}/reassign",
                         {"category": world["pool"].id, "department": 0}, token_from=url)
    assert response.status_code == 303
    assert response.headers["Location"] == "/desk/tickets"  # no longer theirs to see
    _db.session.refresh(ticket)
    assert ticket.department_id == world["wellness"].id
    assert client.get(url).status_code == 403


def test_department_staff_see_and_handle_only_their_tickets(client, auth, world):
    ticket = _ticket_for(world)
    auth.staff_login(username=world["lifeguard"].username)
    assert ticket.number not in client.get("/desk/tickets").text
    url = f"/desk/tickets/{ticket.number}"
    assert client.get(url).status_code == 403
    token = csrf_token(client, "/desk/tickets")
    for action, data in [("state", {"state": "in_progress"}), ("notes", {"note": "x"}),
                         ("answer", {"answer": "x", "language": "en"}),
                         ("reassign", {"category": world["pool"].id})]:
        response = client.post(f"{url}/{action}", data={"csrf_token": token, **data})
        assert response.status_code == 403, action
    _db.session.refresh(ticket)
    assert ticket.state == TicketState.NEW and not ticket.notes


def test_the_housekeeper_sees_the_housekeeping_ticket(client, auth, world):
    ticket = _ticket_for(world)
    auth.staff_login(username=world["housekeeper"].username)
    assert ticket.number in client.get("/desk/tickets").text


def test_filters_and_overdue_highlight(client, auth, world):
    late = tickets.create_ticket(world["kim"], kind="request", category_id=world["room"].id,
                                 text="Towels please", language="ko",
                                 now=datetime.now(UTC) - timedelta(hours=3))
    fresh = tickets.create_ticket(world["other"], kind="question",
                                  category_id=world["pool"].id, text="Sauna?",
                                  language="en")
    _db.session.commit()
    auth.staff_login(username=world["reception"].username)
    page = client.get("/desk/tickets").text
    assert page.count('class="row--overdue"') == 1 and "Overdue" in page
    page = client.get("/desk/tickets?overdue=y").text
    assert late.number in page and fresh.number not in page
    page = client.get(f"/desk/tickets?category={world['pool'].id}").text
    assert fresh.number in page and late.number not in page
    page = client.get(f"/desk/tickets?department={world['housekeeping'].id}").text
    assert late.number in page and fresh.number not in page
    page = client.get("/desk/tickets?state=answered").text
    assert late.number not in page and fresh.number not in page
    today = client.get("/desk/").text
    assert "Guest tickets past their answer time" in today and late.number in today
    assert fresh.number not in today


def _make_tickets(world, count: int) -> None:
    for index in range(count):
        stay = make_stay()
        tickets.create_ticket(stay, kind="complaint",
                              category_id=(world["room"] if index % 2 else world["pool"]).id,
                              text=f"Problem {index}", language="en")
    _db.session.commit()


def test_the_desk_list_runs_a_constant_number_of_queries(client, auth, world, count_queries):
    auth.staff_login(username=world["reception"].username)
    counts = []
    for count in (5, 55):
        _make_tickets(world, count)
        client.get("/desk/tickets")
        with count_queries() as counter:
            page = client.get("/desk/tickets")
        assert page.status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]
    assert page.text.count('data-label="Number"') == 50  # one page of the 60


# ------------------------------------------------------------------ managers


def test_a_manager_writes_an_faq_entry(client, auth, world):
    auth.staff_login(username=world["manager"].username)
    data = {"kind": "policy", "category": world["pool"].id, "position": 2, "active": "y",
            "name_en": "Pets", "description_en": "Dogs are welcome.",
            "keywords_en": "dog, pet", "name_ko": "반려동물",
            "description_ko": "반려견 동반이 가능합니다.", "keywords_ko": "강아지"}
    response = post_form(client, "/desk/faq/new", data, token_from="/desk/faq/new")
    assert response.status_code == 303
    entry = _db.session.query(FaqEntry).filter_by(position=2).one()
    assert entry.text("ko").description == "반려견 동반이 가능합니다."
    assert "반려견 동반이 가능합니다." in client.get("/help?lang=ko").text
    response = post_form(client, f"/desk/faq/{entry.id}?lang=en",
                         {**data, "description_en": ""}, token_from="/desk/faq/new")
    assert response.status_code == 422 and "Please give the answer as well." in response.text


def test_a_manager_adds_a_ticket_category(client, auth, world):
    auth.staff_login(username=world["manager"].username)
    data = {"slug": "noise", "department": world["housekeeping"].id, "response_hours": 1,
            "name_en": "Noise", "name_ko": "소음"}
    response = post_form(client, "/desk/faq/categories/new", data,
                         token_from="/desk/faq/categories/new")
    assert response.status_code == 303
    category = _db.session.query(TicketCategory).filter_by(slug="noise").one()
    assert category.text("ko").name == "소음"
    response = post_form(client, "/desk/faq/categories/new",
                         {**data, "response_hours": 0}, token_from="/desk/faq/categories/new")
    assert response.status_code == 422 and "from 1 to 720" in response.text


@pytest.mark.parametrize("who", ["reception", "housekeeper"])
def test_only_managers_edit_the_faq(client, auth, world, who):
    auth.staff_login(username=world[who].username)
    assert client.get("/desk/faq").status_code == 403
    assert client.get("/desk/tickets").status_code == 200
