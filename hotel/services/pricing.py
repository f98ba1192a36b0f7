"""Prices: per booking, per person, per unit and day or night, per hour; child bands;
large-family and package discounts. Amounts are exact Decimals, rounded once per line.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from flask import current_app

from hotel.models import PartyMember, PricingUnit, Service, Stay

CENT = Decimal("0.01")
HUNDRED = Decimal("100")


@dataclass(frozen=True)
class Quote:
    """The price of one booking line."""

    unit_price: Decimal  # the adult / base price per unit of pricing
    subtotal: Decimal  # before discounts
    discount: Decimal
    price: Decimal  # what the guest pays

    @property
    def has_discount(self) -> bool:
        return self.discount > 0


def person_price(service: Service, member: PartyMember | None, on: date) -> Decimal:
    """Return what one person pays: the price of the child band that fits, else the full price."""
    if member is not None and member.is_child:
        age = member.age_on(on)
        for band in service.age_bands:
            if age is not None and band.min_age <= age <= band.max_age:
                return band.price
    return service.price


def _people_price(service: Service, people: list[PartyMember], quantity: int, on: date):
    if people:
        return sum((person_price(service, m, on) for m in people), Decimal("0"))
    return service.price * quantity


def base_price(service: Service, *, quantity: int, people: list[PartyMember], on: date,
               days: int = 1, hours: Decimal | int = 1) -> Decimal:
    """Return a line's price before discounts, by the service's pricing unit."""
    unit = service.pricing_unit
    if unit == PricingUnit.PER_BOOKING:
        return service.price
    if unit == PricingUnit.PER_PERSON:
        return _people_price(service, people, quantity, on)
    if unit == PricingUnit.PER_PERSON_DAY:
        return _people_price(service, people, quantity, on) * days
    if unit in (PricingUnit.PER_UNIT_NIGHT, PricingUnit.PER_UNIT_DAY):
        return service.price * quantity * days
    if unit == PricingUnit.PER_HOUR:
        return service.price * Decimal(hours) * quantity
    raise ValueError(f"unknown pricing unit {unit}")


def discount_percents(stay: Stay, package_percent: Decimal | None) -> list[Decimal]:
    """Return the discounts that apply, in the order they are applied."""
    percents = []
    if package_percent:
        percents.append(Decimal(package_percent))
    config = current_app.config
    if len(stay.children) >= config["LARGE_FAMILY_MIN_CHILDREN"]:
        percents.append(Decimal(config["LARGE_FAMILY_DISCOUNT_PERCENT"]))
    return percents


def quote(service: Service, stay: Stay, *, quantity: int, people: list[PartyMember], on: date,
          days: int = 1, hours: Decimal | int = 1,
          package_percent: Decimal | None = None) -> Quote:
    """Return the price of a line: base price, then each discount in turn, rounded once."""
    subtotal = base_price(service, quantity=quantity, people=people, on=on, days=days,
                          hours=hours)
    price = subtotal
    for percent in discount_percents(stay, package_percent):
        price = price * (HUNDRED - percent) / HUNDRED
    price = price.quantize(CENT, rounding=ROUND_HALF_UP)
    subtotal = subtotal.quantize(CENT, rounding=ROUND_HALF_UP)
    return Quote(unit_price=service.price, subtotal=subtotal, discount=subtotal - price,
                 price=price)
