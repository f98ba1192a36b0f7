"""Baskets: lines kept in the session until checkout.

The guest's basket is ``basket``; reception keeps one per stay it books for (``key``), whose
lines may belong to a package, booked together with its discount.
"""

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from flask import session

from hotel.i18n import text_locales
from hotel.models import Package, Stay, Voucher
from hotel.models.types import utcnow
from hotel.services import basket_check, catalogue, pricing, vouchers
from hotel.services.errors import DomainError
from hotel.services.rules import CheckedLine, ItemRequest, check_line
from hotel.web.price_lines import explain_line

MAX_LINES = 20
GUEST = "basket"


def _plain(request: ItemRequest, package: str | None = None) -> dict:
    return {
        "service": request.service.slug,
        "quantity": request.quantity,
        "slot_id": request.slot_id,
        "start_on": request.start_on.isoformat() if request.start_on else None,
        "end_on": request.end_on.isoformat() if request.end_on else None,
        "starts_at": request.starts_at.isoformat() if request.starts_at else None,
        "participants": list(request.participant_ids),
        "details": dict(request.details),
        "note": request.note,
        "package": package,
    }


def _lines(key: str = GUEST) -> list[dict]:
    lines = session.get(key)
    return lines if isinstance(lines, list) else []


def add_line(request: ItemRequest, key: str = GUEST) -> bool:
    """Put a line in the basket; return False when the basket is full."""
    return add_lines([request], key)


def add_lines(requests: list[ItemRequest], key: str = GUEST,
              package: Package | None = None) -> bool:
    """Put lines in the basket, all of them or none (of a package: booked together with its
    discount); return False when they do not fit."""
    lines = _lines(key)
    if len(lines) + len(requests) > MAX_LINES:
        return False
    slug = package.slug if package is not None else None
    session[key] = [*lines, *(_plain(request, slug) for request in requests)]
    return True


def remove_line(index: int, key: str = GUEST) -> None:
    """Take a line out of the basket, if there is such a line."""
    lines = _lines(key)
    if 0 <= index < len(lines):
        session[key] = lines[:index] + lines[index + 1:]


def _checkout_name(key: str) -> str:
    return "checkout_key" if key == GUEST else f"{key}:checkout"


def clear(key: str = GUEST) -> None:
    """Empty the basket, forget its voucher code and start a new checkout key."""
    session.pop(key, None)
    session.pop(_checkout_name(key), None)
    if key == GUEST:
        session.pop("voucher", None)


def voucher_code() -> str | None:
    """Return the voucher code the guest entered for this basket, if any."""
    code = session.get("voucher")
    return code if isinstance(code, str) and code else None


def set_voucher_code(code: str | None) -> None:
    """Keep a voucher code for the basket's checkout, or forget it (None)."""
    if code:
        session["voucher"] = vouchers.normal_code(code)
    else:
        session.pop("voucher", None)


def count(key: str = GUEST) -> int:
    return len(_lines(key))


def checkout_key(key: str = GUEST) -> str:
    """Return the key that makes this basket's checkout happen once."""
    name = _checkout_name(key)
    if name not in session:
        session[name] = secrets.token_urlsafe(16)
    return session[name]


def _parse_date(value):
    return date.fromisoformat(value) if value else None


def package_lines(key: str = GUEST) -> list[tuple[str | None, ItemRequest]]:
    """Return the basket's lines as (package slug or None, booking request), with one query
    for all services."""
    lines = _lines(key)
    slugs = {line.get("service") for line in lines if isinstance(line.get("service"), str)}
    services = catalogue.services_by_slug(slugs, text_locales()) if slugs else {}
    found = []
    for line in lines:
        service = services.get(line.get("service"))
        if service is None:
            continue
        package = line.get("package")
        found.append((package if isinstance(package, str) else None, ItemRequest(
            service=service, quantity=line.get("quantity") or 1, slot_id=line.get("slot_id"),
            start_on=_parse_date(line.get("start_on")), end_on=_parse_date(line.get("end_on")),
            starts_at=datetime.fromisoformat(line["starts_at"]) if line.get("starts_at") else None,
            participant_ids=line.get("participants") or [], details=line.get("details") or {},
            note=line.get("note") or "",
        )))
    return found


def requests(key: str = GUEST) -> list[ItemRequest]:
    """Return the basket's lines as booking requests (one query for all services)."""
    return [request for _package, request in package_lines(key)]


@dataclass
class BasketLine:
    """A basket line as the basket page shows it: its price, or why it cannot be booked."""

    request: ItemRequest
    quote: pricing.Quote | None = None
    error: str | None = None
    checked: CheckedLine | None = None
    alternatives: list = field(default_factory=list)  # nearest times that still fit
    explanation: str | None = None  # who pays what
    package: Package | None = None


@dataclass
class PricedBasket:
    """The basket's lines priced, with the voucher applied or why it cannot be."""

    lines: list[BasketLine]
    voucher: Voucher | None = None
    voucher_error: str | None = None


def priced_lines(stay: Stay, key: str = GUEST,
                 packages: dict[str, Package] | None = None) -> PricedBasket:
    """Check every line of the basket against what is free now and price those that
    still fit, booking nothing: a package's lines with its discount (``packages`` by
    slug), the guest's with the voucher they entered."""
    now = utcnow()
    result = []
    basket_check.before_recheck()
    for slug, request in package_lines(key):
        package = (packages or {}).get(slug) if slug else None
        try:
            line = check_line(stay, request, now)
        except DomainError as error:
            result.append(BasketLine(request, error=error.message, package=package))
            continue
        taken, alternatives = basket_check.recheck(line, stay, now)
        result.append(BasketLine(request, error=taken, checked=line, alternatives=alternatives,
                                 package=package))
    bookable = [line for line in result if line.checked and not line.error]
    voucher, voucher_error, code = None, None, voucher_code() if key == GUEST else None
    if code and bookable:
        try:
            voucher = vouchers.find_voucher(code, [line.request.service for line in bookable])
        except DomainError as error:
            voucher_error = error.message
    by_package: dict[Package | None, list[BasketLine]] = {}
    for line in bookable:  # a package's lines are one booking, priced together
        by_package.setdefault(line.package, []).append(line)
    for package, group in by_package.items():
        quotes = pricing.quote_lines(
            stay, [line.checked for line in group], voucher=voucher,
            package_percent=package.discount_percent if package else None)
        for line, quote in zip(group, quotes, strict=True):
            checked = line.checked
            line.quote = quote
            line.explanation = explain_line(line.request.service, quantity=checked.quantity,
                                            people=checked.people, on=checked.first,
                                            days=checked.days, hours=checked.hours)
    return PricedBasket(result, voucher, voucher_error)
