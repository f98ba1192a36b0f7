"""Baskets: lines kept in the session until checkout.

The guest's basket is ``basket``; reception keeps one per stay it books for (``key``), whose
lines may belong to a package, booked together with its discount.
"""

import secrets
from dataclasses import dataclass
from datetime import date, datetime

from flask import session

from hotel.i18n import text_locales
from hotel.models import Package, Stay
from hotel.models.types import utcnow
from hotel.services import catalogue, pricing
from hotel.services.errors import DomainError
from hotel.services.rules import CheckedLine, ItemRequest, check_line

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
    """Empty the basket and start a new checkout key."""
    session.pop(key, None)
    session.pop(_checkout_name(key), None)


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
    package: Package | None = None


def priced_lines(stay: Stay, key: str = GUEST,
                 packages: dict[str, Package] | None = None) -> list[BasketLine]:
    """Check and price every line of the basket, without booking anything; a package's
    lines with its discount (``packages`` by slug)."""
    now = utcnow()
    result = []
    for slug, request in package_lines(key):
        package = (packages or {}).get(slug) if slug else None
        try:
            line = check_line(stay, request, now)
        except DomainError as error:
            result.append(BasketLine(request, error=error.message, package=package))
            continue
        quote = pricing.quote(request.service, stay, quantity=line.quantity, people=line.people,
                              on=line.first, days=line.days, hours=line.hours,
                              package_percent=package.discount_percent if package else None)
        result.append(BasketLine(request, quote=quote, checked=line, package=package))
    return result
