"""Twelve desks hand the same unit out to twelve bookings on overlapping days at the same
moment: one gets it, eleven are told it is taken (409), and the unit is held once a day,
because the database holds one row per unit and day."""

import threading
from collections import Counter

import pytest
from sqlalchemy import func, select, text

from hotel import create_app
from hotel.extensions import db
from hotel.models import HandOut, HandOutDay, RentalUnit
from tests.concurrency.conftest import SAFE_APP, seeded
from tests.concurrency.harness import (
    REQUEST_TIMEOUT_S,
    DeskSession,
    call,
    sign_in_all,
)
from tests.conftest import make_config

pytestmark = pytest.mark.concurrency

SIMULTANEOUS = 12
TAKEN = "already handed out"


@pytest.fixture(params=["sqlite", "postgresql"])
def rental_hotel(request, tmp_path):
    """A hotel whose rental has a unit for each of the bookings that race for one."""
    yield from seeded(request, tmp_path, rental_stock=SIMULTANEOUS)


def book_overlapping_items(server, hotel) -> list[int]:
    """Have guests each book the rental on the shared day; return the items' ids."""
    tokens = sign_in_all(server.base_url, hotel.guests[:SIMULTANEOUS])
    items = []
    for token in tokens:
        status, answer = call(server.base_url, "POST", "/api/v1/bookings", {"items": [
            {"service": hotel.rental, "start_date": hotel.rental_day,
             "end_date": hotel.rental_day, "quantity": 1}]}, token)
        assert status == 201, answer
        items.append(answer["items"][0]["id"])
    return items


def first_unit(hotel) -> int:
    app = create_app(make_config(hotel.url))
    with app.app_context():
        unit = db.session.scalar(select(RentalUnit.id).where(
            RentalUnit.service_id == hotel.rental_id, RentalUnit.number == 1))
        db.session.remove()
        db.engine.dispose()
    return unit


def hand_out_at_once(desk: DeskSession, items: list[int], unit: int) -> list[tuple[int, str]]:
    """Post the hand-out of the unit to every item from its own thread, all released
    together; return each answer's status and page."""
    answers = [(0, "")] * len(items)
    barrier = threading.Barrier(len(items), timeout=REQUEST_TIMEOUT_S)

    def send(index: int, item: int) -> None:
        barrier.wait()
        answers[index] = desk.request("POST", f"/desk/rentals/items/{item}/hand-out",
                                      {"unit": str(unit)})

    threads = [threading.Thread(target=send, args=(index, item))
               for index, item in enumerate(items)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S)
    return answers


def unit_ledger(hotel, unit: int) -> tuple[int, int]:
    """Return how many hand-outs the unit has, and the most it is held on one day."""
    app = create_app(make_config(hotel.url))
    with app.app_context():
        given = db.session.scalar(select(func.count()).select_from(HandOut)
                                  .where(HandOut.unit_id == unit))
        per_day = select(func.count().label("held")).where(HandOutDay.unit_id == unit) \
            .group_by(HandOutDay.day).subquery()
        most = db.session.scalar(select(func.coalesce(func.max(per_day.c.held), 0)))
        db.session.remove()
        db.engine.dispose()
    return given, most


def drop_the_one_unit_a_day_index(hotel) -> None:
    """Remove the database's guard of one booking per unit and day, for the negative control."""
    app = create_app(make_config(hotel.url))
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(text("DROP INDEX uq_hand_out_day_unit_day"))
        db.engine.dispose()


def race(serve, hotel) -> tuple[Counter, list[tuple[int, str]], int]:
    server = serve(SAFE_APP, hotel)
    items = book_overlapping_items(server, hotel)
    desk = DeskSession(server.base_url).sign_in()
    unit = first_unit(hotel)
    answers = hand_out_at_once(desk, items, unit)
    return Counter(status for status, _page in answers), answers, unit


def test_simultaneous_hand_outs_of_one_unit_give_it_once(rental_hotel, serve):
    """One hand-out goes through (303 to the item's page), eleven get 409 saying why."""
    statuses, answers, unit = race(serve, rental_hotel)
    assert statuses == {303: 1, 409: SIMULTANEOUS - 1}, statuses
    assert all(TAKEN in page for status, page in answers if status == 409)
    assert unit_ledger(rental_hotel, unit) == (1, 1)


def test_negative_control_without_the_index_the_unit_goes_out_twice(rental_hotel, serve):
    """Without the unique index nothing stops the second hand-out: the test can see it."""
    drop_the_one_unit_a_day_index(rental_hotel)
    statuses, _answers, unit = race(serve, rental_hotel)
    assert not any(status >= 500 for status in statuses), statuses
    given, most = unit_ledger(rental_hotel, unit)
    assert given > 1 and most > 1, statuses
