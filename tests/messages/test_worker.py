"""The real worker delivers the outbox: messages wait while the mail server is down and
arrive once when it is back; nothing is sent for a rolled-back change; two workers never
send one message twice."""

import time
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.database import write_transaction
from hotel.extensions import db as _db
from hotel.extensions import queue
from hotel.models import Message, MessageKind, MessageState
from hotel.services.bookings import create_booking
from hotel.services.errors import Unavailable
from hotel.services.messages import tell
from hotel.services.rules import ItemRequest
from tests.factories import add_slot, make_service, make_stay


def states(db) -> Counter:
    db.session.rollback()  # a new read transaction sees what the workers wrote
    return Counter(db.session.scalars(select(Message.state)))


def all_tried(db) -> bool:
    db.session.rollback()
    return all(m.attempts >= 1 for m in db.session.scalars(select(Message)))


def wait_until(check, seconds: float = 40):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_with_the_mail_server_down_bookings_succeed_and_their_messages_wait(db, smtp, workers):
    riding = make_service("riding")
    slot = add_slot(riding, hotel_today() + timedelta(days=1), capacity=10)
    stays = [make_stay(arrival_on=hotel_today()) for _ in range(3)]
    db.session.commit()
    smtp.stop()
    workers.start()

    for stay in stays:
        create_booking(stay, [ItemRequest(riding, slot_id=slot.id,
                                          participant_ids=[stay.members[0].id])], stay)
    assert wait_until(lambda: all_tried(db)), workers.stop()
    assert states(db)[MessageState.SENT] == 0
    assert smtp.inbox.emails == []

    smtp.start()
    assert wait_until(lambda: states(db)[MessageState.SENT] == 3), workers.stop()
    time.sleep(2)  # a second delivery, were there one, would have come by now
    assert sorted(email["To"] for email in smtp.inbox.emails) == sorted(s.email for s in stays)
    assert len({email["Message-ID"] for email in smtp.inbox.emails}) == 3


def test_a_rolled_back_booking_sends_nothing(db, smtp):
    riding = make_service("riding")
    full = add_slot(riding, hotel_today() + timedelta(days=1), capacity=1)
    free = add_slot(riding, hotel_today() + timedelta(days=2), capacity=5)
    stay = make_stay(arrival_on=hotel_today(), adults=2)
    db.session.commit()
    queued_before = queue.pending_count()

    with pytest.raises(Unavailable):  # the second line does not fit: nothing is booked
        create_booking(stay, [ItemRequest(riding, slot_id=free.id,
                                          participant_ids=[stay.members[0].id]),
                              ItemRequest(riding, slot_id=full.id,
                                          participant_ids=[m.id for m in stay.members])], stay)
    with pytest.raises(RuntimeError), write_transaction():
        tell(stay, MessageKind.REQUEST_CONFIRMED, items=[])
        raise RuntimeError("the change fails after its message was written")

    assert db.session.scalar(select(func.count(Message.id))) == 0
    assert queue.pending_count() == queued_before


def test_two_workers_never_send_the_same_message_twice(db, smtp, workers):
    stays = [make_stay() for _ in range(12)]
    db.session.flush()
    with write_transaction():
        for stay in stays:
            tell(_db.session.get(type(stay), stay.id), MessageKind.REQUEST_CONFIRMED, items=[])
    # Each message is in the queue twice over: the commit queued it, and so do we, as a
    # sweep running at the same moment would.
    from hotel.worker import deliver_message

    for message_id in db.session.scalars(select(Message.id)):
        deliver_message(message_id)
    workers.start(2)

    assert wait_until(lambda: states(db)[MessageState.SENT] == 12), workers.stop()
    time.sleep(2)
    ids = Counter(email["Message-ID"] for email in smtp.inbox.emails)
    assert len(ids) == 12 and set(ids.values()) == {1}


def test_an_sqlite_queue_waits_for_the_disk_as_the_database_does(app, tmp_path):
    """The queue file commits with synchronous=NORMAL in WAL mode, like the database:
    Huey's default waits for the disk on every task queued (FULL)."""
    from hotel import worker as queue_worker

    saved = app.config["QUEUE_URL"]
    app.config["QUEUE_URL"] = f"sqlite:///{tmp_path / 'queue.db'}"
    try:
        queue_worker.init_app(app)
        connection = queue.storage.conn
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        queue.storage.enqueue(b"a task", 0)
        assert queue.storage.queue_size() == 1  # still a working queue
    finally:
        queue.flush()
        app.config["QUEUE_URL"] = saved
        queue_worker.init_app(app)
