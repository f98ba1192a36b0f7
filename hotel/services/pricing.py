"""Prices: per booking, per person, per unit and day or night, per hour; child bands;
package, large-family and returning-guest discounts, and vouchers. This is the one place
where a line's price is worked out: the basket, the booking, the desk and the API all
quote through it. Amounts are exact Decimals, rounded to the currency's smallest unit
(cents, whole yen) after each kind of discount, so the parts add up to the whole.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import get_currency_precision
from flask import current_app

from hotel.models import PartyMember, PricingUnit, Service, Stay, Voucher, VoucherKind
from hotel.models.types import ZERO

CENT = Decimal("0.01")
HUNDRED = Decimal("100")


@lru_cache(maxsize=16)
def _step(currency: str) -> Decimal:
    return Decimal(1).scaleb(-get_currency_precision(currency))


def round_money(amount: Decimal, currency: str | None = None) -> Decimal:
    """Round an amount to the smallest unit of the currency (the hotel's by default)."""
    step = _step(currency or current_app.config["HOTEL_CURRENCY"])
    return Decimal(amount).quantize(step, rounding=ROUND_HALF_UP).quantize(CENT)


def percent_of(amount: Decimal, percent: Decimal, currency: str | None = None) -> Decimal:
    """Return ``percent`` % of an amount, rounded to the currency."""
    return round_money(Decimal(amount) * Decimal(percent) / HUNDRED, currency)


@dataclass(frozen=True)
class Quote:
    """The price of one booking line."""

    unit_price: Decimal  # the adult / base price per unit of pricing
    subtotal: Decimal  # before discounts
    discount: Decimal  # every discount, the perk's and the voucher's included
    price: Decimal  # what the guest pays
    perk_discount: Decimal = ZERO  # the returning guest's perk
    voucher_discount: Decimal = ZERO

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


def perk_percent(service: Service, stay: Stay) -> Decimal:
    """Return the percent a returning guest gets off this service (0 for a first stay)."""
    if stay.previous_stay_id is None:
        return Decimal(0)
    return Decimal(service.returning_guest_percent or 0)


def _less(amount: Decimal, percent: Decimal) -> Decimal:
    return amount * (HUNDRED - percent) / HUNDRED


def quote(service: Service, stay: Stay, *, quantity: int, people: list[PartyMember], on: date,
          days: int = 1, hours: Decimal | int = 1,
          package_percent: Decimal | None = None, voucher: Voucher | None = None) -> Quote:
    """Return the price of a line: base price, then the package and large-family
    discounts, the returning guest's perk and a percent voucher, each rounded in turn.

    An amount voucher is spread over a booking's lines by quote_lines.
    """
    subtotal = base_price(service, quantity=quantity, people=people, on=on, days=days,
                          hours=hours)
    price = subtotal
    for percent in discount_percents(stay, package_percent):
        price = _less(price, percent)
    discounted = round_money(price)
    perked = round_money(_less(discounted, perk_percent(service, stay)))
    price = perked
    if voucher is not None and voucher.kind == VoucherKind.PERCENT and voucher.covers(service):
        price = round_money(_less(perked, voucher.value))
    subtotal = round_money(subtotal)
    return Quote(unit_price=service.price, subtotal=subtotal, discount=subtotal - price,
                 price=price, perk_discount=discounted - perked, voucher_discount=perked - price)


def take_off(line: Quote, amount: Decimal) -> Quote:
    """Return the line with ``amount`` more taken off by a voucher (never below zero)."""
    amount = min(amount, line.price)
    return replace(line, price=line.price - amount, discount=line.discount + amount,
                   voucher_discount=line.voucher_discount + amount)


def spread_amount(quotes: list[Quote], covered: Sequence[bool], amount: Decimal) -> list[Quote]:
    """Take an amount voucher off the covered lines in turn, as far as each line's price
    goes; what is more than the lines cost is not paid out."""
    left = Decimal(amount)
    result = []
    for line, covers in zip(quotes, covered, strict=True):
        if covers and left > 0:
            taken = min(left, line.price)
            line, left = take_off(line, taken), left - taken
        result.append(line)
    return result


def quote_lines(stay: Stay, lines, *, package_percent: Decimal | None = None,
                voucher: Voucher | None = None) -> list[Quote]:
    """Return the price of each checked line of one booking, the voucher applied."""
    quotes = [quote(line.request.service, stay, quantity=line.quantity, people=line.people,
                    on=line.first, days=line.days, hours=line.hours,
                    package_percent=package_percent, voucher=voucher) for line in lines]
    if voucher is not None and voucher.kind == VoucherKind.AMOUNT:
        covered = [voucher.covers(line.request.service) for line in lines]
        quotes = spread_amount(quotes, covered, round_money(voucher.value))
    return quotes
