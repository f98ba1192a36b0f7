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


def _band_of(service: Service, member: PartyMember | None, on: date):
    if member is not None and member.is_child:
        age = member.age_on(on)
        for band in service.age_bands:
            if age is not None and band.min_age <= age <= band.max_age:
                return band
    return None


def person_price(service: Service, member: PartyMember | None, on: date) -> Decimal:
    """Return what one person pays: the price of the child band that fits, else the full price."""
    band = _band_of(service, member, on)
    return band.price if band is not None else service.price


@dataclass(frozen=True)
class PriceGroup:
    """Those of a line who pay the same: ``count`` persons or units at ``price`` each.

    Children priced by a band are named, with the band's ages; the others are counted.
    """

    count: int
    price: Decimal
    names: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None

    @property
    def is_free(self) -> bool:
        return self.price == 0


@dataclass(frozen=True)
class Breakdown:
    """How a line's price before discounts is made: groups, times days (or nights) and
    hours. ``subtotal`` is what ``base_price`` returns."""

    groups: tuple[PriceGroup, ...]
    days: int = 1
    hours: Decimal = Decimal(1)
    per_night: bool = False

    @property
    def subtotal(self) -> Decimal:
        each = sum((group.price * group.count for group in self.groups), Decimal("0"))
        return each * self.days * self.hours


def _people_groups(service: Service, people: list[PartyMember], quantity: int, on: date,
                   price: Decimal) -> tuple[PriceGroup, ...]:
    if not people:
        return (PriceGroup(quantity, price),)
    full, bands = 0, {}
    for member in people:
        band = _band_of(service, member, on)
        if band is None:
            full += 1
        else:
            bands.setdefault((band.min_age, band.max_age, band.price), []).append(
                member.first_name)
    groups = [PriceGroup(full, price)] if full else []
    # Those who pay first, then those who go free.
    ordered = sorted(bands.items(), key=lambda band: (band[0][2] == 0, band[0][0]))
    groups += [PriceGroup(len(names), band_price, tuple(names), low, high)
               for (low, high, band_price), names in ordered]
    return tuple(groups)


def breakdown(service: Service, *, quantity: int, people: list[PartyMember], on: date,
              days: int = 1, hours: Decimal | int = 1,
              unit_price: Decimal | None = None) -> Breakdown:
    """Return who pays what on a line, by the service's pricing unit; ``unit_price`` is the
    full price if it is not the service's own (a booking made before a price change)."""
    price = service.price if unit_price is None else unit_price
    unit = service.pricing_unit
    if unit == PricingUnit.PER_BOOKING:
        return Breakdown((PriceGroup(1, price),))
    if unit == PricingUnit.PER_PERSON:
        return Breakdown(_people_groups(service, people, quantity, on, price))
    if unit == PricingUnit.PER_PERSON_DAY:
        return Breakdown(_people_groups(service, people, quantity, on, price), days=days)
    if unit in (PricingUnit.PER_UNIT_NIGHT, PricingUnit.PER_UNIT_DAY):
        return Breakdown((PriceGroup(quantity, price),), days=days,
                         per_night=unit == PricingUnit.PER_UNIT_NIGHT)
    if unit == PricingUnit.PER_HOUR:
        return Breakdown((PriceGroup(quantity, price),), hours=Decimal(hours))
    raise ValueError(f"unknown pricing unit {unit}")


def base_price(service: Service, *, quantity: int, people: list[PartyMember], on: date,
               days: int = 1, hours: Decimal | int = 1) -> Decimal:
    """Return a line's price before discounts, by the service's pricing unit."""
    return breakdown(service, quantity=quantity, people=people, on=on, days=days,
                     hours=hours).subtotal


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
