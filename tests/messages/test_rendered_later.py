"""A guest's new booking is told of by a message written in the booking's transaction but
rendered after the commit: by the worker, or by the first page that shows it."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.models import Message, MessageKind, MessageState, Role
from hotel.services import mail
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import add_slot, make_service, make_stay
from tests.scenarios import translated


@pytest.fixture
def booked(db):
    """A Korean stay's booking of a riding lesson, just committed; no mail server."""
    riding = make_service("riding", texts={"en": ("Riding lesson", ""),
                                           "ko": ("승마 레슨", "")})
    stay = make_stay(language="ko", arrival_on=hotel_today())
    slot = add_slot(riding, hotel_today() + timedelta(days=1))
    db.session.commit()
    booking = create_booking(stay, [ItemRequest(riding, slot_id=slot.id,
                                                participant_ids=[stay.members[0].id])], stay)
    db.session.expire_all()
    return stay, booking


def stored(db) -> Message:
    db.session.expire_all()
    return db.session.scalar(select(Message).where(Message.kind == MessageKind.BOOKING_RECEIVED))


def test_the_booking_writes_its_message_unrendered_and_the_worker_renders_it(db, booked):
    stay, booking = booked
    message = stored(db)
    assert message.render_from == {"booking_id": booking.id}
    assert (message.subject, message.text, message.html, message.attachments) == ("", "", "", [])
    assert mail.due_message_ids() == [message.id]  # the sweep finds it, should the queue not

    mail.deliver(message.id)  # what the worker runs for it, right after the commit

    message = stored(db)
    assert message.render_from is None and message.state == MessageState.KEPT
    assert message.subject == translated("ko", "We have your booking %(reference)s") % {
        "reference": booking.reference}
    assert "승마 레슨" in message.text and "승마 레슨" in message.html
    [calendar] = message.attachments
    assert calendar["filename"] == f"{booking.reference}.ics" and "승마 레슨" in calendar["content"]
    assert mail.due_message_ids() == []


def test_the_guests_page_renders_a_message_the_worker_has_not_got_to(client, auth, db, booked):
    stay, booking = booked
    auth.guest_login(stay)

    page = client.get("/messages")

    assert page.status_code == 200
    assert translated("ko", "We have your booking %(reference)s") % {
        "reference": booking.reference} in page.text
    assert "승마 레슨" in page.text
    message = stored(db)
    assert message.render_from is None and "승마 레슨" in message.text  # kept, not redone


def test_the_desk_sees_the_message_rendered(client, auth, db, booked):
    stay, booking = booked
    message_id = stored(db).id
    auth.staff_login(Role.RECEPTION)

    page = client.get(f"/desk/messages/{message_id}")

    assert page.status_code == 200 and "승마 레슨" in page.text
    assert stored(db).render_from is None
