"""A stay whose bill has known answers: a returning large family (two adults, children
of 1, 5 and 13) with a package booked with a voucher, a late cancellation, a no-show and
a free cancellation; in the prices of the currency the test runs in."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import ItemState, Kind, PricingUnit, Role, Stay, Voucher, VoucherKind
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.fees import item_starts_at
from hotel.services.requests import Action, handle_items
from hotel.services.rules import ItemRequest
from tests.factories import add_slot, make_package, make_service, make_staff, make_stay

# Per currency: the club's adult price, the crib's price a night, and what the bill must
# say. Worked out by hand:
#   package line, club (3 x adult, child of 5 at half, child of 1 free = 3.5 x P):
#     less 10 % package, less 10 % large family, rounded; less 10 % returning guest,
#     rounded; less 20 % voucher, rounded.                      EUR 70 > 56.70 > 51.03 > 40.82
#   package line, crib (2 nights): less 10 %, less 10 %         EUR 16 > 12.96 (no perk, no voucher)
#   two adults, cancelled 2 hours before (cut-off 24 h): half of EUR 40 > 36 > 32.40 = 16.20
#   one child of 5, no-show: all of EUR 10 > 9 > 8.10 = 8.10
#   one adult, cancelled in time: nothing
KNOWN = {
    "EUR": {"adult": "20.00", "crib": "8.00", "club_line": "40.82", "crib_line": "12.96",
            "late_fee": "16.20", "no_show_fee": "8.10", "total": "78.08",
            "perk": "5.67", "voucher": "10.21"},
    # Whole yen: 7000 > 6300 > 5670 > 5103 > 4082.4 = 4082.
    "JPY": {"adult": "2000", "crib": "800", "club_line": "4082.00", "crib_line": "1296.00",
            "late_fee": "1620.00", "no_show_fee": "810.00", "total": "7808.00",
            "perk": "567.00", "voucher": "1021.00"},
    "USD": {"adult": "20.00", "crib": "8.00", "club_line": "40.82", "crib_line": "12.96",
            "late_fee": "16.20", "no_show_fee": "8.10", "total": "78.08",
            "perk": "5.67", "voucher": "10.21"},
    # Whole won, like yen.
    "KRW": {"adult": "20000", "crib": "8000", "club_line": "40824.00", "crib_line": "12960.00",
            "late_fee": "16200.00", "no_show_fee": "8100.00", "total": "78084.00",
            "perk": "5670.00", "voucher": "10206.00"},
}


@dataclass
class BilledStay:
    stay: Stay
    known: dict
    package_booking: object
    late_item: object
    no_show_item: object
    free_item: object
    voucher: Voucher


def billed_stay(currency: str, reference: str = "BILL-1", language: str = "en") -> BilledStay:
    """Make the stay and its bookings in ``currency`` (the app's HOTEL_CURRENCY must be it)."""
    known = KNOWN[currency]
    today = hotel_today()
    adult = Decimal(known["adult"])
    club = make_service("bill-club", pricing_unit=PricingUnit.PER_PERSON, price=str(adult),
                        age_bands=[(0, 2, "0"), (3, 11, str(adult / 2))], cutoff_hours=24,
                        late_cancel_fee_percent=Decimal(50), no_show_fee_percent=Decimal(100),
                        returning_guest_percent=Decimal(10),
                        texts={"en": ("Kids club", ""), "ko": ("키즈 클럽", ""),
                               "de": ("Kinderclub", ""), "ar": ("نادي الأطفال", "")})
    crib = make_service("bill-crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price=known["crib"], stock=3,
                        texts={"en": ("Crib", ""), "ko": ("유아용 침대", ""),
                               "de": ("Kinderbett", ""), "ar": ("سرير أطفال", "")})
    package = make_package([club, crib], slug="bill-family", discount="10")
    earlier = make_stay(reference=f"{reference}-OLD", arrival_on=today - timedelta(days=40))
    stay = make_stay(reference=reference, arrival_on=today, nights=6, children=[1, 5, 13],
                     language=language, room="301")
    stay.previous_stay_id = earlier.id
    voucher = Voucher(code="SUMMER20", kind=VoucherKind.PERCENT, value=Decimal(20), uses=0,
                      services=[club])
    db.session.add(voucher)
    slots = [add_slot(club, today + timedelta(days=n)) for n in range(1, 5)]
    staff = make_staff(f"desk-{reference.lower()}", Role.RECEPTION)
    db.session.commit()
    everyone = [m.id for m in stay.members]
    adults = [m.id for m in stay.adults]
    child_of_five = next(m.id for m in stay.children if m.age == 5)
    package_booking = create_booking(stay, [
        ItemRequest(club, slot_id=slots[1].id, participant_ids=everyone),
        ItemRequest(crib, start_on=today + timedelta(days=1), end_on=today + timedelta(days=2)),
    ], stay, package=package, voucher_code="summer20")
    late = create_booking(stay, [ItemRequest(club, slot_id=slots[0].id,
                                             participant_ids=adults)], stay).items[0]
    no_show = create_booking(stay, [ItemRequest(club, slot_id=slots[2].id,
                                                participant_ids=[child_of_five])],
                             stay).items[0]
    free = create_booking(stay, [ItemRequest(club, slot_id=slots[3].id,
                                             participant_ids=adults[:1])], stay).items[0]
    two_hours_before = item_starts_at(late) - timedelta(hours=2)
    cancel_booking_item(late, stay, now=two_hours_before,
                        accepted_fee=Decimal(known["late_fee"]))
    cancel_booking_item(free, stay)
    handle_items([no_show.id], Action.NO_SHOW, staff)
    assert late.state == ItemState.CANCELLED
    return BilledStay(stay, known, package_booking, late, no_show, free, voucher)
