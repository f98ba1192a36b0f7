"""Every booking item event and charge reaches a real HTTP receiver once, signed, in
order per item; a 500 is tried again, later, with the same body."""

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.extensions import db as _db
from hotel.models import DeliveryState, PmsDelivery, Role
from hotel.models.types import utcnow
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.errors import Unavailable
from hotel.services.requests import Action, handle_items
from hotel.services.rules import ItemRequest
from hotel.services.webhook_delivery import Outcome, deliver, due_delivery_ids
from tests.factories import add_slot, make_service, make_staff, make_stay
from tests.webhooks.conftest import valid_signature


def deliver_everything_due(now=None) -> list[str]:
    """Send what is due, as the worker's sweep and tasks would, until nothing is left."""
    outcomes = []
    while ids := due_delivery_ids(now):
        outcomes += [deliver(delivery_id, now)[0] for delivery_id in ids]
        if Outcome.DELIVERED not in outcomes[-len(ids):]:
            break
    return outcomes


def book(stay, service, slot=None):
    request = ItemRequest(service, slot_id=slot.id if slot else None,
                          participant_ids=[stay.members[0].id])
    return create_booking(stay, [request], stay).items[0]


def test_every_item_event_reaches_the_pms_once_with_a_valid_signature(db, receiver):
    day = hotel_today() + timedelta(days=1)
    riding = make_service("riding", price="30.00")
    babysitting = make_service("babysitting", price="25.00", requires_approval=True)
    slot = add_slot(riding, day, capacity=10)
    babysitting_slot = add_slot(babysitting, day, capacity=10)
    stays = [make_stay(arrival_on=hotel_today()) for _ in range(4)]
    reception = make_staff(role=Role.RECEPTION)
    db.session.commit()

    completed = book(stays[0], babysitting, babysitting_slot)
    declined = book(stays[1], babysitting, babysitting_slot)
    cancelled = book(stays[2], riding, slot)
    no_show = book(stays[3], riding, slot)
    handle_items([completed.id], Action.CONFIRM, reception)
    handle_items([completed.id], Action.COMPLETE, reception)
    handle_items([declined.id], Action.DECLINE, reception, reason="Nobody free")
    cancel_booking_item(cancelled, reception)
    handle_items([no_show.id], Action.NO_SHOW, reception)

    outcomes = deliver_everything_due()
    assert set(outcomes) == {Outcome.DELIVERED}
    posts = receiver.received
    assert all(valid_signature(post) for post in posts)
    bodies = receiver.events()
    assert len({body["id"] for body in bodies}) == len(bodies) == 14  # each one once
    assert all(post["headers"]["X-Hotel-Event"] == body["event"]
               for post, body in zip(posts, bodies, strict=True))
    per_item = defaultdict(list)
    for body in bodies:
        item = body["data"]["item"]
        charge = body["data"].get("charge")
        per_item[item["id"]].append(
            (body["event"], charge["kind"], charge["amount"]) if charge else body["event"])
    assert per_item == {
        completed.id: ["booking_item.created", "booking_item.confirmed",
                       ("charge.posted", "service", "25.00"), "booking_item.completed"],
        declined.id: ["booking_item.created", "booking_item.declined"],
        cancelled.id: ["booking_item.created", ("charge.posted", "service", "30.00"),
                       "booking_item.cancelled", ("charge.posted", "reversal", "-30.00")],
        no_show.id: ["booking_item.created", ("charge.posted", "service", "30.00"),
                     "booking_item.no_show", ("charge.posted", "reversal", "-30.00")],
    }
    first = bodies[0]["data"]["item"]
    assert first["room"] == stays[0].room and first["stay"] == stays[0].reference
    assert Decimal(first["price"]) == Decimal("25.00") and first["currency"] == "EUR"
    # Sent again by a sweep, nothing arrives twice.
    assert deliver_everything_due() == []
    assert len(receiver.received) == 14


def test_a_500_from_the_pms_is_tried_again_later_with_the_same_body(db, receiver):
    riding = make_service("riding")
    slot = add_slot(riding, hotel_today() + timedelta(days=1))
    stay = make_stay(arrival_on=hotel_today())
    db.session.commit()
    receiver.failures_to_give = 1
    item = book(stay, riding, slot)
    created, charge = db.session.scalars(select(PmsDelivery).order_by(PmsDelivery.id)).all()

    assert deliver(created.delivery_id) == (Outcome.RETRY, timedelta(seconds=1))
    assert deliver(charge.delivery_id)[0] == Outcome.SKIPPED  # waits for the earlier one
    assert deliver(created.delivery_id)[0] == Outcome.SKIPPED  # not due yet
    assert receiver.received == []
    later = utcnow() + timedelta(seconds=2)
    assert deliver_everything_due(later) == [Outcome.DELIVERED, Outcome.DELIVERED]

    events = receiver.events()
    assert [body["id"] for body in events] == [created.delivery_id, charge.delivery_id]
    db.session.rollback()
    first = db.session.get(PmsDelivery, created.id)
    assert first.state == DeliveryState.DELIVERED and first.attempts == 2
    assert [(one.status, one.response) for one in first.tries] == [
        (200, '{"posted": true}'), (500, "PMS is busy")]
    assert receiver.received[0]["body"] == first.body.encode()
    assert events[0]["data"]["item"]["id"] == item.id


def test_the_pms_down_for_a_day_leaves_the_delivery_failed_and_the_next_goes(db, receiver):
    riding = make_service("riding")
    slot = add_slot(riding, hotel_today() + timedelta(days=1))
    stay = make_stay(arrival_on=hotel_today())
    db.session.commit()
    receiver.stop()
    book(stay, riding, slot)
    created, charge = db.session.scalars(select(PmsDelivery).order_by(PmsDelivery.id)).all()
    assert deliver(created.delivery_id)[0] == Outcome.RETRY
    assert deliver(created.delivery_id, created.give_up_at)[0] == Outcome.FAILED
    db.session.rollback()
    tried = db.session.get(PmsDelivery, created.id)
    assert tried.state == DeliveryState.FAILED
    assert tried.tries[0].status is None and "Connection refused" in tried.tries[0].error
    receiver.start()
    assert deliver(charge.delivery_id)[0] == Outcome.DELIVERED  # no longer held back


def test_a_rolled_back_change_posts_nothing(db, receiver):
    riding = make_service("riding")
    full = add_slot(riding, hotel_today() + timedelta(days=1), capacity=1)
    stay = make_stay(arrival_on=hotel_today(), adults=2)
    db.session.commit()
    with pytest.raises(Unavailable):  # not enough places: the booking is refused
        create_booking(stay, [ItemRequest(riding, slot_id=full.id,
                                          participant_ids=[m.id for m in stay.members])], stay)
    assert _db.session.scalar(select(PmsDelivery.id)) is None
    assert deliver_everything_due() == []
