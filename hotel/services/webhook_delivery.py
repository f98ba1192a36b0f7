"""Sending the PMS's webhooks, each delivery once as far as we can tell, in order per item.

A worker first claims a delivery with one conditional UPDATE (waiting → sending), which
also refuses while an earlier delivery of the same item is still on its way; it posts the
body outside any transaction, signed with HMAC-SHA256 of the exact bytes, and records the
try. A 2xx answer delivers it and queues the item's next delivery; anything else is tried
again later, waiting twice as long each time, until a day has passed; then the delivery
is shown as failed, for a manager to send again. Every try carries the same body and
delivery id, so the PMS recognises a repeated try (say, after a crash) as the same event.
"""

import hashlib
import hmac
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import exists, or_, select, update
from sqlalchemy.orm import aliased

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import DeliveryState, PmsDelivery, PmsDeliveryTry
from hotel.models.types import utcnow
from hotel.services.webhooks import pms_address

STALE_CLAIM = timedelta(minutes=10)  # a claim this old belongs to a worker that died
RESPONSE_KEPT = 500  # characters of the PMS's answer kept with each try
IN_PROGRESS = (DeliveryState.WAITING, DeliveryState.SENDING)


class Outcome:
    """What became of one try: delivered, failed for good, to be tried again, not ours."""

    DELIVERED, FAILED, RETRY, SKIPPED = "delivered", "failed", "retry", "skipped"


@dataclass
class Answer:
    """What the PMS answered to one try, or why it could not be reached."""

    status: int | None
    response: str = ""
    error: str = ""
    milliseconds: int = 0

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def signature(body: bytes, secret: str) -> str:
    """Return the X-Hotel-Signature of a body: sha256=<hex of HMAC-SHA256 with the secret>."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _earlier_in_progress():
    earlier = aliased(PmsDelivery)
    return exists().where(earlier.booking_item_id == PmsDelivery.booking_item_id,
                          earlier.id < PmsDelivery.id, earlier.state.in_(IN_PROGRESS))


def _claim(delivery_id: str, now: datetime) -> bool:
    with write_transaction():
        result = db.session.execute(
            update(PmsDelivery)
            .where(PmsDelivery.delivery_id == delivery_id,
                   PmsDelivery.state == DeliveryState.WAITING,
                   or_(PmsDelivery.next_attempt_at.is_(None),
                       PmsDelivery.next_attempt_at <= now),
                   ~_earlier_in_progress())
            .values(state=DeliveryState.SENDING, claimed_at=now)
            .execution_options(synchronize_session=False))
    return result.rowcount == 1


def post(url: str, secret: str, event: str, delivery_id: str, body: bytes) -> Answer:
    """POST one delivery's body to the PMS and return what it answered."""
    if urlsplit(url).scheme not in ("http", "https"):
        return Answer(None, error="The PMS address must start with http:// or https://.")
    # The scheme is checked above: no file:// or other opener.
    request = urllib.request.Request(url, data=body, method="POST", headers={  # noqa: S310
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "hotel-guest-services",
        "X-Hotel-Event": event,
        "X-Hotel-Delivery": delivery_id,
        "X-Hotel-Signature": signature(body, secret),
    })
    started = time.monotonic()
    timeout = current_app.config["PMS_WEBHOOK_TIMEOUT_SECONDS"]
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status, text = response.status, response.read(RESPONSE_KEPT * 4)
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read(RESPONSE_KEPT * 4)
    except (OSError, ValueError) as error:  # refused, timed out, unknown host, bad URL
        return Answer(None, error=f"{type(error).__name__}: {error}"[:500],
                      milliseconds=round((time.monotonic() - started) * 1000))
    return Answer(status, text.decode("utf-8", "replace")[:RESPONSE_KEPT],
                  milliseconds=round((time.monotonic() - started) * 1000))


def retry_delay(attempts: int) -> timedelta:
    """Return how long to wait after the given number of failed tries (doubling, at most
    an hour)."""
    seconds = current_app.config["PMS_WEBHOOK_RETRY_SECONDS"] * 2 ** min(attempts - 1, 20)
    return timedelta(seconds=min(seconds, 3600))


def deliver(delivery_id: str, now: datetime | None = None) -> tuple[str, timedelta | None]:
    """Send one delivery if it is due, no other worker has it and no earlier one of its
    item is on its way; return what became of it and, to try again, how long to wait."""
    url, secret = pms_address()
    if not url or not _claim(delivery_id, now or utcnow()):
        return Outcome.SKIPPED, None
    delivery = db.session.scalar(select(PmsDelivery).where(
        PmsDelivery.delivery_id == delivery_id).execution_options(populate_existing=True))
    row_id, event, body = delivery.id, delivery.event, delivery.body.encode()
    db.session.rollback()  # no transaction stays open while the PMS answers
    answer = post(url, secret, event, delivery_id, body)
    return _record(row_id, answer, now or utcnow())


def _record(row_id: int, answer: Answer, now: datetime) -> tuple[str, timedelta | None]:
    with write_transaction():
        delivery = db.session.get(PmsDelivery, row_id, populate_existing=True)
        db.session.add(PmsDeliveryTry(delivery=delivery, tried_at=now, status=answer.status,
                                      response=answer.response, error=answer.error,
                                      milliseconds=answer.milliseconds))
        delivery.attempts += 1
        delivery.claimed_at = None
        if answer.ok:
            delivery.state, delivery.delivered_at = DeliveryState.DELIVERED, now
            delivery.next_attempt_at = None
            outcome, delay = Outcome.DELIVERED, None
        else:
            delay = retry_delay(delivery.attempts)
            if now + delay > delivery.give_up_at:
                delivery.state, delivery.next_attempt_at = DeliveryState.FAILED, None
                outcome, delay = Outcome.FAILED, None
            else:
                delivery.state = DeliveryState.WAITING
                delivery.next_attempt_at = now + delay
                outcome = Outcome.RETRY
        item_id = delivery.booking_item_id
    if outcome != Outcome.RETRY and item_id is not None:
        _queue_next_of_item(item_id)
    return outcome, delay


def _queue_next_of_item(item_id: int) -> None:
    """Queue the item's next delivery, which waited for the one just finished."""
    from hotel.worker import deliver_webhook

    next_id = db.session.scalar(
        select(PmsDelivery.delivery_id).where(PmsDelivery.booking_item_id == item_id,
                                     PmsDelivery.state == DeliveryState.WAITING)
        .order_by(PmsDelivery.id).limit(1))
    if next_id is not None:
        deliver_webhook(next_id)


def due_delivery_ids(now: datetime | None = None, limit: int = 500) -> list[str]:
    """Return the deliveries nobody is sending that are due and first in line for their
    item, after giving back the claims of workers that died and giving up those that
    waited a day without a PMS address to go to."""
    now = now or utcnow()
    with write_transaction():
        db.session.execute(update(PmsDelivery).where(
            PmsDelivery.state == DeliveryState.SENDING,
            PmsDelivery.claimed_at < now - STALE_CLAIM)
            .values(state=DeliveryState.WAITING, claimed_at=None)
            .execution_options(synchronize_session=False))
        db.session.execute(update(PmsDelivery).where(
            PmsDelivery.state == DeliveryState.WAITING, PmsDelivery.give_up_at < now)
            .values(state=DeliveryState.FAILED, next_attempt_at=None)
            .execution_options(synchronize_session=False))
    if not pms_address()[0]:
        return []
    return list(db.session.scalars(
        select(PmsDelivery.delivery_id).where(
            PmsDelivery.state == DeliveryState.WAITING,
            or_(PmsDelivery.next_attempt_at.is_(None), PmsDelivery.next_attempt_at <= now),
            ~_earlier_in_progress())
        .order_by(PmsDelivery.id).limit(limit)))
