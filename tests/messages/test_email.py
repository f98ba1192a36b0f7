"""E-mails to guests, sent through a real SMTP server: in their language, with the
calendar file, the standard reason, the other times to rebook, and the reminders."""

from datetime import UTC, datetime, time, timedelta
from email.message import EmailMessage
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from hotel.clock import hotel_today, local_to_utc
from hotel.models import BookingItem, ItemState, Kind, Message, MessageKind, MessageState, Role
from hotel.models.types import utcnow
from hotel.services import mail, timed_messages
from hotel.services.bookings import create_booking
from hotel.services.requests import Action, handle_items
from hotel.services.rules import ItemRequest
from hotel.services.slots import close_slot
from tests.factories import (
    add_slot,
    make_booking_item,
    make_package,
    make_service,
    make_staff,
    make_standard_reason,
    make_stay,
)
from tests.scenarios import translated


def deliver_all(db) -> None:
    """Send every waiting message, as the worker would."""
    for message_id in mail.due_message_ids():
        mail.deliver(message_id)


def body_of(email: EmailMessage, subtype: str) -> str:
    return email.get_body(preferencelist=(subtype,)).get_content()


@pytest.fixture
def riding(db):
    service = make_service("riding", texts={"en": ("Riding lesson", ""),
                                            "ko": ("승마 레슨", ""), "zh": ("骑马课", "")})
    db.session.commit()
    return service


def test_a_korean_guests_booking_sends_one_korean_email_with_a_calendar(db, smtp, riding):
    stay = make_stay(language="ko", arrival_on=hotel_today())
    slot = add_slot(riding, hotel_today() + timedelta(days=1))
    db.session.commit()

    booking = create_booking(stay, [ItemRequest(riding, slot_id=slot.id,
                                                participant_ids=[stay.members[0].id])], stay)
    deliver_all(db)

    emails = smtp.inbox.to(stay.email)
    assert len(emails) == 1
    email = emails[0]
    assert email["Subject"] == translated("ko", "We have your booking %(reference)s") % {
        "reference": booking.reference}
    assert email["Content-Language"] == "ko"
    assert "승마 레슨" in body_of(email, "plain") and "승마 레슨" in body_of(email, "html")
    assert translated("ko", "Confirmed") in body_of(email, "plain")
    assert "€" in body_of(email, "plain")
    [attachment] = list(email.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    calendar = Calendar.from_ical(attachment.get_content())
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "승마 레슨"
    assert event.decoded("dtstart") == slot.starts_at
    message = db.session.scalar(select(Message))
    assert message.state == MessageState.SENT and email["Message-ID"].strip() == message.message_id


def test_a_decline_with_a_standard_reason_reaches_a_chinese_guest_in_chinese(db, smtp):
    babysitting = make_service("babysitting", kind=Kind.ON_REQUEST, requires_approval=True,
                               texts={"en": ("Babysitting", ""), "zh": ("托婴服务", "")})
    reason = make_standard_reason("staff", {"en": "No staff are free at that time.",
                                            "zh": "那个时间没有空闲的工作人员。"})
    stay = make_stay(language="zh", children=[4])
    item = make_booking_item(stay, babysitting, state=ItemState.REQUESTED,
                             start_on=hotel_today() + timedelta(days=1),
                             starts_at=local_to_utc(hotel_today() + timedelta(days=1),
                                                    time(20, 0)))
    reception = make_staff(role=Role.RECEPTION)
    db.session.commit()

    handle_items([item.id], Action.DECLINE, reception, reason="Sorry!", reason_language="en",
                 standard_reason_id=reason.id)
    deliver_all(db)

    [email] = smtp.inbox.to(stay.email)
    text = body_of(email, "plain")
    assert email["Subject"] == translated("zh", "We cannot offer what you asked for")
    assert "那个时间没有空闲的工作人员。" in text
    assert "No staff are free" not in text
    assert "托婴服务" in text
    assert "Sorry!" in text  # the note, as written, marked with its language
    assert translated("zh", "Note from the hotel (%(language)s):") % {"language": "英语"} in text


def test_closing_a_slot_emails_each_guest_with_times_whose_link_rebooks(app, db, smtp, riding,
                                                                        client):
    day = hotel_today() + timedelta(days=1)
    closed = add_slot(riding, day, time(10, 0), capacity=6)
    later = add_slot(riding, day, time(14, 0), capacity=6)
    full = add_slot(riding, day, time(11, 0), capacity=2)
    full.booked = 2
    guests = [make_stay(language=language, arrival_on=hotel_today()) for language in ("ko", "zh")]
    for stay in guests:
        make_booking_item(stay, riding, slot=closed, participants=stay.members[:2])
    manager = make_staff(role=Role.MANAGER)
    db.session.commit()

    close_slot(closed.id, "The horses need a vet.", manager, reason_language="en")
    deliver_all(db)

    for stay in guests:
        [email] = smtp.inbox.to(stay.email)
        assert email["Content-Language"] == stay.language
        html = body_of(email, "html")
        links = [part.split('"')[0] for part in html.split('href="')[1:]]
        rebook = [link for link in links if "/rebook/" in link]
        assert len(rebook) == 1, "only the 14:00 slot has room for two"
    stay = guests[0]
    [email] = smtp.inbox.to(stay.email)
    rebook_link = next(part.split('"')[0] for part in body_of(email, "html").split('href="')[1:]
                       if "/rebook/" in part.split('"')[0])
    path = urlsplit(rebook_link).path
    page = client.get(path)
    assert page.status_code == 200
    token = page.text.split('name="csrf_token" type="hidden" value="')[1].split('"')[0] \
        if 'name="csrf_token" type="hidden"' in page.text else \
        page.text.split('id="csrf_token" name="csrf_token" type="hidden" value="')[1].split('"')[0]
    booked = client.post(path, data={"csrf_token": token})
    assert booked.status_code == 302
    new_item = db.session.scalar(select(BookingItem).where(BookingItem.slot_id == later.id))
    assert new_item is not None and new_item.booking.stay_id == stay.id
    assert {member.id for member in new_item.participants} == {m.id for m in stay.members[:2]}
    db.session.expire_all()
    assert db.session.get(type(later), later.id).booked == 2


def test_the_reminder_job_sends_exactly_the_next_days_reminders(db, smtp, riding):
    today = hotel_today()
    tomorrow, after = today + timedelta(days=1), today + timedelta(days=2)
    booked_tomorrow = make_stay(arrival_on=today)
    booked_later = make_stay(arrival_on=today)
    cancelled = make_stay(arrival_on=today)
    make_booking_item(booked_tomorrow, riding, slot=add_slot(riding, tomorrow, time(9, 0)))
    make_booking_item(booked_tomorrow, riding, slot=add_slot(riding, tomorrow, time(15, 0)))
    make_booking_item(booked_later, riding, slot=add_slot(riding, after, time(9, 0)))
    make_booking_item(cancelled, riding, slot=add_slot(riding, tomorrow, time(11, 0)),
                      state=ItemState.CANCELLED)
    db.session.commit()

    before_evening = local_to_utc(today, time(17, 59))
    assert timed_messages.send_reminders(before_evening) == []
    evening = local_to_utc(today, time(18, 5))
    written = timed_messages.send_reminders(evening)
    assert timed_messages.send_reminders(evening + timedelta(hours=2)) == []  # once a day
    deliver_all(db)

    assert [m.stay_id for m in written] == [booked_tomorrow.id]
    assert len(smtp.inbox.emails) == 1
    [email] = smtp.inbox.to(booked_tomorrow.email)
    text = body_of(email, "plain")
    assert text.count("Riding lesson") == 2
    assert db.session.scalar(select(func.count(Message.id))) == 1


@pytest.mark.parametrize("language", ["ko", "ja", "zh", "vi", "ru", "de", "fr", "es", "ar"])
def test_each_kind_of_message_is_written_in_every_language(app, db, language):
    from hotel.services.messages import SUBJECTS, tell

    stay = make_stay(language=language)
    stay.marketing_consent = True
    db.session.flush()
    for kind in MessageKind:
        english = str(SUBJECTS[kind]).split("%")[0].strip()
        message = tell(stay, kind, **sample_context(kind, stay))
        assert message is not None, kind
        assert english not in message.subject, (kind, message.subject)
        assert "Hello" not in message.text and "Open your stay" not in message.text, kind
        assert message.language == language
    db.session.rollback()


def sample_context(kind: MessageKind, stay) -> dict:
    """Values each kind's templates need, with nothing booked."""
    from types import SimpleNamespace

    ticket = SimpleNamespace(number="T-1", answer="Ja.", answer_language="de")
    booking = SimpleNamespace(reference="BTEST", total=0, currency="EUR")
    return {
        MessageKind.BOOKING_RECEIVED: {"subject_values": {"reference": "BTEST"},
                                       "booking": booking, "items": []},
        MessageKind.REQUEST_CONFIRMED: {"items": []},
        MessageKind.REQUEST_DECLINED: {"items": []},
        MessageKind.CANCELLED_BY_HOTEL: {"items": [], "offers": {}},
        MessageKind.REMINDER: {"items": [], "day": hotel_today()},
        MessageKind.TICKET_ANSWERED: {"subject_values": {"number": "T-1"}, "ticket": ticket,
                                      "ticket_url": "http://hotel.test/help/tickets/T-1"},
        MessageKind.RATING_INVITATION: {"items": [], "rate_urls": {}},
        MessageKind.PRE_ARRIVAL_OFFER: {"packages": [], "services": [],
                                        "catalogue_url": "http://hotel.test/"},
        MessageKind.WAITLIST_OFFER: {
            "entry": SimpleNamespace(service=make_service(), start_on=hotel_today(),
                                     end_on=hotel_today(), slot=None, quantity=1),
            "people": [], "expires_at": utcnow(),
            "offer_url": "http://hotel.test/waitlist/token"},
    }[kind]


def test_a_stay_without_consent_gets_no_offer_and_unsubscribing_stops_offers(app, db, client):
    from hotel.services import links
    from hotel.services.messages import tell

    agreed = make_stay(arrival_on=hotel_today() + timedelta(days=2))
    agreed.marketing_consent = True
    refused = make_stay(arrival_on=hotel_today() + timedelta(days=2))
    make_package([make_service(), make_service()])
    db.session.commit()

    written = timed_messages.send_pre_arrival_offers()
    assert [m.stay_id for m in written] == [agreed.id]
    assert refused.marketing_consent is False
    offer = written[0]
    assert offer.marketing and offer.kind == MessageKind.PRE_ARRIVAL_OFFER

    unsubscribe = urlsplit(links.unsubscribe_url(agreed)).path
    one_click = client.post(unsubscribe, data="List-Unsubscribe=One-Click",
                            content_type="application/x-www-form-urlencoded")
    assert one_click.status_code == 200
    db.session.expire_all()
    assert db.session.get(type(agreed), agreed.id).marketing_consent is False
    assert tell(db.session.get(type(agreed), agreed.id), MessageKind.PRE_ARRIVAL_OFFER,
                packages=[], services=[], catalogue_url="") is None
    booking_message = tell(db.session.get(type(agreed), agreed.id),
                           MessageKind.REQUEST_CONFIRMED, items=[])
    assert booking_message is not None  # messages about their bookings still go
    db.session.rollback()


def test_an_offer_email_can_be_unsubscribed_in_one_click(app, db, smtp):
    from hotel.services.messages import tell

    stay = make_stay()
    stay.marketing_consent = True
    db.session.flush()
    tell(stay, MessageKind.PRE_ARRIVAL_OFFER, packages=[], services=[],
         catalogue_url="http://hotel.test/")
    db.session.commit()
    deliver_all(db)
    [email] = smtp.inbox.to(stay.email)
    assert email["List-Unsubscribe"].strip().startswith("<http://hotel.test/unsubscribe/")
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_message_that_cannot_be_sent_is_retried_then_failed(app, db, smtp):
    from hotel.services.messages import tell

    stay = make_stay()
    tell(stay, MessageKind.REQUEST_CONFIRMED, items=[])
    db.session.commit()
    smtp.stop()
    app.config["MAIL_ATTEMPTS"] = 2
    try:
        [message_id] = mail.due_message_ids()
        outcome, delay = mail.deliver(message_id)
        assert outcome == mail.Delivered.RETRY and delay == timedelta(seconds=1)
        assert mail.due_message_ids() == []  # not due before the delay
        later = datetime.now(UTC) + timedelta(seconds=2)
        assert mail.due_message_ids(later) == [message_id]
        assert mail.deliver(message_id, later)[0] == mail.Delivered.FAILED
    finally:
        app.config["MAIL_ATTEMPTS"] = 12
    message = db.session.get(Message, message_id, populate_existing=True)
    assert message.state == MessageState.FAILED and message.attempts == 2
    assert "Connection" in message.last_error or "refused" in message.last_error.lower()
