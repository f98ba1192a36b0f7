"""The bill through the API: the guest's own with a guest token, any stay's with a staff
token; every item with its amount and fees, the total the sum of the items' totals."""

from decimal import Decimal

import pytest

from hotel.models import Role, Voucher, VoucherKind
from tests.api.conftest import ApiClient
from tests.bill_fixtures import billed_stay
from tests.factories import make_staff


@pytest.fixture
def api(client):
    return ApiClient(client)


@pytest.fixture
def currency(request, app, monkeypatch):
    monkeypatch.setitem(app.config, "HOTEL_CURRENCY", request.param)
    return request.param


def _check_adds_up(bill: dict, known: dict, currency: str) -> None:
    assert bill["total"] == {"amount": known["total"], "currency": currency}
    totals = [Decimal(item["total"]) for item in bill["items"]]
    assert sum(totals) == Decimal(bill["total"]["amount"])
    for item in bill["items"]:
        fees = sum((Decimal(fee["amount"]) for fee in item["fees"]), Decimal(0))
        assert Decimal(item["amount"]) + fees == Decimal(item["total"])
    assert sum(Decimal(day["total"]["amount"]) for day in bill["days"]) == Decimal(
        known["total"])


@pytest.mark.parametrize("currency", ["EUR", "JPY"], indirect=True)
def test_the_guest_and_reception_read_the_same_bill(api, db, currency):
    billed = billed_stay(currency)
    token = api.guest_token(billed.stay.reference, billed.stay.last_name)
    guest = api.call("GET", "/api/v1/bill", token)
    assert guest.status_code == 200, guest.json
    _check_adds_up(guest.json, billed.known, currency)
    assert guest.json["reference"] == billed.stay.reference
    late = next(i for i in guest.json["items"] if i["id"] == billed.late_item.id)
    assert (late["state"], late["amount"], late["fees"][0]["kind"]) == (
        "cancelled", "0.00", "late_cancellation")
    club = next(i for i in guest.json["items"] if i["voucher"])
    assert (club["voucher"], club["amount"]) == ("SUMMER20", billed.known["club_line"])
    make_staff("front", Role.RECEPTION)
    db.session.commit()
    staff = api.staff_token("front")
    desk = api.call("GET", f"/api/v1/stays/{billed.stay.reference}/bill", staff)
    assert desk.status_code == 200 and desk.json == guest.json
    assert api.call("GET", "/api/v1/stays/NOPE-1/bill", staff).status_code == 404
    assert api.call("GET", f"/api/v1/stays/{billed.stay.reference}/bill",
                    token).status_code == 403
    assert api.call("GET", "/api/v1/bill").status_code == 401


def test_a_late_cancel_through_the_api_names_the_fee_first(api, hotel, kim_token, db):
    club = hotel["club"]
    club.cutoff_hours, club.late_cancel_fee_percent = 48, Decimal(40)
    db.session.commit()
    body = {"items": [{"service": "kids-club", "slot_id": hotel["slots"][0].id,
                       "participants": [hotel["kim"].children[0].id]}]}
    booked = api.call("POST", "/api/v1/bookings", kim_token, json=body).json
    path = f"/api/v1/bookings/{booked['reference']}/items/{booked['items'][0]['id']}/cancel"
    refused = api.call("POST", path, kim_token)
    assert refused.status_code == 409 and refused.json["error"] == "fee_not_accepted"
    assert "€3.00" in refused.json["message"]
    wrong = api.call("POST", path, kim_token, json={"accepted_fee": "three"})
    assert wrong.status_code == 422
    cancelled = api.call("POST", path, kim_token, json={"accepted_fee": "3.00"})
    assert cancelled.status_code == 200 and cancelled.json["state"] == "cancelled"
    bill = api.call("GET", "/api/v1/bill", kim_token).json
    assert bill["total"]["amount"] == "3.00"


def test_a_voucher_code_through_the_api(api, hotel, kim_token, db):
    db.session.add(Voucher(code="HELLO10", kind=VoucherKind.AMOUNT, value=Decimal(10),
                           max_uses=1, uses=0))
    db.session.commit()
    line = {"service": "kids-club", "slot_id": hotel["slots"][2].id,
            "participants": [hotel["kim"].children[0].id]}
    first = api.call("POST", "/api/v1/bookings", kim_token,
                     json={"items": [line], "voucher": "hello10"})
    assert first.status_code == 201, first.json
    assert first.json["total"]["amount"] == "0.00"  # 7.50, less up to 10.00
    line["participants"] = [hotel["kim"].children[1].id]
    again = api.call("POST", "/api/v1/bookings", kim_token,
                     json={"items": [line], "voucher": "HELLO10"})
    assert again.status_code == 409 and again.json["error"] == "unavailable"
    unknown = api.call("POST", "/api/v1/bookings", kim_token, json={"items": [line],
                                                                   "voucher": 12})
    assert unknown.status_code == 422
