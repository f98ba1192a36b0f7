"""The real worker posts the PMS's events: while the receiver is down they wait, and
arrive once each when it is back, in order per item; a restarted worker loses none."""

import time
from collections import Counter, defaultdict
from datetime import timedelta

from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.models import DeliveryState, PmsDelivery, Role
from hotel.services.bookings import create_booking
from hotel.services.requests import Action, handle_items
from hotel.services.rules import ItemRequest
from tests.factories import add_slot, make_service, make_staff, make_stay
from tests.webhooks.conftest import valid_signature


def states(db) -> Counter:
    db.session.rollback()  # a new read transaction sees what the workers wrote
    return Counter(db.session.scalars(select(PmsDelivery.state)))


def all_tried_or_held(db) -> bool:
    """Every item's first delivery has been tried (the later ones wait behind it)."""
    db.session.rollback()
    firsts = {}
    for delivery in db.session.scalars(select(PmsDelivery).order_by(PmsDelivery.id)):
        firsts.setdefault(delivery.booking_item_id, delivery)
    return bool(firsts) and all(delivery.attempts >= 1 for delivery in firsts.values())


def wait_until(check, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def book_and_confirm(stays, service, slot, reception) -> list[int]:
    """Book a request for each stay, then confirm every one: three events per item."""
    ids = [create_booking(stay, [ItemRequest(service, slot_id=slot.id,
                                             participant_ids=[stay.members[0].id])],
                          stay).items[0].id for stay in stays]
    handle_items(ids, Action.CONFIRM, reception)
    return ids


def assert_once_each_in_order(receiver, ids) -> None:
    bodies = receiver.events()
    assert all(valid_signature(post) for post in receiver.received)
    assert len({body["id"] for body in bodies}) == len(bodies)
    per_item = defaultdict(list)
    for body in bodies:
        per_item[body["data"]["item"]["id"]].append(body["event"])
    assert per_item == {item_id: ["booking_item.created", "booking_item.confirmed",
                                  "charge.posted"] for item_id in ids}


def setting_up(db):
    babysitting = make_service("babysitting", requires_approval=True)
    slot = add_slot(babysitting, hotel_today() + timedelta(days=1), capacity=20)
    stays = [make_stay(arrival_on=hotel_today()) for _ in range(3)]
    reception = make_staff(role=Role.RECEPTION)
    db.session.commit()
    return babysitting, slot, stays, reception


def test_with_the_pms_down_deliveries_wait_and_arrive_in_order_when_it_is_back(
        db, receiver, workers):
    babysitting, slot, stays, reception = setting_up(db)
    receiver.stop()
    workers.start()

    ids = book_and_confirm(stays, babysitting, slot, reception)
    assert wait_until(lambda: all_tried_or_held(db)), workers.stop()
    assert states(db)[DeliveryState.DELIVERED] == 0

    receiver.start()
    assert wait_until(lambda: states(db)[DeliveryState.DELIVERED] == 9), workers.stop()
    time.sleep(2)  # a second delivery, were there one, would have come by now
    assert_once_each_in_order(receiver, ids)


def test_a_worker_restarted_while_the_pms_is_down_loses_nothing(db, receiver, workers):
    babysitting, slot, stays, reception = setting_up(db)
    receiver.stop()
    workers.start()
    ids = book_and_confirm(stays, babysitting, slot, reception)
    assert wait_until(lambda: all_tried_or_held(db)), workers.stop()
    workers.stop()

    receiver.start()
    time.sleep(1)
    assert states(db)[DeliveryState.DELIVERED] == 0  # nobody sends while no worker runs
    workers.start()
    assert wait_until(lambda: states(db)[DeliveryState.DELIVERED] == 9), workers.stop()
    time.sleep(2)
    assert_once_each_in_order(receiver, ids)


def test_two_workers_never_post_one_delivery_twice(db, receiver, workers):
    babysitting, slot, stays, reception = setting_up(db)
    workers.start()
    workers.start()
    ids = book_and_confirm(stays, babysitting, slot, reception)
    assert wait_until(lambda: states(db)[DeliveryState.DELIVERED] == 9), workers.stop()
    time.sleep(2)
    assert_once_each_in_order(receiver, ids)
