"""Sending messages by e-mail through SMTP, each exactly once as far as we can tell.

A worker first claims a message with one conditional UPDATE (waiting → sending), so two
workers never send the same one; it sends it outside any transaction and records the
outcome. A failure is tried again later, waiting longer each time; a message that still
fails is shown to reception, who can send it again. Every try carries the same
Message-ID, so should a worker die between sending and recording, the next try is
recognisable as the same e-mail.
"""

import smtplib
import ssl
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr

from flask import current_app
from sqlalchemy import or_, select, update

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import Message, MessageState, StaffUser
from hotel.models.types import utcnow
from hotel.services import audit, links
from hotel.services.errors import NotAllowed
from hotel.services.messages import render_pending

# A claim older than this belongs to a worker that died while sending: try again.
STALE_CLAIM = timedelta(minutes=10)


class Delivered:
    """What became of one try: sent, failed for good, to be tried again, or not ours."""

    SENT, FAILED, RETRY, SKIPPED = "sent", "failed", "retry", "skipped"


def _claim(message_id: int, now: datetime) -> bool:
    with write_transaction():
        result = db.session.execute(
            update(Message)
            .where(Message.id == message_id, Message.state == MessageState.WAITING,
                   or_(Message.next_attempt_at.is_(None), Message.next_attempt_at <= now))
            .values(state=MessageState.SENDING, claimed_at=now)
            .execution_options(synchronize_session=False))
    return result.rowcount == 1


def email_of(message: Message) -> EmailMessage:
    """Return the e-mail for a message: text and HTML, its attachments, stable headers."""
    config = current_app.config
    sender_name, sender = parseaddr(config["MAIL_DEFAULT_SENDER"])
    email = EmailMessage()
    email["Subject"] = message.subject
    email["From"] = formataddr((sender_name or config["HOTEL_NAME"], sender))
    email["To"] = message.email
    email["Message-ID"] = message.message_id
    email["Date"] = format_datetime(message.created_at)
    if message.marketing:
        email["List-Unsubscribe"] = f"<{links.unsubscribe_url(message.stay)}>"
        email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email.set_content(message.text)
    email.add_alternative(message.html, subtype="html")
    for attachment in message.attachments:
        maintype, _, subtype = attachment["content_type"].partition("/")
        if maintype == "text":  # e.g. the .ics, in UTF-8
            email.add_attachment(attachment["content"], subtype=subtype,
                                 filename=attachment["filename"])
        else:
            email.add_attachment(attachment["content"].encode(), maintype=maintype,
                                 subtype=subtype, filename=attachment["filename"])
    email["Content-Language"] = message.language  # after the body, which resets Content-*
    return email


def send_email(email: EmailMessage) -> None:
    """Hand an e-mail to the SMTP server of the settings.

    :raises OSError: or an ``smtplib.SMTPException``, when the server cannot take it.
    """
    config = current_app.config
    timeout = config["MAIL_TIMEOUT_SECONDS"]
    if config["MAIL_USE_SSL"]:
        server = smtplib.SMTP_SSL(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=timeout,
                                  context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=timeout)
    with server:
        if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
            server.starttls(context=ssl.create_default_context())
        if config["MAIL_USERNAME"]:
            server.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        server.send_message(email)


def retry_delay(attempts: int) -> timedelta:
    """Return how long to wait after the given number of failed tries."""
    return timedelta(seconds=current_app.config["MAIL_RETRY_SECONDS"] * 2 ** (attempts - 1))


def render_message(message_id: int) -> None:
    """Render a message that is still to be rendered, in its own transaction."""
    to_render = select(Message.id).where(Message.id == message_id,
                                         Message.render_from.is_not(None))
    if db.session.scalar(to_render) is None:
        return
    with write_transaction():
        message = db.session.get(Message, message_id, populate_existing=True)
        render_pending([message] if message is not None else [])


def deliver(message_id: int, now: datetime | None = None) -> tuple[str, timedelta | None]:
    """Render one message if it is still to be rendered, then send it if it waits to be
    sent and no other worker has it; return what became of it and, for a failure to be
    tried again, how long to wait.
    """
    now = now or utcnow()
    render_message(message_id)
    if not current_app.config["MAIL_SERVER"] or not _claim(message_id, now):
        return Delivered.SKIPPED, None
    message = db.session.get(Message, message_id)
    try:
        send_email(email_of(message))
    except (OSError, smtplib.SMTPException) as error:
        return _failed(message_id, f"{type(error).__name__}: {error}"[:2000], utcnow())
    with write_transaction():
        db.session.execute(update(Message).where(Message.id == message_id).values(
            state=MessageState.SENT, sent_at=utcnow(), attempts=Message.attempts + 1,
            last_error="", claimed_at=None).execution_options(synchronize_session=False))
    return Delivered.SENT, None


def _failed(message_id: int, error: str, now: datetime) -> tuple[str, timedelta | None]:
    with write_transaction():
        message = db.session.get(Message, message_id, populate_existing=True)
        message.attempts += 1
        message.last_error = error
        message.claimed_at = None
        if message.attempts >= current_app.config["MAIL_ATTEMPTS"]:
            message.state, message.next_attempt_at = MessageState.FAILED, None
            return Delivered.FAILED, None
        delay = retry_delay(message.attempts)
        message.state, message.next_attempt_at = MessageState.WAITING, now + delay
    return Delivered.RETRY, delay


def due_message_ids(now: datetime | None = None, limit: int = 500) -> list[int]:
    """Return messages nobody is sending that are due, after giving back stale claims,
    and those still to be rendered."""
    now = now or utcnow()
    with write_transaction():
        db.session.execute(update(Message).where(
            Message.state == MessageState.SENDING, Message.claimed_at < now - STALE_CLAIM)
            .values(state=MessageState.WAITING, claimed_at=None)
            .execution_options(synchronize_session=False))
    due = db.session.scalars(
        select(Message.id).where(
            Message.state == MessageState.WAITING,
            or_(Message.next_attempt_at.is_(None), Message.next_attempt_at <= now))
        .order_by(Message.id).limit(limit))
    unrendered = db.session.scalars(  # the partial index holds only these
        select(Message.id).where(Message.render_from.is_not(None))
        .order_by(Message.id).limit(limit))
    return sorted(set(due) | set(unrendered))


def send_again(message_id: int, actor: StaffUser) -> Message:
    """Put a failed message back in line, for reception, and queue it.

    :raises NotAllowed: the message has not failed, or there is no mail server.
    """
    from flask_babel import gettext as _

    if not current_app.config["MAIL_SERVER"]:
        raise NotAllowed(_("No mail server is set up, so messages are not sent by e-mail."))
    with write_transaction():
        message = db.session.get(Message, message_id, with_for_update=True)
        if message is None or message.state != MessageState.FAILED or not message.email:
            raise NotAllowed(_("Only a message that could not be sent can be sent again."))
        message.state, message.attempts, message.next_attempt_at = MessageState.WAITING, 0, None
        audit.record("message.sent_again", message, actor, kind=message.kind.value,
                     stay=message.stay.reference)
    from hotel.worker import deliver_message

    deliver_message(message.id)
    return message
