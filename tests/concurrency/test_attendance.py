"""Two tablets at the kids club tap at the same moment: a child is checked in once, and a
booking is completed once, against four gunicorn workers."""

import threading
from collections import Counter

import pytest
from sqlalchemy import func, select, text

from hotel import create_app
from hotel.extensions import db
from hotel.models import Attendance, AuditEntry, BookingItem, ItemState, PartyMember, Slot, Stay
from tests.concurrency.conftest import SAFE_APP, UNLOCKED_APP
from tests.concurrency.harness import REQUEST_TIMEOUT_S, DeskSession
from tests.conftest import make_config
from tests.factories import check_in_all, make_booking_item

pytestmark = pytest.mark.concurrency

TAPS = 8  # four on each of two tablets
BURSTS = 3  # a negative control may need a second try to meet the race on a busy machine


def book_the_child(hotel, checked_out: bool = False) -> tuple[int, int]:
    """Book the first guest's child into the slot; return (item id, member id). With
    ``checked_out``, the child has come and gone already."""
    app = create_app(make_config(hotel.url))
    with app.app_context():
        stay = db.session.scalar(select(Stay).where(Stay.reference == hotel.guests[0][0]))
        slot = db.session.get(Slot, hotel.slot_id)
        child = db.session.get(PartyMember, hotel.child_id)
        item = make_booking_item(stay, slot.service, slot=slot, participants=[child])
        if checked_out:
            check_in_all(item, checked_out=True)
        db.session.commit()
        found = (item.id, child.id)
        db.session.remove()
        db.engine.dispose()
    return found


def read(hotel, item_id: int) -> tuple[int, ItemState, int]:
    """Return the item's attendance rows, its state and its "completed" audit entries."""
    app = create_app(make_config(hotel.url))
    with app.app_context():
        rows = db.session.scalar(select(func.count()).select_from(Attendance)
                                 .where(Attendance.booking_item_id == item_id))
        state = db.session.get(BookingItem, item_id).state
        entries = db.session.scalar(select(func.count()).where(
            AuditEntry.action == "item.completed", AuditEntry.object_id == str(item_id)))
        db.session.remove()
        db.engine.dispose()
    return rows, state, entries


def tap_at_once(server, hotel, action: str, form: dict) -> Counter:
    """Post one attendance form TAPS times from two signed-in tablets, released together."""
    tablets = [DeskSession(server.base_url).sign_in() for _ in range(2)]
    path = f"/desk/schedule/slots/{hotel.slot_id}/attendance/{action}"
    statuses = [0] * TAPS
    barrier = threading.Barrier(TAPS, timeout=REQUEST_TIMEOUT_S)

    def tap(index: int) -> None:
        tablet = tablets[index % 2]
        barrier.wait()
        statuses[index] = tablet.request("POST", path, form)[0]

    threads = [threading.Thread(target=tap, args=(index,)) for index in range(TAPS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S)
    return Counter(statuses)


def drop_the_one_arrival_index(hotel) -> None:
    """Remove the database's guard of one arrival per person, for the negative control."""
    app = create_app(make_config(hotel.url))
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(text("DROP INDEX uq_attendance_item_person"))
        db.engine.dispose()


def test_two_tablets_checking_one_child_in_record_one_arrival(hotel, serve):
    """One tap checks the child in (303); the seven others are told so (409)."""
    item_id, child_id = book_the_child(hotel)
    server = serve(SAFE_APP, hotel)
    statuses = tap_at_once(server, hotel, "check-in", {"item_id": item_id,
                                                       "member_id": child_id})
    assert statuses == {303: 1, 409: TAPS - 1}, statuses
    assert read(hotel, item_id)[:2] == (1, ItemState.CONFIRMED)  # it completes nothing


def test_negative_control_without_the_guards_a_child_arrives_several_times(hotel, serve):
    """With the unique index dropped and the check slowed down, the same taps record the
    child's arrival more than once (in one of a few bursts, on a busy machine): the test
    can see what the index prevents."""
    drop_the_one_arrival_index(hotel)
    server = serve(UNLOCKED_APP, hotel)
    outcomes = []
    for _burst in range(BURSTS):
        item_id, child_id = book_the_child(hotel)
        statuses = tap_at_once(server, hotel, "check-in", {"item_id": item_id,
                                                           "member_id": child_id})
        outcomes.append((statuses, read(hotel, item_id)[0]))
        if statuses[303] > 1 and outcomes[-1][1] > 1:
            return
    pytest.fail(f"no burst checked the child in twice: {outcomes}")


def test_two_tablets_completing_one_booking_complete_it_once(hotel, serve):
    """One tap completes the item (303); the others find it changed (409) or completed
    already (422); it is logged once."""
    item_id, _child = book_the_child(hotel, checked_out=True)
    server = serve(SAFE_APP, hotel)
    statuses = tap_at_once(server, hotel, "finish", {"item_id": item_id,
                                                     "outcome": "completed"})
    assert statuses[303] == 1 and set(statuses) <= {303, 409, 422}, statuses
    assert read(hotel, item_id)[1:] == (ItemState.COMPLETED, 1)


def test_negative_control_an_unguarded_state_change_completes_it_twice(hotel, serve):
    """Without the guarded change of state, the same taps complete the item several times
    (in one of a few bursts, on a busy machine)."""
    server = serve(UNLOCKED_APP, hotel)
    outcomes = []
    for _burst in range(BURSTS):
        item_id, _child = book_the_child(hotel, checked_out=True)
        statuses = tap_at_once(server, hotel, "finish", {"item_id": item_id,
                                                         "outcome": "completed"})
        outcomes.append((statuses, read(hotel, item_id)[2]))
        if statuses[303] > 1 and outcomes[-1][1] > 1:
            return
    pytest.fail(f"no burst completed the item twice: {outcomes}")
