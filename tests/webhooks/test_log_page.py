"""Managers read every delivery with the PMS's answer to each try, send one again, and set
where webhooks go; the page costs as many statements with 3 deliveries as with 60."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.models import DeliveryState, PmsDelivery, PmsSetting, Role
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from hotel.services.webhook_delivery import deliver
from tests.factories import add_slot, make_service, make_stay
from tests.helpers import post_form
from tests.webhooks.conftest import SECRET, valid_signature


def book_some(count: int) -> None:
    riding = make_service(f"riding-{count}")
    slot = add_slot(riding, hotel_today() + timedelta(days=1), capacity=count)
    stays = [make_stay(arrival_on=hotel_today(), adults=1) for _ in range(count)]
    for stay in stays:
        create_booking(stay, [ItemRequest(riding, slot_id=slot.id,
                                          participant_ids=[stay.members[0].id])], stay)


def test_the_log_shows_each_answer_and_sends_a_delivery_again(db, client, auth, receiver):
    book_some(1)
    created = db.session.scalars(select(PmsDelivery).order_by(PmsDelivery.id)).first()
    receiver.failures_to_give = 1
    deliver(created.delivery_id)
    auth.staff_login(Role.MANAGER)

    page = client.get("/desk/webhooks").get_data(as_text=True)
    assert "booking_item.created" in page and "HTTP 500" in page and "PMS is busy" in page
    assert receiver.url in page and SECRET not in page
    detail = client.get(f"/desk/webhooks/{created.id}").get_data(as_text=True)
    assert created.delivery_id in detail and "PMS is busy" in detail

    db.session.rollback()
    assert deliver(created.delivery_id, db.session.get(PmsDelivery, created.id)
                   .next_attempt_at)[0] == "delivered"
    response = post_form(client, f"/desk/webhooks/{created.id}/send-again",
                         {"back": "/desk/webhooks"}, token_from="/desk/webhooks")
    assert response.status_code == 303
    db.session.rollback()
    assert db.session.get(PmsDelivery, created.id).state == DeliveryState.WAITING
    assert deliver(created.delivery_id)[0] == "delivered"
    first, again = receiver.received
    assert first["body"] == again["body"] and valid_signature(again)  # the same event

    waiting = post_form(client, f"/desk/webhooks/{created.id + 1}/send-again",
                        {"back": "/desk/webhooks"}, token_from="/desk/webhooks")
    assert waiting.status_code == 409  # the charge waits still: it is on its way


@pytest.mark.parametrize("language, message", [
    ("en", "Please give an address that starts with https:// or http://."),
    ("ko", "https:// 또는 http://로 시작하는 주소를 입력해 주세요."),
])
def test_a_manager_sets_the_address_and_a_wrong_one_is_refused(db, client, auth, language,
                                                               message):
    auth.staff_login(Role.MANAGER)
    wrong = post_form(client, f"/desk/webhooks/address?lang={language}",
                      {"url": "ftp://pms.example", "secret": "s" * 20},
                      token_from="/desk/webhooks")
    assert wrong.status_code == 422
    assert message in wrong.get_data(as_text=True)
    assert db.session.get(PmsSetting, 1) is None

    saved = post_form(client, "/desk/webhooks/address",
                      {"url": "https://pms.example/hooks", "secret": "s" * 20},
                      token_from="/desk/webhooks")
    assert saved.status_code == 303
    db.session.rollback()
    setting = db.session.get(PmsSetting, 1)
    assert (setting.url, setting.secret) == ("https://pms.example/hooks", "s" * 20)
    kept = post_form(client, "/desk/webhooks/address", {"url": "https://pms.example/v2"},
                     token_from="/desk/webhooks")
    assert kept.status_code == 303
    db.session.rollback()
    assert db.session.get(PmsSetting, 1, populate_existing=True).secret == "s" * 20


def test_the_log_takes_as_many_statements_with_3_as_with_60_deliveries(
        db, client, auth, count_queries):
    auth.staff_login(Role.MANAGER)
    counts = []
    for bookings in (1, 29):
        book_some(bookings)
        with count_queries() as counter:
            assert client.get("/desk/webhooks").status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]
