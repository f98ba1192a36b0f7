"""The bill on the pages: the guest's "My bill" in their language and currency format,
reception's bill (on screen and as CSV, in the guest's language or their own), and who
may open which; in a number of statements that does not grow with the bookings."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest

from hotel.clock import hotel_day, hotel_today
from hotel.models import ItemState, Role
from tests.bill_fixtures import billed_stay
from tests.factories import add_slot, insert_bookings, make_department, make_service, make_stay
from tests.helpers import sign_in_as

NBSP = "\xa0"


@pytest.fixture
def currency(request, app, monkeypatch):
    monkeypatch.setitem(app.config, "HOTEL_CURRENCY", request.param)
    return request.param


@pytest.mark.parametrize(("currency", "lang", "total", "fee"), [
    ("EUR", "en", "€78.08", "€16.20"),
    ("EUR", "de", f"78,08{NBSP}€", f"16,20{NBSP}€"),
    ("JPY", "ja", "￥7,808", "￥1,620"),
    ("KRW", "ko", "₩78,084", "₩16,200"),
    ("USD", "fr", f"78,08{NBSP}$US", f"16,20{NBSP}$US"),
], indirect=["currency"])
def test_the_guest_reads_my_bill_in_their_language_and_the_hotels_currency(
        client, db, currency, lang, total, fee):
    billed = billed_stay(currency, language=lang)
    sign_in_as(client, billed.stay)
    page = client.get(f"/my-bill?lang={lang}").text
    assert f'<html lang="{lang}"' in page
    assert total in page.replace("\u202f", NBSP)
    assert fee in page.replace("\u202f", NBSP)
    assert "SUMMER20" in page


def test_my_bill_is_the_signed_in_guests_own(client, db, app):
    billed = billed_stay("EUR")
    other = make_stay("OTHER-1")
    db.session.commit()
    sign_in_as(client, other)
    page = client.get("/my-bill").text
    assert "€78.08" not in page and "SUMMER20" not in page
    client.get("/sign-out")
    with client.session_transaction() as session:
        session.clear()
    assert client.get("/my-bill").status_code in (302, 303)
    assert billed.stay.reference not in page


@pytest.mark.parametrize("currency", ["EUR"], indirect=True)
def test_reception_opens_the_bill_in_the_guests_language_or_their_own(
        client, db, auth, currency):
    billed = billed_stay(currency, language="ko")
    auth.staff_login(Role.RECEPTION)
    detail = client.get(f"/desk/stays/{billed.stay.reference}").text
    assert f"/desk/stays/{billed.stay.reference}/bill" in detail
    own = client.get(f"/desk/stays/{billed.stay.reference}/bill").text
    assert "Bill of services" in own and "Kids club" in own and "€78.08" in own
    guests = client.get(f"/desk/stays/{billed.stay.reference}/bill?language=guest").text
    assert '<html lang="ko"' in guests and "키즈 클럽" in guests and "€78.08" in guests
    wrong = client.get(f"/desk/stays/{billed.stay.reference}/bill?language=martian")
    assert wrong.status_code == 422
    assert client.get("/desk/stays/NOPE-0/bill").status_code == 404


@pytest.mark.parametrize("currency", ["JPY"], indirect=True)
def test_the_bill_as_csv_adds_up_in_either_language(client, db, auth, currency):
    billed = billed_stay(currency, language="de")
    auth.staff_login(Role.RECEPTION)
    for language, header, service in [("mine", "Amount", "Kids club"),
                                      ("guest", "Betrag", "Kinderclub")]:
        response = client.get(f"/desk/stays/{billed.stay.reference}/bill.csv"
                              f"?language={language}")
        assert response.status_code == 200 and response.mimetype == "text/csv"
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
        amount = rows[0].index(header)
        lines, total = rows[1:-1], rows[-1]
        assert len(lines) == 5 and any(row[1] == service for row in lines)
        assert sum(float(row[amount]) for row in lines) == float(total[amount]) == 7808


@pytest.mark.parametrize("persona", ["staff", "guest"])
def test_only_reception_and_managers_open_a_stays_bill(client, db, auth, persona):
    billed = billed_stay("EUR")
    if persona == "guest":
        sign_in_as(client, billed.stay)
        response = client.get(f"/desk/stays/{billed.stay.reference}/bill")
        assert response.status_code in (302, 303)
    else:
        auth.staff_login(Role.STAFF, make_department("kids"))
        for path in ("bill", "bill.csv"):
            response = client.get(f"/desk/stays/{billed.stay.reference}/{path}")
            assert response.status_code == 403


def _bookings(stay, club, slot, count):
    return insert_bookings([(stay, [{"service_id": club.id, "slot_id": slot.id,
                                     "start_on": hotel_day(slot.starts_at),
                                     "state": ItemState.CONFIRMED, "starts_at": slot.starts_at,
                                     "price": Decimal(10), "participants": [member]}])
                            for member in stay.members for _ in range(count)])


def test_the_bill_pages_take_as_many_statements_with_many_bookings(
        app, client, db, auth, count_queries):
    billed = billed_stay("EUR")
    club = make_service(price="10.00")
    slot = add_slot(club, hotel_today() + timedelta(days=2), capacity=500)
    db.session.commit()
    auth.staff_login(Role.RECEPTION)
    guest = app.test_client()
    sign_in_as(guest, billed.stay)
    pages = {"guest": (guest, "/my-bill"),
             "desk": (client, f"/desk/stays/{billed.stay.reference}/bill"),
             "csv": (client, f"/desk/stays/{billed.stay.reference}/bill.csv")}
    counts = {name: [] for name in pages}
    for count in (0, 12):
        if count:
            _bookings(billed.stay, club, slot, count)
            db.session.commit()
        for name, (reader, path) in pages.items():
            with count_queries() as counter:
                assert reader.get(path).status_code == 200
            counts[name].append(counter.count)
    assert all(first == second for first, second in counts.values()), counts
    assert counts["guest"][0] <= 8, counts
