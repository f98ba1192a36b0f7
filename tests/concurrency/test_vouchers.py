"""Twenty guests book with the same voucher code at the same moment, against four
gunicorn workers: the code is used exactly as often as its limit allows."""

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from hotel import create_app
from hotel.clock import hotel_today, local_to_utc
from hotel.extensions import db
from hotel.models import BookingItem, Kind, PricingUnit, Voucher, VoucherKind, VoucherUse
from tests.concurrency.harness import fire_at_once, sign_in_all
from tests.conftest import make_config
from tests.factories import make_service

pytestmark = pytest.mark.concurrency

GUESTS = 20
LIMIT = 3
UNLOCKED_VOUCHERS_APP = "tests.concurrency.unlocked_vouchers_wsgi"


def add_voucher(url: str) -> str:
    """Add a 10 % voucher code good three times, and a transfer on request: booking it
    takes no capacity, so nothing but the voucher's own guard orders the bookings.
    Return when the transfer is asked for (ISO 8601)."""
    app = create_app(make_config(url))
    with app.app_context():
        make_service(slug="race-transfer", kind=Kind.ON_REQUEST,
                     pricing_unit=PricingUnit.PER_BOOKING, price="40.00",
                     requires_approval=True)
        db.session.add(Voucher(code="RACE3", kind=VoucherKind.PERCENT, value=10,
                               max_uses=LIMIT, uses=0))
        db.session.commit()
        starts_at = local_to_utc(hotel_today() + timedelta(days=1), time(11, 0)).isoformat()
        db.session.remove()
        db.engine.dispose()
    return starts_at


def book_with_the_voucher_at_once(server, hotel, starts_at: str) -> list:
    tokens = sign_in_all(server.base_url, hotel.guests[:GUESTS])
    line = {"service": "race-transfer", "starts_at": starts_at}
    return fire_at_once(server.base_url, "slot", [
        (token, {"items": [line], "voucher": "RACE3"}) for token in tokens])


def voucher_ledger(url: str) -> tuple[int, int, int]:
    """Return the voucher's counter, its uses recorded, and the items it took money off."""
    app = create_app(make_config(url))
    with app.app_context():
        counted = db.session.scalar(select(Voucher.uses).where(Voucher.code == "RACE3"))
        uses = db.session.scalar(select(func.count()).select_from(VoucherUse))
        discounted = db.session.scalar(select(func.count()).where(
            BookingItem.voucher_discount > 0))
        db.session.remove()
        db.engine.dispose()
    return counted, uses, discounted


def test_a_voucher_is_used_no_more_often_than_its_limit(hotel, serve):
    starts_at = add_voucher(hotel.url)
    server = serve("wsgi", hotel)
    shots = book_with_the_voucher_at_once(server, hotel, starts_at)
    statuses = sorted(shot.status for shot in shots)
    assert statuses == [201] * LIMIT + [409] * (GUESTS - LIMIT), statuses
    assert all(shot.answer["error"] == "unavailable" for shot in shots if shot.status == 409)
    assert voucher_ledger(hotel.url) == (LIMIT, LIMIT, LIMIT)


def test_negative_control_an_unguarded_count_uses_a_voucher_too_often(hotel, serve):
    starts_at = add_voucher(hotel.url)
    server = serve(UNLOCKED_VOUCHERS_APP, hotel)
    shots = book_with_the_voucher_at_once(server, hotel, starts_at)
    counted, uses, discounted = voucher_ledger(hotel.url)
    assert sum(shot.status == 201 for shot in shots) > LIMIT, [s.status for s in shots]
    assert uses > LIMIT and discounted > LIMIT and counted < uses, (counted, uses, discounted)
