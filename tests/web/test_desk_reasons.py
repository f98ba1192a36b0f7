"""Managers keep standard reasons in every language; reception chooses one to decline a
request, close a slot or take units out of service, and each guest reads it in their own
language."""

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today, local_to_utc
from hotel.models import (
    BookingItem,
    ItemState,
    Kind,
    OutOfService,
    PricingUnit,
    Role,
    Slot,
    StandardReason,
)
from hotel.models.types import utcnow
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import make_service, make_slot, make_standard_reason, make_stay
from tests.helpers import post_form, sign_in_as

WEATHER = {"en": "Bad weather", "ko": "기상 악화", "zh": "天气恶劣", "de": "Schlechtes Wetter"}


@pytest.fixture
def weather(db):
    reason = make_standard_reason("weather", WEATHER)
    db.session.commit()
    return reason


@pytest.fixture
def manager(auth):
    return auth.staff_login(Role.MANAGER, username="boss")


@pytest.fixture
def reception(auth):
    return auth.staff_login(Role.RECEPTION, username="desk")


def post(client, path, data):
    return post_form(client, path, data, token_from="/desk/login")


def test_managers_see_the_reasons_with_their_missing_languages(client, db, manager, weather):
    page = client.get("/desk/reasons")
    assert page.status_code == 200
    assert "Bad weather" in page.text and "weather" in page.text
    for missing in ("ja", "vi", "ru", "fr", "es", "ar"):
        assert f'>{missing}</span>' in page.text
    assert 'href="/desk/reasons"' in client.get("/desk/").text  # in the menu


def test_reception_has_no_reasons_page_nor_menu_entry(client, db, reception, weather):
    assert client.get("/desk/reasons").status_code == 403
    assert client.get(f"/desk/reasons/{weather.id}").status_code == 403
    assert 'href="/desk/reasons"' not in client.get("/desk/").text


def test_a_manager_adds_a_reason_in_several_languages(client, db, manager):
    form = client.get("/desk/reasons/new")
    assert form.status_code == 200 and 'name="text_ar"' in form.text
    response = post(client, "/desk/reasons/new", {
        "code": "Fully-Booked", "active": "y", "text_en": "Fully booked",
        "text_ko": "예약 마감", "text_ar": "محجوز بالكامل"})
    assert response.status_code == 303
    reason = db.session.scalar(select(StandardReason))
    assert reason.code == "fully-booked" and reason.active
    assert {t.locale: t.name for t in reason.texts} == {
        "en": "Fully booked", "ko": "예약 마감", "ar": "محجوز بالكامل"}


def test_a_manager_edits_a_reason_drops_a_language_and_stops_offering_it(client, db, manager,
                                                                        weather):
    page = client.get(f"/desk/reasons/{weather.id}")
    assert 'value="기상 악화"' in page.text
    response = post(client, f"/desk/reasons/{weather.id}", {
        "code": "weather", "text_en": "Storm warning", "text_ko": "폭풍 경보"})
    assert response.status_code == 303
    db.session.expire_all()
    reason = db.session.get(StandardReason, weather.id)
    assert not reason.active
    assert {t.locale: t.name for t in reason.texts} == {"en": "Storm warning", "ko": "폭풍 경보"}


@pytest.mark.parametrize(("data", "message"), [
    ({"code": "bad code!", "text_en": "x"}, "Please give a short code"),
    ({"code": "", "text_en": "x"}, "This is required."),
    ({"code": "storm", "text_ko": "폭풍"}, "at least in the default language"),
    ({"code": "weather", "text_en": "Again"}, "Another reason has this code."),
    ({"code": "storm", "text_en": "x" * 161}, "161"),
    ({"code": "storm", "text_en": "Nul\x00l"}, "text_en"),
])
def test_a_bad_reason_is_refused_and_nothing_written(client, db, manager, weather, data,
                                                      message):
    before = db.session.scalar(select(func.count(StandardReason.id)))
    response = post(client, "/desk/reasons/new", data)
    assert response.status_code == 422
    if message not in ("161", "text_en"):
        assert message in response.text
    assert "Nothing was saved" in response.text
    assert db.session.scalar(select(func.count(StandardReason.id))) == before


def test_an_unknown_reason_is_not_found(client, db, manager):
    assert client.get("/desk/reasons/999").status_code == 404


# ------------------------------------------------------------------------------ declining


@pytest.fixture
def transfer_request(db):
    """A Chinese family's transfer request, waiting for reception's answer."""
    transfer = make_service("transfer", kind=Kind.ON_REQUEST,
                            pricing_unit=PricingUnit.PER_BOOKING, price="85.00",
                            requires_approval=True, request_fields=["pickup_place"],
                            texts={"en": ("Transfer", ""), "zh": ("接送", "")})
    stay = make_stay("LP40001", last_name="Wang", language="zh")
    booking = create_booking(stay, [ItemRequest(
        transfer, starts_at=utcnow() + timedelta(days=1),
        details={"pickup_place": "Airport"})], stay)
    db.session.commit()
    return booking.items[0]


def test_the_decline_form_offers_the_active_reasons(client, db, reception, weather,
                                                    transfer_request):
    make_standard_reason("old", {"en": "No longer used"}).active = False
    db.session.commit()
    page = client.get("/desk/requests").text
    assert f'<option value="{weather.id}">Bad weather</option>' in page
    assert "No longer used" not in page
    assert 'name="reason"' in page  # the free note


def test_declining_with_a_standard_reason_stores_it_and_the_guest_reads_it_in_chinese(
        client, db, reception, weather, transfer_request):
    response = post(client, "/desk/requests/action", {
        "item_ids": [transfer_request.id], "action": "decline",
        "standard_reason": str(weather.id)})
    assert response.status_code == 303
    item = db.session.get(BookingItem, transfer_request.id)
    assert item.state == ItemState.DECLINED
    assert item.standard_reason_id == weather.id and item.reason == ""
    page = client.get("/desk/requests?state=declined&lang=de").text
    assert "Schlechtes Wetter" in page  # in the reader's language
    assert "Schlechtes Wetter" in client.get("/desk/stays/LP40001").text

    guest = client.application.test_client()
    sign_in_as(guest, item.booking.stay)
    assert "天气恶劣" in guest.get("/my-bookings").text


def test_declining_with_a_reason_and_a_note_keeps_both(client, db, reception, weather,
                                                        transfer_request):
    response = post(client, "/desk/requests/action", {
        "item_ids": [transfer_request.id], "action": "decline",
        "standard_reason": str(weather.id), "reason": "Roads closed by snow."})
    assert response.status_code == 303
    item = db.session.get(BookingItem, transfer_request.id)
    assert item.standard_reason_id == weather.id and item.reason == "Roads closed by snow."


@pytest.mark.parametrize("chosen", ["999", "abc", "inactive"])
def test_declining_with_a_reason_not_offered_is_refused(client, db, reception, weather,
                                                        transfer_request, chosen):
    if chosen == "inactive":
        weather.active = False
        db.session.commit()
        chosen = str(weather.id)
    response = post(client, "/desk/requests/action", {
        "item_ids": [transfer_request.id], "action": "decline", "standard_reason": chosen})
    assert 400 <= response.status_code < 500
    assert "Nothing was changed" in response.text
    assert db.session.get(BookingItem, transfer_request.id).state == ItemState.REQUESTED


def test_declining_with_neither_a_reason_nor_a_note_is_refused(client, db, reception, weather,
                                                               transfer_request):
    response = post(client, "/desk/requests/action", {
        "item_ids": [transfer_request.id], "action": "decline", "standard_reason": "0"})
    assert response.status_code == 422
    assert "Please choose a reason or write one." in response.text
    assert db.session.get(BookingItem, transfer_request.id).state == ItemState.REQUESTED


# ------------------------------------------------------------------- slots and rentals


@pytest.fixture
def slot(db):
    club = make_service("kids-club", texts={"en": ("Kids club", "")})
    slot = make_slot(club, local_to_utc(hotel_today() + timedelta(days=2), time(10)))
    db.session.commit()
    return slot


def test_closing_a_slot_with_a_standard_reason_shows_it_on_the_inventory(client, db, reception,
                                                                         weather, slot):
    page = client.get("/desk/inventory/services/kids-club").text
    assert f'<option value="{weather.id}">Bad weather</option>' in page
    response = post(client, f"/desk/inventory/slots/{slot.id}/close",
                    {"standard_reason": str(weather.id)})
    assert response.status_code == 303
    closed = db.session.get(Slot, slot.id)
    assert closed.closed and closed.closed_reason_id == weather.id
    assert "기상 악화" in client.get("/desk/inventory/services/kids-club?lang=ko").text


def test_closing_a_slot_without_reason_or_note_is_refused(client, db, reception, weather, slot):
    response = post(client, f"/desk/inventory/slots/{slot.id}/close",
                    {"standard_reason": "0", "reason": ""})
    assert response.status_code == 422
    assert "Please choose a reason or write one." in response.text
    assert not db.session.get(Slot, slot.id).closed


def test_units_out_of_service_with_a_standard_reason(client, db, reception, weather):
    make_service("cribs", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                 price="8.00", stock=3, texts={"en": ("Baby crib", "")})
    db.session.commit()
    today = hotel_today()
    data = {"units": "1", "starts_on": today.isoformat(), "ends_on": today.isoformat()}
    refused = post(client, "/desk/inventory/services/cribs/out-of-service", data)
    assert refused.status_code == 422
    assert "Please choose a reason or write one." in refused.text
    assert db.session.scalar(select(func.count(OutOfService.id))) == 0

    response = post(client, "/desk/inventory/services/cribs/out-of-service",
                    {**data, "standard_reason": str(weather.id)})
    assert response.status_code == 303
    period = db.session.scalar(select(OutOfService))
    assert period.standard_reason_id == weather.id
    assert "Bad weather" in client.get("/desk/inventory/services/cribs").text
