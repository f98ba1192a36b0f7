"""Every page in the ten languages: the interface, the catalogue's texts, dates and money."""

from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from babel.numbers import format_currency

from config import LANGUAGES
from hotel.clock import hotel_today
from hotel.models import Kind, PricingUnit
from hotel.models.types import utcnow
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import make_service, make_slot, make_stay
from tests.helpers import post_form
from tests.scenarios import translated


@pytest.fixture
def hotel(db):
    """A kids club in all ten languages with a slot, and a family signed in."""
    texts = {code: (f"Kids club ({code})", f"Play and learn ({code}).") for code in LANGUAGES}
    club = make_service("kids-club", price="1234.50", min_age=3, max_age=12, texts=texts,
                        age_bands=[(3, 6, "617.25")])
    make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT, stock=3,
                 price="8.00", texts={code: (f"Crib ({code})", "") for code in LANGUAGES})
    slot = make_slot(club, utcnow() + timedelta(days=2))
    stay = make_stay("LP40001", children=[5], arrival_on=hotel_today(), nights=5)
    db.session.commit()
    return {"club": club, "slot": slot, "stay": stay}


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_home_and_service_page_in_each_language(client, hotel, language):
    home = client.get(f"/?lang={language}").text
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in home
    assert translated(language, "Services for your stay") in home
    assert f"Kids club ({language})" in home
    page = client.get("/services/kids-club").text
    assert f"Play and learn ({language})." in page
    money = format_currency(Decimal("1234.50"), "EUR", locale=language)
    assert money in page, f"{language}: expected the price as {money!r}"
    assert translated(language, "Age limits") in page


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_basket_and_my_bookings_in_each_language(client, auth, hotel, language):
    stay = hotel["stay"]
    stay.language = language
    create_booking(stay, [ItemRequest(hotel["club"], slot_id=hotel["slot"].id,
                                      participant_ids=[stay.children[0].id])], stay)
    auth.guest_login(stay)
    mine = client.get("/my-bookings").text  # the stay's language, with no other choice made
    assert f'lang="{language}"' in mine
    assert translated(language, "My bookings") in mine
    assert translated(language, "Confirmed") in mine
    post_form(client, "/services/crib/add", {"start_date": hotel_today().isoformat(),
                                            "end_date": hotel_today().isoformat(),
                                            "quantity": 1})
    basket = client.get("/basket").text
    assert translated(language, "Your basket") in basket
    assert format_currency(Decimal("8.00"), "EUR", locale=language) in basket


def test_german_and_korean_dates_follow_the_locale(client, auth, hotel, db):
    stay = hotel["stay"]
    create_booking(stay, [ItemRequest(hotel["club"], slot_id=hotel["slot"].id,
                                      participant_ids=[stay.children[0].id])], stay)
    auth.guest_login(stay)
    day = hotel["slot"].starts_at.astimezone(ZoneInfo("Europe/Vienna"))
    german = client.get("/my-bookings?lang=de").text
    assert f"{day.day}. " in german and "€" in german
    korean = client.get("/my-bookings?lang=ko").text
    assert f"{day.month}월 {day.day}일" in korean


def test_api_follows_accept_language(client, hotel):
    response = client.get("/api/v1/services/no-such-service/availability",
                          headers={"Accept-Language": "ko"})
    assert response.status_code == 404
    assert response.json["message"] == translated("ko", "We do not offer this service.")
    french = client.get("/api/v1/services/no-such-service/availability?lang=fr")
    assert french.json["message"] == translated("fr", "We do not offer this service.")
