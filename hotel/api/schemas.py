"""Reading JSON bodies and query strings into the plain values the services take.

Only shapes and types are checked here; the hotel's rules stay in the services. Every
value that reaches the database is bounded first, so that no input can make it fail.
"""

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from flask import request
from flask_babel import gettext as _

from hotel.i18n import text_locales
from hotel.models import Package, Service
from hotel.models.types import LARGEST_INTEGER
from hotel.services import catalogue
from hotel.services.errors import DomainError
from hotel.services.plain_text import check_text, text_problem
from hotel.services.rules import ItemRequest

MAX_ITEMS = 20
MAX_PARTICIPANTS = 50
MAX_ID = LARGEST_INTEGER
MAX_RANGE_DAYS = 62
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)
SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,59}")
REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MONEY_TEXT = re.compile(r"\d{1,10}(\.\d{1,2})?")
ITEM_KEYS = frozenset({"service", "slot_id", "start_date", "end_date", "starts_at", "quantity",
                       "participants", "details", "note"})
BOOKING_KEYS = frozenset({"items", "package", "idempotency_key", "voucher"})


@dataclass
class BookingRequest:
    """What a guest asks to book: the lines, the package if any, and the idempotency key."""

    items: list[ItemRequest]
    package: Package | None
    idempotency_key: str | None
    voucher: str | None = None


def _no_constants(name: str):
    raise ValueError(f"{name} is not JSON")


def json_object() -> dict:
    """Return the request's body as a JSON object.

    :raises DomainError: the body is not JSON, or not an object.
    """
    try:
        payload = json.loads(request.get_data(cache=True), parse_constant=_no_constants)
    except (ValueError, RecursionError):
        payload = None
    if not isinstance(payload, dict):
        raise DomainError(_("Please send a JSON object."), "body")
    return payload


def is_slug(value) -> bool:
    """Tell whether a value can be a service's or package's slug."""
    return isinstance(value, str) and SLUG.fullmatch(value) is not None


def is_reference(value) -> bool:
    """Tell whether a value can be a booking reference."""
    return isinstance(value, str) and REFERENCE.fullmatch(value) is not None


def _reject_unknown(data: dict, known: frozenset, item: int | None = None) -> None:
    for key in data:
        if key not in known:
            raise DomainError(_("This field is not known."), str(key)[:60], item)


def stay_body() -> dict:
    """Return a stay sent by the property-management system; its rules are the service's.

    :raises DomainError: the body is not a JSON object, or ``marketing_consent`` is there
        but not true or false (the CSV import's "yes" and "no" are not JSON's).
    """
    data = json_object()
    if "marketing_consent" in data and not isinstance(data["marketing_consent"], bool):
        raise DomainError(_("Please send true or false."), "marketing_consent")
    return data


def text(value, field: str, *, max_length: int = 200, multiline: bool = False,
         item: int | None = None) -> str:
    """Return a text member, or "" when it is missing.

    :raises DomainError: it is not text, too long, has control characters or nothing visible.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DomainError(_("Please enter text."), field, item)
    if len(value) > max_length:
        raise DomainError(_("Please keep this to %(num)d characters.", num=max_length),
                          field, item)
    return check_text(value, field, multiline, item)


def parse_date(value, field: str, item: int | None = None) -> date | None:
    """Return a YYYY-MM-DD member as a date, or None when it is missing.

    :raises DomainError: it is not a date in that form, or is out of range.
    """
    if value is None:
        return None
    parsed = None
    if isinstance(value, str) and DATE.fullmatch(value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            parsed = None
    if parsed is None or not EARLIEST <= parsed <= LATEST:
        raise DomainError(_("Please enter a date as YYYY-MM-DD."), field, item)
    return parsed


def parse_datetime(value, field: str, item: int | None = None) -> datetime | None:
    """Return an ISO 8601 date-time with offset as an aware datetime, or None if missing.

    :raises DomainError: it is not such a date-time, has no offset, or is out of range.
    """
    if value is None:
        return None
    parsed = None
    if isinstance(value, str) and DATE.match(value) and len(value) <= 40:
        try:
            parsed = datetime.fromisoformat(value)
            # The year as written, as the API document's pattern states it.
            in_range = EARLIEST.year <= parsed.year <= LATEST.year
        except (ValueError, OverflowError):
            parsed, in_range = None, False
        if parsed is not None and (parsed.tzinfo is None or not in_range):
            parsed = None
    if parsed is None:
        raise DomainError(_("Please enter a date and time with its offset, like "
                            "2030-07-01T10:00:00+02:00."), field, item)
    return parsed


def date_range(args) -> tuple[date, date]:
    """Return the ``from`` and ``to`` days of a query string.

    :raises DomainError: a day is missing or wrong, or the range is reversed or too long.
    """
    first = parse_date(args.get("from") or None, "from")
    last = parse_date(args.get("to") or None, "to")
    if first is None:
        raise DomainError(_("Please enter a date as YYYY-MM-DD."), "from")
    if last is None:
        raise DomainError(_("Please enter a date as YYYY-MM-DD."), "to")
    if last < first:
        raise DomainError(_("The last day must not be before the first."), "to")
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise DomainError(_("Please ask for at most %(num)d days at a time.",
                            num=MAX_RANGE_DAYS), "to")
    return first, last


def _whole_number(value, field: str, item: int, message: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise DomainError(message, field, item)
    return value


def _identifier(value, field: str, item: int, message: str) -> int | None:
    number = _whole_number(value, field, item, message)
    if number is not None and not 1 <= number <= MAX_ID:
        raise DomainError(message, field, item)
    return number


def _participants(value, item: int) -> list[int]:
    message = _("Only people staying with you can take part.")
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_PARTICIPANTS:
        raise DomainError(message, "participants", item)
    return [_identifier(number, "participants", item, message) for number in value]


def _details(value, item: int) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict) or len(value) > 20:
        raise DomainError(_("Please send the details as a JSON object."), "details", item)
    details = {}
    for key, answer in value.items():
        field = f"details.{key[:40]}"
        if isinstance(answer, str):
            answer = text(answer, field, item=item)
        elif isinstance(answer, bool) or not isinstance(answer, int | None):
            raise DomainError(_("Please enter text or a whole number."), field, item)
        details[key] = answer
    return details


def _service(value, item: int, services: dict[str, Service] | None) -> Service:
    if services is None:
        services = catalogue.services_by_slug([value], text_locales()) if is_slug(value) else {}
    service = services.get(value) if is_slug(value) else None
    if service is None or not service.active:
        raise DomainError(_("We do not offer this service."), "service", item)
    return service


def item_request(data, item: int, services: dict[str, Service] | None = None) -> ItemRequest:
    """Return one booking line of the JSON body as an ItemRequest; ``services`` are the
    services the body names, by slug, if they are loaded already.

    :raises DomainError: a member has the wrong type or form (``item`` says which line).
    """
    if not isinstance(data, dict):
        raise DomainError(_("Each item must be a JSON object."), "items", item)
    _reject_unknown(data, ITEM_KEYS, item)
    quantity = data.get("quantity", 1)
    if not isinstance(quantity, int) or isinstance(quantity, bool):
        raise DomainError(_("Please enter a whole number."), "quantity", item)
    return ItemRequest(
        service=_service(data.get("service"), item, services),
        quantity=quantity,
        slot_id=_identifier(data.get("slot_id"), "slot_id", item,
                            _("Please choose one of the times offered.")),
        start_on=parse_date(data.get("start_date"), "start_date", item),
        end_on=parse_date(data.get("end_date"), "end_date", item),
        starts_at=parse_datetime(data.get("starts_at"), "starts_at", item),
        participant_ids=_participants(data.get("participants"), item),
        details=_details(data.get("details"), item),
        note=text(data.get("note"), "note", max_length=500, multiline=True, item=item),
    )


def _package(value) -> Package | None:
    if value is None:
        return None
    package = catalogue.find_package(value) if is_slug(value) else None
    if package is None:
        raise DomainError(_("We do not offer this package."), "package")
    return package


def _idempotency_key(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not 1 <= len(value) <= 64 or text_problem(value):
        raise DomainError(_("The idempotency key must be text of 1 to 64 characters."),
                          "idempotency_key")
    return value


def _voucher(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not 1 <= len(value.strip()) <= 32 or text_problem(value):
        raise DomainError(_("We do not know this voucher code."), "voucher")
    return value


def accepted_fee(data: dict) -> Decimal | None:
    """Return the late-cancellation fee a cancel's body accepts, if it names one.

    :raises DomainError: the body has other members, or the fee is not an amount.
    """
    _reject_unknown(data, frozenset({"accepted_fee"}))
    value = data.get("accepted_fee")
    if value is None:
        return None
    if not isinstance(value, str) or not MONEY_TEXT.fullmatch(value):
        raise DomainError(_("Please give the fee as an amount, e.g. 12.50."), "accepted_fee")
    return Decimal(value)


def booking_request(data: dict) -> BookingRequest:
    """Return the lines, package and idempotency key of a booking's JSON body.

    :raises DomainError: a member has the wrong type or form, or names nothing we offer.
    """
    _reject_unknown(data, BOOKING_KEYS)
    items = data.get("items")
    if not isinstance(items, list) or not items:
        raise DomainError(_("Please add at least one service."), "items")
    if len(items) > MAX_ITEMS:
        raise DomainError(_("Please book at most %(num)d services at a time.", num=MAX_ITEMS),
                          "items")
    package = _package(data.get("package"))
    key = _idempotency_key(data.get("idempotency_key"))
    slugs = {line.get("service") for line in items
             if isinstance(line, dict) and is_slug(line.get("service"))}
    services = catalogue.services_by_slug(slugs, text_locales())
    requests = [item_request(line, index, services) for index, line in enumerate(items)]
    return BookingRequest(requests, package, key, _voucher(data.get("voucher")))


def credentials(data: dict, *names: str) -> list[str]:
    """Return the named text members of a sign-in body.

    :raises DomainError: one is missing, not text, or too long.
    """
    values = []
    for name in names:
        value = text(data.get(name), name, max_length=128)
        if not value.strip():
            raise DomainError(_("This is required."), name)
        values.append(value)
    return values
