"""What the hotel tells its guests, written in the same transaction as the change it
tells of (an outbox), in the guest's language, and handed to the queue once committed.

A change that rolls back leaves no message; a committed one is never lost, since the
worker also sweeps the table for messages nobody has sent (hotel/worker.py). Messages
are rendered once and kept, so the guest's page, the desk's log and every e-mail try
show the same words: when written, or, for a guest's new booking, right after the commit
by the worker (or by the first page that shows it, should the worker be slower), so that
the guest's request does not wait for the e-mail to be written.
"""

import logging
import re
import secrets
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from email.utils import parseaddr
from functools import lru_cache

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import event, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hotel.extensions import db
from hotel.models import (
    MARKETING_KINDS,
    BookingItem,
    Message,
    MessageKind,
    MessageState,
    Stay,
)
from hotel.models.types import utcnow
from hotel.services import links

logger = logging.getLogger(__name__)

SUBJECTS = {
    MessageKind.BOOKING_RECEIVED: _l("We have your booking %(reference)s"),
    MessageKind.REQUEST_CONFIRMED: _l("Confirmed: your request"),
    MessageKind.REQUEST_DECLINED: _l("We cannot offer what you asked for"),
    MessageKind.CANCELLED_BY_HOTEL: _l("Cancelled by the hotel, with other times for you"),
    MessageKind.REMINDER: _l("Your plans for tomorrow"),
    MessageKind.TICKET_ANSWERED: _l("An answer to your message %(number)s"),
    MessageKind.RATING_INVITATION: _l("How was it? Tell us in a minute"),
    MessageKind.PRE_ARRIVAL_OFFER: _l("Before you arrive: ideas for your stay"),
    MessageKind.WAITLIST_OFFER: _l("A place has come free for you"),
}

_PENDING = "hotel.messages_to_send"
# Around the part of a message's HTML that pages show (templates/mail/base.html).
CONTENT_START, CONTENT_END = "<!--content-->", "<!--/content-->"
INLINE_STYLE = re.compile(r' style="[^"]*"')


def mail_configured() -> bool:
    return bool(current_app.config["MAIL_SERVER"])


def message_language(stay: Stay) -> str:
    """Return the language a stay is written to: its own, if the hotel offers it."""
    languages = current_app.config["LANGUAGES"]
    return stay.language if stay.language in languages else current_app.config[
        "DEFAULT_LANGUAGE"]


def _render(kind: MessageKind, stay: Stay, language: str, subject_values: dict,
            context: dict) -> tuple[str, str, str]:
    with force_locale(language):
        subject = str(SUBJECTS[kind] % subject_values) if subject_values else str(SUBJECTS[kind])
        values = dict(context, stay=stay, kind=kind, subject=subject, language=language,
                      sign_in_url=links.sign_in_url(stay),
                      unsubscribe_url=links.unsubscribe_url(stay)
                      if kind in MARKETING_KINDS else None)
        text = render_template(f"mail/{kind.value}.txt", **values)
        html = render_template(f"mail/{kind.value}.html", **values)
    return subject, text, html


@lru_cache(maxsize=8)
def _sender_domain(sender: str) -> str:
    """Return the domain of the sender's address (parsing an address is slow, and every
    booking writes a message)."""
    return parseaddr(sender)[1].rpartition("@")[2] or "hotel.invalid"


def _message_id() -> str:
    """Return a new Message-ID, unique to the message and the same on every try."""
    domain = _sender_domain(current_app.config["MAIL_DEFAULT_SENDER"])
    return f"<{secrets.token_hex(12)}@{domain}>"


def _fields(stay: Stay, kind: MessageKind, language: str, *, key: str | None = None,
            subject: str = "", text: str = "", html: str = "", attachments: Iterable[dict] = (),
            render_from: dict | None = None) -> dict:
    """Return the columns of a new message to a stay: by e-mail if mail is set up and the
    stay has an address, else kept for the guest to read on their pages."""
    by_mail = mail_configured() and bool(stay.email)
    return {"stay_id": stay.id, "kind": kind, "key": key, "language": language,
            "marketing": kind in MARKETING_KINDS, "email": stay.email if by_mail else "",
            "subject": subject[:300], "text": text, "html": html,
            "attachments": list(attachments), "attempts": 0, "last_error": "",
            "message_id": _message_id(), "render_from": render_from,
            "state": MessageState.WAITING if by_mail else MessageState.KEPT}


def _send_after_commit(message_id: int) -> None:
    db.session.info.setdefault(_PENDING, []).append(message_id)


def tell(stay: Stay, kind: MessageKind, *, key: str | None = None,
         subject_values: dict | None = None, attachments: Iterable[dict] = (),
         **context) -> Message | None:
    """Write a message to a stay in the caller's transaction, and return it.

    Returns None, writing nothing, for an offer to a stay that did not agree to offers,
    and for a ``key`` that has a message already (a timed job run twice).
    """
    if kind in MARKETING_KINDS and not stay.marketing_consent:
        return None
    if key is not None and db.session.scalar(select(Message.id).where(Message.key == key)):
        return None
    language = message_language(stay)
    subject, text, html = _render(kind, stay, language, subject_values or {}, context)
    message = Message(stay=stay, **_fields(stay, kind, language, key=key, subject=subject,
                                           text=text, html=html, attachments=attachments))
    if key is None:
        db.session.add(message)
        db.session.flush()
    else:
        try:
            with db.session.begin_nested():  # two workers writing the same timed message
                db.session.add(message)
                db.session.flush()
        except IntegrityError:
            return None
    if message.email:  # one kept to be read is rendered by its first reader, or the sweep
        _send_after_commit(message.id)
    return message


_INSERT_MESSAGE = insert(Message.__table__).returning(Message.__table__.c.id)


def tell_later(stay: Stay, kind: MessageKind, **render_from) -> int:
    """Write a message of a kind in ``RENDERED_LATER`` to a stay, empty, in the caller's
    transaction, to be rendered after the commit from what ``render_from`` names; return
    its id. It is one INSERT, not a flush of the session: every booking writes one.
    """
    fields = _fields(stay, kind, message_language(stay), render_from=render_from)
    message_id = db.session.execute(_INSERT_MESSAGE, fields).scalar_one()
    if fields["email"]:
        _send_after_commit(message_id)
    return message_id


@event.listens_for(Session, "after_commit")
def _queue_committed(session: Session) -> None:
    """Hand the messages of a committed transaction to the queue, to be sent now."""
    message_ids = session.info.pop(_PENDING, [])
    if not message_ids:
        return
    from hotel.worker import deliver_message

    for message_id in message_ids:
        try:
            deliver_message(message_id)
        except Exception:  # the worker's sweep sends it later; the message is stored
            logger.exception("Could not queue message %s; the next sweep sends it.",
                             message_id)


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, previous_transaction) -> None:
    """A rolled-back transaction wrote no messages: nothing to queue."""
    if previous_transaction.parent is None:
        session.info.pop(_PENDING, None)


def _by_stay(items: Iterable[BookingItem]) -> dict[Stay, list[BookingItem]]:
    grouped: dict[Stay, list[BookingItem]] = defaultdict(list)
    for item in items:
        grouped[item.booking.stay].append(item)
    return grouped


def booking_received(booking) -> int:
    """Tell the guest what they booked, with every item's state and price and the .ics;
    written now, rendered after the commit (``render_pending``). Return the message's id."""
    return tell_later(booking.stay, MessageKind.BOOKING_RECEIVED, booking_id=booking.id)


def _booking_received_content(message: Message, booking_id: int) -> dict:
    from hotel.models import Booking
    from hotel.services.calendar import booking_calendar

    booking = db.session.get(Booking, booking_id)
    if booking is None:  # nothing left to tell of
        return {"subject": "", "text": "", "html": ""}
    with force_locale(message.language):
        calendar = booking_calendar(booking).decode()
    subject, text, html = _render(message.kind, message.stay, message.language,
                                  {"reference": booking.reference},
                                  {"booking": booking, "items": booking.items})
    return {"subject": subject[:300], "text": text, "html": html, "attachments": [
        {"filename": f"{booking.reference}.ics", "content_type": "text/calendar",
         "content": calendar}]}


# The kinds of message written empty and rendered after the commit, and how.
RENDERED_LATER = {MessageKind.BOOKING_RECEIVED: _booking_received_content}


def render_pending(messages: Iterable[Message]) -> list[Message]:
    """Render, in the caller's write transaction, those of the messages still to be
    rendered; return them. Rendering one twice (a worker and a page at once) writes the
    same words twice."""
    rendered = []
    for message in messages:
        if message.render_from is None:
            continue
        content = RENDERED_LATER[message.kind](message, **message.render_from)
        for name, value in content.items():
            setattr(message, name, value)
        message.render_from = None
        rendered.append(message)
    return rendered


def rendered(messages: list[Message]) -> list[Message]:
    """Return the messages, every one rendered: those the worker has not rendered yet are
    rendered and kept now (one write transaction, only when there are any)."""
    if any(message.render_from is not None for message in messages):
        from hotel.database import write_transaction

        with write_transaction(expire=False):
            render_pending(db.session.get(Message, message.id, populate_existing=True)
                           for message in messages if message.render_from is not None)
    return messages


def requests_answered(items: Iterable[BookingItem], kind: MessageKind) -> list[Message]:
    """Tell each guest that their requests were confirmed, or declined and why."""
    return [message for stay, stay_items in _by_stay(items).items()
            if (message := tell(stay, kind, items=stay_items)) is not None]


def cancelled_by_hotel(items: Iterable[BookingItem], alternatives: dict[int, list]) -> list:
    """Tell each guest what the hotel cancelled and why, with other times to rebook.

    ``alternatives`` maps an item's id to the slots that would still fit its party.
    """
    written = []
    for stay, stay_items in _by_stay(items).items():
        offers = {item.id: [(slot, links.rebook_url(stay, item.id, slot))
                            for slot in alternatives.get(item.id, [])]
                  for item in stay_items}
        message = tell(stay, MessageKind.CANCELLED_BY_HOTEL, items=stay_items,
                       offers=offers)
        if message is not None:
            written.append(message)
    return written


def ticket_answered(ticket) -> Message | None:
    """Tell the guest that reception answered their question, request or complaint."""
    return tell(ticket.stay, MessageKind.TICKET_ANSWERED, subject_values={
        "number": ticket.number}, ticket=ticket,
        ticket_url=links.public_url("guest.help_ticket", number=ticket.number))


# Reading: the guest's Messages page, the API and the desk.

def message_body(message: Message) -> Markup:
    """Return the part of a message's HTML that a page shows: what it says, without the
    e-mail's frame. The HTML was rendered by us, with every value escaped.
    """
    start, end = message.html.find(CONTENT_START), message.html.find(CONTENT_END)
    if start < 0 or end < start:
        return Markup("<p>%s</p>") % message.text
    # The e-mail's inline styles are left out: the pages style it themselves, and their
    # security policy allows no inline style.
    body = INLINE_STYLE.sub("", message.html[start + len(CONTENT_START):end])
    return Markup(body)  # noqa: S704

def messages_of_stay(stay_id: int, limit: int = 200) -> list[Message]:
    """Return a stay's messages, newest first, rendered."""
    return rendered(list(db.session.scalars(
        select(Message).where(Message.stay_id == stay_id)
        .order_by(Message.created_at.desc(), Message.id.desc()).limit(limit))))


def unread_count(stay_id: int) -> int:
    return db.session.scalar(select(func.count(Message.id)).where(
        Message.stay_id == stay_id, Message.read_at.is_(None))) or 0


def mark_read(stay_id: int, now: datetime | None = None) -> None:
    """Mark every message of a stay read, as the guest has now seen them."""
    from hotel.database import write_transaction

    if not unread_count(stay_id):
        return
    with write_transaction():
        db.session.execute(update(Message).where(
            Message.stay_id == stay_id, Message.read_at.is_(None)).values(
            read_at=now or utcnow()).execution_options(synchronize_session=False))
