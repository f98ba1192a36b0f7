"""Fees and vouchers on the pages: the guest sees the fee policy before booking and the
fee before cancelling late, enters a voucher code in the basket; reception books with a
code; managers set fees and perks in the service editor and keep voucher codes."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.extensions import db as _db
from hotel.models import (
    Booking,
    Fee,
    ItemState,
    PmsDelivery,
    Role,
    Service,
    Voucher,
    VoucherKind,
)
from hotel.models.types import utcnow
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import make_department, make_service, make_slot, make_stay
from tests.helpers import csrf_token, post_form, sign_in_as
from tests.web.test_desk_manager import service_form


@pytest.fixture
def resort(db):
    """A kids club with a fee policy and a slot in five hours, a family, and a voucher."""
    today = hotel_today()
    club = make_service("kids-club", price="15.00", cutoff_hours=24,
                        late_cancel_fee_percent=Decimal(50), no_show_fee_percent=Decimal(100),
                        texts={"en": ("Kids club", "Play."), "ko": ("키즈 클럽", "놀이."),
                               "ar": ("نادي الأطفال", "لعب.")})
    soon = make_slot(club, _in_hours(5), capacity=5)
    later = make_slot(club, _in_hours(72), capacity=5)
    kim = make_stay("LP7001", last_name="Kim", arrival_on=today, nights=5, children=[6],
                    language="ko")
    _db.session.add(Voucher(code="WELCOME5", kind=VoucherKind.AMOUNT, value=Decimal(5),
                            uses=0, max_uses=10))
    db.session.commit()
    return {"club": club, "soon": soon, "later": later, "kim": kim}


def _in_hours(hours: int):
    return utcnow().replace(microsecond=0) + timedelta(hours=hours)


def test_the_service_page_tells_the_fees_before_booking(client, resort):
    sign_in_as(client, resort["kim"])
    page = client.get("/services/kids-club?lang=en").text
    assert "Cancelling after that costs 50% of the price." in page
    assert "Not coming costs 100% of the price." in page


def test_the_guest_sees_the_fee_and_cancels_late_only_for_it(client, db, resort):
    kim = resort["kim"]
    item = create_booking(kim, [ItemRequest(resort["club"], slot_id=resort["soon"].id,
                                            participant_ids=[kim.children[0].id])],
                          kim).items[0]
    sign_in_as(client, kim)
    page = client.get(f"/my-bookings/items/{item.id}/cancel?lang=en").text
    assert "cancelling now costs €7.50" in page
    assert 'name="accepted_fee" value="7.50"' in page
    token = csrf_token(client, f"/my-bookings/items/{item.id}/cancel")
    refused = client.post(f"/my-bookings/items/{item.id}/cancel", data={"csrf_token": token})
    assert refused.status_code == 409 and "€7.50" in refused.text
    _db.session.refresh(item)
    assert item.state == ItemState.CONFIRMED
    done = client.post(f"/my-bookings/items/{item.id}/cancel",
                       data={"csrf_token": token, "accepted_fee": "7.50"})
    assert done.status_code == 302
    _db.session.refresh(item)
    assert item.state == ItemState.CANCELLED
    assert _db.session.scalar(select(Fee.amount).where(Fee.booking_item_id == item.id)) == \
        Decimal("7.50")
    bill = client.get("/my-bill?lang=en").text
    assert "Late cancellation" in bill and "€7.50" in bill
    # The PMS is told of the fee with the cancellation: the price posted back, the fee posted.
    charges = _db.session.execute(
        select(PmsDelivery.charge_kind, PmsDelivery.amount)
        .where(PmsDelivery.booking_item_id == item.id, PmsDelivery.event == "charge.posted")
        .order_by(PmsDelivery.id)).all()
    assert [(kind, amount) for kind, amount in charges if kind != "service"] == [
        ("reversal", -item.price), ("late_cancellation_fee", Decimal("7.50"))]


def test_the_guest_enters_a_voucher_code_in_the_basket(client, db, resort):
    kim = resort["kim"]
    sign_in_as(client, kim)
    assert post_form(client, "/services/kids-club/add", {
        "slot_id": resort["later"].id, "participants": [kim.children[0].id]},
        token_from="/services/kids-club").status_code == 302
    wrong = post_form(client, "/basket/voucher?lang=ko", {"code": "NOPE"},
                      token_from="/basket")
    assert wrong.status_code == 422
    assert "WELCOME5" not in wrong.text
    assert post_form(client, "/basket/voucher", {"code": "welcome5"},
                     token_from="/basket").status_code == 302
    basket = client.get("/basket?lang=en").text
    assert "WELCOME5" in basket and "€10.00" in basket  # 15.00 less 5.00
    key = basket.split('name="submission_key" type="hidden" value="')[1].split('"')[0]
    response = post_form(client, "/basket/checkout", {"submission_key": key},
                         token_from="/basket")
    assert response.status_code == 302
    booking = _db.session.scalars(select(Booking).where(Booking.stay_id == kim.id)).one()
    assert booking.total == Decimal("10.00") and booking.items[0].voucher_discount == 5
    assert _db.session.scalar(select(Voucher.uses).where(Voucher.code == "WELCOME5")) == 1


def test_reception_books_for_a_guest_with_a_voucher_code(client, db, auth, resort):
    auth.staff_login(Role.RECEPTION)
    path = f"/desk/book/{resort['kim'].reference}/kids-club"
    data = {"slot_id": resort["later"].id, "participants": [resort["kim"].children[0].id]}
    wrong = post_form(client, path, {**data, "voucher": "NOPE"}, token_from=path)
    assert wrong.status_code == 422 and 'id="voucher-errors"' in wrong.text
    assert post_form(client, path, {**data, "voucher": "WELCOME5"},
                     token_from=path).status_code == 302
    booking = _db.session.scalars(select(Booking)).one()
    assert booking.total == Decimal("10.00")


def test_a_manager_sets_fees_and_the_perk_in_the_service_editor(client, db, auth):
    desk = {"department": make_department("kids")}
    db.session.commit()
    auth.staff_login(Role.MANAGER)
    path = "/desk/catalogue/services/new"
    bad = post_form(client, path, service_form(desk, late_cancel_fee_percent="120"),
                    token_from=path)
    assert bad.status_code == 422
    assert post_form(client, path, service_form(
        desk, late_cancel_fee_percent="30", no_show_fee_percent="80",
        returning_guest_percent="12.5"), token_from=path).status_code == 303
    service = _db.session.scalars(select(Service).where(Service.slug == "pony-rides")).one()
    assert (service.late_cancel_fee_percent, service.no_show_fee_percent,
            service.returning_guest_percent) == (30, 80, Decimal("12.5"))


def test_a_manager_creates_and_withdraws_a_voucher_code(client, db, auth, resort):
    auth.staff_login(Role.MANAGER)
    page = client.get("/desk/vouchers")
    assert page.status_code == 200 and "WELCOME5" in page.text
    bad = post_form(client, "/desk/vouchers", {"code": "x", "kind": "percent", "value": "10"},
                    token_from="/desk/vouchers")
    assert bad.status_code == 422
    over = post_form(client, "/desk/vouchers", {"code": "HALF", "kind": "percent",
                                                "value": "150"}, token_from="/desk/vouchers")
    assert over.status_code == 422
    made = post_form(client, "/desk/vouchers", {
        "code": "spring-10", "kind": "percent", "value": "10", "max_uses": "50",
        "valid_from": "2030-03-01", "valid_until": "2030-05-31",
        "services": [resort["club"].id]}, token_from="/desk/vouchers")
    assert made.status_code == 303
    voucher = _db.session.scalars(select(Voucher).where(Voucher.code == "SPRING-10")).one()
    assert [s.slug for s in voucher.services] == ["kids-club"] and voucher.max_uses == 50
    twice = post_form(client, "/desk/vouchers", {"code": "SPRING-10", "kind": "amount",
                                                 "value": "5"}, token_from="/desk/vouchers")
    assert twice.status_code == 422 and "This code exists already." in twice.text
    assert _db.session.scalar(select(func.count()).select_from(Voucher)) == 2
    post_form(client, f"/desk/vouchers/{voucher.id}/active", {"active": "0"},
              token_from="/desk/vouchers")
    _db.session.refresh(voucher)
    assert voucher.active is False
