"""The bill of a stay: its total is the sum of its lines, with known answers for a large
returning family's package, a voucher, a late cancellation and a no-show, in several
currencies; fees are charged once, with the state change."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hotel.models import Fee, FeeKind, ItemState, Voucher, VoucherKind, VoucherUse
from hotel.services import fees
from hotel.services.bill import bill_of_stay
from hotel.services.bookings import FeeNotAccepted, cancel_booking_item, create_booking
from hotel.services.errors import DomainError, NotAllowed, Unavailable
from hotel.services.rules import ItemRequest
from tests.bill_fixtures import KNOWN, billed_stay
from tests.factories import add_slot, make_service, make_stay


@pytest.fixture
def currency(request, app, monkeypatch):
    monkeypatch.setitem(app.config, "HOTEL_CURRENCY", request.param)
    return request.param


@pytest.mark.parametrize("currency", list(KNOWN), indirect=True)
def test_the_bill_of_a_returning_large_family_has_the_known_total(db, currency):
    billed = billed_stay(currency)
    known = {key: Decimal(value) for key, value in billed.known.items()}
    bill = bill_of_stay(billed.stay)
    by_item = {line.item.id: line for line in bill.lines}
    club_line, crib_line = (by_item[item.id] for item in billed.package_booking.items)
    assert club_line.total == known["club_line"]
    assert club_line.item.perk_discount == known["perk"]
    assert club_line.item.voucher_discount == known["voucher"]
    assert club_line.voucher_code == "SUMMER20"
    assert crib_line.total == known["crib_line"]
    assert crib_line.item.perk_discount == crib_line.item.voucher_discount == 0
    late = by_item[billed.late_item.id]
    assert (late.charged, late.fee_total, late.total) == (0, known["late_fee"],
                                                          known["late_fee"])
    assert [fee.kind for fee in late.fees] == [FeeKind.LATE_CANCELLATION]
    no_show = by_item[billed.no_show_item.id]
    assert no_show.item.state == ItemState.NO_SHOW
    assert (no_show.charged, no_show.total) == (0, known["no_show_fee"])
    free = by_item[billed.free_item.id]
    assert (free.item.state, free.total, free.fees) == (ItemState.CANCELLED, 0, [])
    assert bill.total == known["total"]
    assert bill.total == sum(line.total for line in bill.lines)
    assert bill.total == sum(day.total for day in bill.days)
    assert bill.fee_total == known["late_fee"] + known["no_show_fee"]
    assert [day.day for day in bill.days] == sorted(day.day for day in bill.days)
    assert db.session.scalar(select(Voucher.uses).where(Voucher.code == "SUMMER20")) == 1


@pytest.mark.parametrize("currency", ["EUR"], indirect=True)
def test_a_late_cancel_needs_the_fee_the_guest_was_shown(db, currency):
    stay = make_stay(arrival_on=None, nights=3)
    club = make_service(price="30.00", cutoff_hours=24, late_cancel_fee_percent=Decimal(25))
    slot = add_slot(club, stay.arrival_on + timedelta(days=1))
    db.session.commit()
    item = create_booking(stay, [ItemRequest(club, slot_id=slot.id,
                                             participant_ids=[stay.members[0].id])],
                          stay).items[0]
    late = fees.item_starts_at(item) - timedelta(hours=3)
    assert fees.cancellation_fee(item, fees.cancellation_deadline(item)) == 0
    assert fees.cancellation_fee(item, late) == Decimal("7.50")
    for accepted in (None, Decimal("7.49")):
        with pytest.raises(FeeNotAccepted):
            cancel_booking_item(item, stay, now=late, accepted_fee=accepted)
    db.session.refresh(item)
    assert item.state == ItemState.CONFIRMED
    assert db.session.scalar(select(func.count()).select_from(Fee)) == 0
    cancel_booking_item(item, stay, now=late, accepted_fee=Decimal("7.50"))
    fee = db.session.scalar(select(Fee))
    assert (fee.kind, fee.amount, fee.stay_id) == (FeeKind.LATE_CANCELLATION,
                                                   Decimal("7.50"), stay.id)
    # Once the service has started, a guest can no longer cancel, fee or not.
    other = create_booking(stay, [ItemRequest(club, slot_id=slot.id,
                                              participant_ids=[stay.members[1].id])],
                           stay).items[0]
    with pytest.raises(NotAllowed):
        cancel_booking_item(other, stay, now=fees.item_starts_at(other) + timedelta(minutes=1),
                            accepted_fee=Decimal("7.50"))


@pytest.mark.parametrize("currency", ["EUR"], indirect=True)
def test_without_a_late_fee_the_cut_off_still_refuses_the_guest(db, currency):
    stay = make_stay(nights=3)
    club = make_service(price="30.00", cutoff_hours=24)
    slot = add_slot(club, stay.arrival_on + timedelta(days=1))
    db.session.commit()
    item = create_booking(stay, [ItemRequest(club, slot_id=slot.id)], stay).items[0]
    with pytest.raises(NotAllowed):
        cancel_booking_item(item, stay, now=fees.item_starts_at(item) - timedelta(hours=1))


@pytest.mark.parametrize("currency", ["EUR"], indirect=True)
def test_an_amount_voucher_is_spread_over_the_lines_it_covers(db, currency):
    stay = make_stay(nights=3, adults=1)
    day = stay.arrival_on + timedelta(days=1)
    first, second, third = (make_service(price=price) for price in ("20.00", "16.00", "50.00"))
    slots = [add_slot(service, day, capacity=3) for service in (first, second, third)]
    db.session.add(Voucher(code="TAKE25", kind=VoucherKind.AMOUNT, value=Decimal(25),
                           uses=0, services=[first, second]))
    db.session.commit()
    booking = create_booking(stay, [ItemRequest(s.service, slot_id=s.id) for s in slots],
                             stay, voucher_code="take25")
    assert [item.price for item in booking.items] == [0, Decimal("11.00"), Decimal("50.00")]
    assert [item.voucher_discount for item in booking.items] == [20, 5, 0]
    assert booking.total == Decimal("61.00")
    assert bill_of_stay(stay).total == booking.total


@pytest.mark.parametrize("currency", ["EUR"], indirect=True)
def test_a_voucher_is_refused_when_used_up_out_of_dates_or_for_other_services(db, currency):
    stay = make_stay(nights=3, adults=2)
    day = stay.arrival_on + timedelta(days=1)
    club, other = make_service(price="20.00"), make_service(price="20.00")
    slot = add_slot(club, day)
    db.session.add_all([
        Voucher(code="ONCE", kind=VoucherKind.PERCENT, value=10, max_uses=1, uses=0),
        Voucher(code="LATER", kind=VoucherKind.PERCENT, value=10, uses=0,
                valid_from=day + timedelta(days=30)),
        Voucher(code="OTHER", kind=VoucherKind.PERCENT, value=10, uses=0, services=[other]),
    ])
    db.session.commit()
    member = stay.members[0].id
    create_booking(stay, [ItemRequest(club, slot_id=slot.id, participant_ids=[member])], stay,
                   voucher_code="ONCE")
    for code, error in [("ONCE", Unavailable), ("LATER", DomainError), ("OTHER", DomainError),
                        ("NOPE", DomainError)]:
        with pytest.raises(error) as raised:
            create_booking(stay, [ItemRequest(club, slot_id=slot.id,
                                              participant_ids=[stay.members[1].id])],
                           stay, voucher_code=code)
        assert raised.value.field == "voucher"
    # Nothing was half-written: one booking, one use, the second adult has no place.
    assert db.session.scalar(select(func.count()).select_from(VoucherUse)) == 1
    db.session.refresh(slot)
    assert slot.booked == 1
