"""WSGI entry for the waiting list's negative control: freed places offered afterwards.

The production code offers a freed place to the waiting list in the same transaction
that gives it back, so nobody ever sees it free. This module swaps that, in this server
process only, for the naive way: the cancellation commits and answers, and only a moment
later is the place offered, from a thread of its own, leaving a gap in which anyone can
book it. The waiting list's concurrency test must be able to see a newcomer take it.
"""

import threading

from flask import g

from config import TestingConfig
from hotel import create_app
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import BookingItem, Service
from hotel.services import bookings, waitlist

RACE_WINDOW_SECONDS = 2.0  # the gap between the commit and the offer


def offer_later(item: BookingItem) -> None:
    """Remember what was freed, to offer it after the request's transaction."""
    g.setdefault("late_offers", []).append(
        (item.service_id, item.slot_id, item.start_on, item.end_on or item.start_on))


def _offer(service_id, slot_id, first, last) -> None:
    with app.app_context(), write_transaction():
        waitlist.offer_freed_places(db.session.get(Service, service_id), slot_id=slot_id,
                                    first=first, last=last)


bookings._offer_to_waiting_list = offer_later
app = create_app(TestingConfig)


@app.after_request
def offer_after_commit(response):
    """Offer the freed places a while after the answer: racy, and the worker is free
    to serve whoever books in the meantime."""
    for offer in g.pop("late_offers", []):
        threading.Timer(RACE_WINDOW_SECONDS, _offer, args=offer).start()
    return response
