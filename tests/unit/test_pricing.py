"""Prices: every pricing unit, child age bands, large-family and package discounts."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from hotel.clock import hotel_today
from hotel.models import Kind, PricingUnit
from hotel.services.pricing import quote
from tests.factories import add_member, make_service, make_stay

# Children under 3 are free, 3 to 11 pay half, 12 and older pay the full price.
BANDS = [(0, 2, "0.00"), (3, 11, "10.00")]


@pytest.fixture
def today(db):
    return hotel_today()


def price_of(service, stay, people=(), *, quantity=1, on=None, **kwargs):
    return quote(service, stay, quantity=quantity, people=list(people),
                 on=on or stay.arrival_on, **kwargs)


@pytest.mark.parametrize(
    ("unit", "kind", "kwargs", "expected"),
    [
        # One price for the whole booking, whatever the number of people.
        (PricingUnit.PER_BOOKING, Kind.ON_REQUEST, {"quantity": 3}, "20.00"),
        # Per person: two adults.
        (PricingUnit.PER_PERSON, Kind.ACTIVITY, {"quantity": 2}, "40.00"),
        # Per person and day: two adults for three days.
        (PricingUnit.PER_PERSON_DAY, Kind.ON_REQUEST, {"quantity": 2, "days": 3}, "120.00"),
        # Per unit and night: two cribs for four nights.
        (PricingUnit.PER_UNIT_NIGHT, Kind.RENTAL, {"quantity": 2, "days": 4}, "160.00"),
        # Per unit and day: one scooter for three days.
        (PricingUnit.PER_UNIT_DAY, Kind.RENTAL, {"quantity": 1, "days": 3}, "60.00"),
        # Per hour: two boats for an hour and a half.
        (PricingUnit.PER_HOUR, Kind.ACTIVITY, {"quantity": 2, "hours": Decimal("1.5")}, "60.00"),
    ],
)
def test_every_pricing_unit(db, today, unit, kind, kwargs, expected):
    service = make_service(kind=kind, pricing_unit=unit, price="20.00", stock=5)
    stay = make_stay(arrival_on=today, adults=2)
    people = stay.adults if unit in (PricingUnit.PER_PERSON, PricingUnit.PER_PERSON_DAY) else []
    result = price_of(service, stay, people, **kwargs)
    assert result.price == Decimal(expected)
    assert result.subtotal == Decimal(expected)
    assert result.discount == Decimal("0.00")
    assert not result.has_discount
    assert result.unit_price == Decimal("20.00")


def test_without_named_people_the_quantity_counts(db, today):
    service = make_service(pricing_unit=PricingUnit.PER_PERSON, price="12.50")
    stay = make_stay(arrival_on=today)
    assert price_of(service, stay, quantity=3).price == Decimal("37.50")


@pytest.mark.parametrize(
    ("age", "expected"),
    [(0, "0.00"), (2, "0.00"), (3, "10.00"), (11, "10.00"), (12, "20.00"), (16, "20.00")],
)
def test_children_pay_the_price_of_their_age_band(db, today, age, expected):
    service = make_service(price="20.00", age_bands=BANDS)
    stay = make_stay(arrival_on=today, adults=1, children=[age])
    assert price_of(service, stay, stay.children).price == Decimal(expected)


def test_adults_pay_the_full_price_whatever_the_bands(db, today):
    service = make_service(price="20.00", age_bands=BANDS)
    stay = make_stay(arrival_on=today, adults=2)
    assert price_of(service, stay, stay.adults).price == Decimal("40.00")


def test_a_family_pays_each_member_by_age(db, today):
    service = make_service(price="20.00", age_bands=BANDS)
    stay = make_stay(arrival_on=today, adults=2, children=[1, 7])
    # 2 x 20.00 + 0.00 + 10.00
    assert price_of(service, stay, stay.members).price == Decimal("50.00")


def years_before(day: date, years: int) -> date:
    """Return the same calendar day ``years`` earlier (1 March for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 3, 1)


def test_age_band_follows_the_age_on_the_service_date_from_the_birth_date(db, today):
    service = make_service(price="20.00", age_bands=BANDS)
    stay = make_stay(arrival_on=today, adults=1, nights=7)
    third_birthday = today + timedelta(days=3)
    child = add_member(stay, "Mia", birth_date=years_before(third_birthday, 3))
    day_before = third_birthday - timedelta(days=1)
    assert price_of(service, stay, [child], on=day_before).price == Decimal("0.00")
    assert price_of(service, stay, [child], on=third_birthday).price == Decimal("10.00")


def test_an_age_given_without_birth_date_holds_for_the_whole_stay(db, today):
    service = make_service(price="20.00", age_bands=BANDS)
    stay = make_stay(arrival_on=today, adults=1, children=[2], nights=7)
    last_day = stay.departure_on
    assert price_of(service, stay, stay.children, on=last_day).price == Decimal("0.00")


def test_a_child_without_a_known_age_pays_the_full_price(db, today):
    service = make_service(price="20.00", age_bands=BANDS)
    stay = make_stay(arrival_on=today, adults=1)
    child = add_member(stay, "Noa", age=None)
    assert price_of(service, stay, [child]).price == Decimal("20.00")


@pytest.mark.parametrize(
    ("children", "expected_price", "expected_discount"),
    [
        ([], "100.00", "0.00"),
        ([12, 13], "100.00", "0.00"),  # two children: no large-family discount
        ([12, 13, 14], "90.00", "10.00"),  # three children: 10 %
        ([12, 13, 14, 15], "90.00", "10.00"),
    ],
)
def test_large_family_discount_from_three_children(db, today, children, expected_price,
                                                   expected_discount):
    service = make_service(pricing_unit=PricingUnit.PER_BOOKING, price="100.00")
    stay = make_stay(arrival_on=today, children=children)
    result = price_of(service, stay)
    assert result.subtotal == Decimal("100.00")
    assert result.price == Decimal(expected_price)
    assert result.discount == Decimal(expected_discount)
    assert result.has_discount is (expected_discount != "0.00")


def test_package_discount(db, today):
    service = make_service(pricing_unit=PricingUnit.PER_BOOKING, price="80.00")
    stay = make_stay(arrival_on=today)
    result = price_of(service, stay, package_percent=Decimal("15"))
    assert (result.subtotal, result.discount, result.price) == (
        Decimal("80.00"), Decimal("12.00"), Decimal("68.00"))


def test_package_and_large_family_discounts_apply_one_after_the_other(db, today):
    service = make_service(pricing_unit=PricingUnit.PER_BOOKING, price="100.00")
    stay = make_stay(arrival_on=today, children=[4, 6, 8])
    result = price_of(service, stay, package_percent=Decimal("20"))
    # 100 - 20 % = 80, then - 10 % = 72 (not 100 - 30 % = 70).
    assert result.price == Decimal("72.00")
    assert result.discount == Decimal("28.00")


def test_discounts_are_rounded_once_half_up(db, today):
    service = make_service(pricing_unit=PricingUnit.PER_BOOKING, price="10.05")
    stay = make_stay(arrival_on=today, children=[4, 6, 8])
    result = price_of(service, stay, package_percent=Decimal("10"))
    # 10.05 x 0.9 x 0.9 = 8.1405 -> 8.14. Rounding after each step would give
    # 9.045 -> 9.05, then 8.145 -> 8.15.
    assert result.price == Decimal("8.14")
    assert result.discount == Decimal("1.91")
    assert result.subtotal - result.discount == result.price


def test_rounding_is_half_up_not_to_even(db, today):
    service = make_service(pricing_unit=PricingUnit.PER_HOUR, price="12.35")
    stay = make_stay(arrival_on=today)
    # 12.35 x 1.5 = 18.525: half-up gives 18.53, banker's rounding 18.52.
    assert price_of(service, stay, hours=Decimal("1.5")).price == Decimal("18.53")


def test_every_amount_is_a_decimal_with_cents(db, today):
    service = make_service(pricing_unit=PricingUnit.PER_HOUR, price="7.77",
                           age_bands=BANDS)
    stay = make_stay(arrival_on=today, children=[1, 5, 9])
    result = price_of(service, stay, stay.members, quantity=2, hours=Decimal("0.75"),
                      package_percent=Decimal("12.5"))
    for amount in (result.unit_price, result.subtotal, result.discount, result.price):
        assert isinstance(amount, Decimal)
        assert amount.as_tuple().exponent == -2
