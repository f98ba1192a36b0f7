"""The guest's basket: lines kept in the session until checkout."""

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime

from flask import session

from hotel.i18n import text_locales
from hotel.models import Stay, Voucher
from hotel.models.types import utcnow
from hotel.services import basket_check, catalogue, pricing, vouchers
from hotel.services.errors import DomainError
from hotel.services.rules import CheckedLine, ItemRequest, check_line
from hotel.web.price_lines import explain_line

MAX_LINES = 20


def _plain(request: ItemRequest) -> dict:
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
    }


def _lines() -> list[dict]:
    lines = session.get("basket")
    return lines if isinstance(lines, list) else []


def add_line(request: ItemRequest) -> bool:
    """Put a line in the basket; return False when the basket is full."""
    lines = _lines()
    if len(lines) >= MAX_LINES:
        return False
    session["basket"] = [*lines, _plain(request)]
    return True


def remove_line(index: int) -> None:
    """Take a line out of the basket, if there is such a line."""
    lines = _lines()
    if 0 <= index < len(lines):
        session["basket"] = lines[:index] + lines[index + 1:]


def clear() -> None:
    """Empty the basket, forget its voucher code and start a new checkout key."""
    session.pop("basket", None)
    session.pop("checkout_key", None)
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


def count() -> int:
    return len(_lines())


def checkout_key() -> str:
    """Return the key that makes this basket's checkout happen once."""
    if "checkout_key" not in session:
        session["checkout_key"] = secrets.token_urlsafe(16)
    return session["checkout_key"]


def _parse_date(value):
    return date.fromisoformat(value) if value else None


def requests() -> list[ItemRequest]:
    """Return the basket's lines as booking requests (one query for all services)."""
    lines = _lines()
    slugs = {line.get("service") for line in lines if isinstance(line.get("service"), str)}
    services = catalogue.services_by_slug(slugs, text_locales()) if slugs else {}
    found = []
    for line in lines:
        service = services.get(line.get("service"))
        if service is None:
            continue
        found.append(ItemRequest(
            service=service, quantity=line.get("quantity") or 1, slot_id=line.get("slot_id"),
            start_on=_parse_date(line.get("start_on")), end_on=_parse_date(line.get("end_on")),
            starts_at=datetime.fromisoformat(line["starts_at"]) if line.get("starts_at") else None,
            participant_ids=line.get("participants") or [], details=line.get("details") or {},
            note=line.get("note") or "",
        ))
    return found


@dataclass
class BasketLine:
    """A basket line as the basket page shows it: its price, or why it cannot be booked."""

    request: ItemRequest
    quote: pricing.Quote | None = None
    error: str | None = None
    checked: CheckedLine | None = None
    alternatives: list = field(default_factory=list)  # nearest times that still fit
    explanation: str | None = None  # who pays what


@dataclass
class PricedBasket:
    """The basket's lines priced, with the voucher applied or why it cannot be."""

    lines: list[BasketLine]
    voucher: Voucher | None = None
    voucher_error: str | None = None


def priced_lines(stay: Stay) -> PricedBasket:
    """Check every line of the basket against what is free now and price those that
    still fit, with the voucher applied, booking nothing."""
    now = utcnow()
    result = []
    basket_check.before_recheck()
    for request in requests():
        try:
            line = check_line(stay, request, now)
        except DomainError as error:
            result.append(BasketLine(request, error=error.message))
            continue
        taken, alternatives = basket_check.recheck(line, stay, now)
        result.append(BasketLine(request, error=taken, checked=line, alternatives=alternatives))
    bookable = [line for line in result if line.checked and not line.error]
    voucher, voucher_error, code = None, None, voucher_code()
    if code and bookable:
        try:
            voucher = vouchers.find_voucher(code, [line.request.service for line in bookable])
        except DomainError as error:
            voucher_error = error.message
    quotes = pricing.quote_lines(stay, [line.checked for line in bookable], voucher=voucher)
    for line, quote in zip(bookable, quotes, strict=True):
        checked = line.checked
        line.quote = quote
        line.explanation = explain_line(line.request.service, quantity=checked.quantity,
                                        people=checked.people, on=checked.first,
                                        days=checked.days, hours=checked.hours)
    return PricedBasket(result, voucher, voucher_error)
