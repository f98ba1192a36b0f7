"""Reception and managers read the log of messages to guests, filtered by state and kind,
send a failed one again, and read each stay's messages on its page."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from hotel.models import AuditEntry, Message, MessageKind, MessageState, Role
from tests.factories import make_message, make_stay
from tests.helpers import post_form

EARLY = datetime(2030, 7, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def stays(db):
    korean = make_stay("LP50001", last_name="Kim", first_name="Minji", language="ko",
                       room="204")
    german = make_stay("LP50002", last_name="Müller", first_name="Katrin", language="de",
                       room="112")
    db.session.commit()
    return korean, german


@pytest.fixture
def log(db, stays):
    """Four messages, an hour apart: kept, sent, failed (twice tried) and waiting."""
    korean, german = stays
    rows = [
        make_message(korean, MessageKind.BOOKING_RECEIVED, MessageState.KEPT,
                     subject="예약을 받았습니다", created_at=EARLY),
        make_message(german, MessageKind.REQUEST_CONFIRMED, MessageState.SENT,
                     subject="Bestätigt: Ihre Anfrage", created_at=EARLY + timedelta(hours=1),
                     attempts=1),
        make_message(korean, MessageKind.REMINDER, MessageState.FAILED,
                     subject="내일 일정", created_at=EARLY + timedelta(hours=2), attempts=12,
                     last_error="SMTPRecipientsRefused: 550 mailbox unavailable"),
        make_message(german, MessageKind.REQUEST_DECLINED, MessageState.WAITING,
                     subject="Leider nicht möglich", created_at=EARLY + timedelta(hours=3)),
    ]
    db.session.commit()
    return rows


@pytest.fixture
def reception(auth):
    return auth.staff_login(Role.RECEPTION, username="desk")


@pytest.fixture
def mail_server(app, monkeypatch):
    """A mail server in the settings (nothing is sent: the queue of the tests is memory)."""
    monkeypatch.setitem(app.config, "MAIL_SERVER", "smtp.hotel.test")


def subjects(page: str, rows) -> list[str]:
    """Return the subjects of the given messages in the order the page shows them."""
    found = [(page.find(f'id="message-{m.id}"'), m.subject) for m in rows]
    return [subject for position, subject in sorted(found) if position >= 0]


@pytest.mark.parametrize("role", [Role.RECEPTION, Role.MANAGER])
def test_the_log_lists_every_message_newest_first_with_its_stay(client, auth, db, log, role):
    auth.staff_login(role)
    page = client.get("/desk/messages")
    assert page.status_code == 200
    assert subjects(page.text, log) == [
        "Leider nicht möglich", "내일 일정", "Bestätigt: Ihre Anfrage", "예약을 받았습니다"]
    text = page.text
    assert 'href="/desk/stays/LP50001"' in text and "Room <bdi>204</bdi>" in text
    assert "<bdi>Minji Kim</bdi>" in text
    assert ">ko</span>" in text and ">de</span>" in text
    assert "Reminder" in text and "Failed" in text
    assert "SMTPRecipientsRefused: 550 mailbox unavailable" in text
    assert f'href="/desk/messages/{log[2].id}"' in text
    assert 'href="/desk/messages"' in client.get("/desk/").text  # in the menu


def test_only_failed_messages_have_a_send_again_button(client, db, reception, log):
    page = client.get("/desk/messages").text
    assert page.count("/send-again") == 1
    assert f'action="/desk/messages/{log[2].id}/send-again"' in page


@pytest.mark.parametrize(("query", "expected"), [
    ("state=failed", ["내일 일정"]),
    ("state=waiting", ["Leider nicht möglich"]),
    ("kind=request_confirmed", ["Bestätigt: Ihre Anfrage"]),
    ("state=kept&kind=booking_received", ["예약을 받았습니다"]),
    ("state=sent&kind=reminder", []),
    ("state=&kind=", ["Leider nicht möglich", "내일 일정", "Bestätigt: Ihre Anfrage",
                      "예약을 받았습니다"]),
])
def test_the_log_filters_by_state_and_kind(client, db, reception, log, query, expected):
    page = client.get(f"/desk/messages?{query}")
    assert page.status_code == 200
    assert subjects(page.text, log) == expected


@pytest.mark.parametrize("query", ["state=lost", "kind=love_letter", "state=%00",
                                   "kind=" + "x" * 500, "state=FAILED"])
def test_bad_filters_are_refused_with_a_message(client, db, reception, log, query):
    page = client.get(f"/desk/messages?{query}")
    assert page.status_code == 422
    assert "These filters cannot be used" in page.text


@pytest.mark.parametrize("page_number", ["abc", "-3", "0", "99999999999999999999999"])
def test_a_bad_page_number_shows_a_page(client, db, reception, log, page_number):
    assert client.get(f"/desk/messages?page={page_number}").status_code == 200


def test_the_log_shows_25_messages_a_page(client, db, reception, stays):
    rows = [make_message(stays[0], subject=f"Message {n:02d}",
                         created_at=EARLY + timedelta(minutes=n), flush=False)
            for n in range(30)]
    db.session.commit()
    first = client.get("/desk/messages").text
    assert len(subjects(first, rows)) == 25 and "Page 1 of 2" in first
    assert subjects(first, rows)[0] == "Message 29"
    second = client.get("/desk/messages?page=2").text
    assert subjects(second, rows) == [f"Message {n:02d}" for n in range(4, -1, -1)]


def _messages(stays, count: int) -> None:
    for number in range(count):
        make_message(stays[number % 2], list(MessageKind)[number % len(MessageKind)],
                     list(MessageState)[number % len(MessageState)],
                     created_at=EARLY + timedelta(minutes=number), flush=False,
                     last_error="timeout" if number % 5 == 0 else "")


def test_the_log_takes_as_many_queries_for_3_as_for_60_messages(client, db, reception, stays,
                                                                count_queries):
    _messages(stays, 3)
    db.session.commit()
    with count_queries() as few:
        assert client.get("/desk/messages").status_code == 200
    _messages([make_stay(language=language) for language in ("vi", "ar", "ja")], 57)
    db.session.commit()
    with count_queries() as many:
        assert client.get("/desk/messages").status_code == 200
    assert many.count == few.count


def test_a_failed_message_is_sent_again_and_waits_again(client, db, reception, log, mail_server):
    failed = log[2]
    response = post_form(client, f"/desk/messages/{failed.id}/send-again",
                         {"back": "/desk/messages?state=failed"}, token_from="/desk/messages")
    assert response.status_code == 303
    assert response.headers["Location"] == "/desk/messages?state=failed"
    db.session.expire_all()
    message = db.session.get(Message, failed.id)
    assert message.state == MessageState.WAITING and message.attempts == 0
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "message.sent_again"))
    assert entry.staff.username == "desk"
    assert "waiting to be sent again" in client.get("/desk/messages").text


@pytest.mark.parametrize("which", [1, 3])  # sent, and waiting
def test_a_message_that_has_not_failed_is_not_sent_again(client, db, reception, log,
                                                         mail_server, which):
    message = log[which]
    response = post_form(client, f"/desk/messages/{message.id}/send-again",
                         {"back": "/desk/messages"}, token_from="/desk/messages")
    assert response.status_code == 409
    assert "Only a message that could not be sent can be sent again." in response.text
    db.session.expire_all()
    assert db.session.get(Message, message.id).state == log[which].state


def test_without_a_mail_server_nothing_is_sent_again(client, db, reception, log):
    response = post_form(client, f"/desk/messages/{log[2].id}/send-again",
                         {"back": "/desk/messages"}, token_from="/desk/messages")
    assert response.status_code == 409
    assert "No mail server is set up" in response.text
    db.session.expire_all()
    assert db.session.get(Message, log[2].id).state == MessageState.FAILED


def test_send_again_needs_the_form_token_and_a_known_message(client, db, reception, log,
                                                             mail_server):
    refused = client.post(f"/desk/messages/{log[2].id}/send-again", data={})
    assert refused.status_code == 400
    db.session.expire_all()
    assert db.session.get(Message, log[2].id).state == MessageState.FAILED
    unknown = post_form(client, "/desk/messages/999/send-again", {},
                        token_from="/desk/messages")
    assert unknown.status_code == 409


def test_send_again_goes_back_only_to_a_page_of_this_site(client, db, reception, log,
                                                          mail_server):
    response = post_form(client, f"/desk/messages/{log[2].id}/send-again",
                         {"back": "https://evil.example/"}, token_from="/desk/messages")
    assert response.status_code == 303
    assert response.headers["Location"] == "/desk/messages"


def test_department_staff_have_no_message_log(client, auth, db, log):
    auth.staff_login(Role.STAFF)
    assert client.get("/desk/messages").status_code == 403
    assert client.get(f"/desk/messages/{log[0].id}").status_code == 403
    assert 'href="/desk/messages"' not in client.get("/desk/").text


def test_a_stay_page_lists_its_messages_and_opens_one(client, db, reception, log):
    page = client.get("/desk/stays/LP50001").text
    assert "예약을 받았습니다" in page and "내일 일정" in page
    assert "Leider nicht möglich" not in page  # another stay's
    assert page.index("내일 일정") < page.index("예약을 받았습니다")  # newest first
    assert f'href="/desk/messages/{log[0].id}"' in page

    opened = client.get(f"/desk/messages/{log[0].id}")
    assert opened.status_code == 200
    assert '<div class="message__body" lang="ko" dir="ltr"><p>예약을 받았습니다.</p></div>' \
        in opened.text
    assert client.get("/desk/messages/999").status_code == 404


def test_a_message_page_shows_what_the_service_wrote_escaped(client, db, reception, stays):
    """A real decline, written by the services, with a note that looks like markup."""
    from hotel.models import Kind, PricingUnit
    from hotel.models.types import utcnow
    from hotel.services.bookings import create_booking
    from hotel.services.requests import Action, handle_items
    from hotel.services.rules import ItemRequest
    from tests.factories import make_service, make_standard_reason

    transfer = make_service("transfer", kind=Kind.ON_REQUEST,
                            pricing_unit=PricingUnit.PER_BOOKING, price="85.00",
                            requires_approval=True, request_fields=["pickup_place"],
                            texts={"en": ("Transfer", ""), "ko": ("공항 픽업", "")})
    weather = make_standard_reason("weather", {"en": "Bad weather", "ko": "기상 악화"})
    stay = stays[0]
    booking = create_booking(stay, [ItemRequest(transfer, starts_at=utcnow() + timedelta(days=1),
                                                details={"pickup_place": "Airport"})], stay)
    db.session.commit()
    handle_items([booking.items[0].id], Action.DECLINE, reception,
                 reason="<script>alert(1)</script>", reason_language="en",
                 standard_reason_id=weather.id)
    message = db.session.scalar(select(Message).where(
        Message.kind == MessageKind.REQUEST_DECLINED))
    page = client.get(f"/desk/messages/{message.id}").text
    assert "기상 악화" in page and "공항 픽업" in page  # the guest's words, in Korean
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
