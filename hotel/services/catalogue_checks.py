"""Checking the values of a service or package a manager sends, before anything is written."""

import enum
import re
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from hotel.extensions import db
from hotel.models import (
    REQUEST_FIELDS,
    CapacityUnit,
    Category,
    Department,
    Kind,
    Package,
    PricingUnit,
    Service,
)
from hotel.services.errors import DomainError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CENT = Decimal("0.01")
MAX_PRICE = Decimal("99999999.99")
MAX_AGE = 120
MAX_NAME = 160
MAX_DESCRIPTION = 4000
RESERVED_SLUGS = frozenset({"new"})  # /desk/catalogue/services/new is the creation page


def _choice(enum_class: type[enum.Enum], value, field: str):
    try:
        return enum_class(value)
    except ValueError:
        raise DomainError(_("Please choose one of the listed values."), field) from None


def _number(value, field: str, low: int, high: int, required: bool = False) -> int | None:
    if value is None or value == "":
        if required:
            raise DomainError(_("Please enter a number."), field)
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise DomainError(_("Please enter a whole number."), field) from None
    if not low <= number <= high:
        raise DomainError(_("Please enter a number from %(low)d to %(high)d.",
                            low=low, high=high), field)
    return number


HUNDRED = Decimal("100")
# A service's fees by policy and the returning guest's perk, percents from 0 to 100.
POLICY_PERCENTS = ("late_cancel_fee_percent", "no_show_fee_percent", "returning_guest_percent")


def _amount(value, field: str, high: Decimal = MAX_PRICE) -> Decimal:
    """Return a Decimal of at most two places from 0 to ``high``."""
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise DomainError(_("Please enter an amount such as 12.50."), field) from None
    if not amount.is_finite():
        raise DomainError(_("Please enter an amount such as 12.50."), field)
    if amount < 0:
        raise DomainError(_("The amount cannot be negative."), field)
    if amount > high:
        raise DomainError(_("The amount is too large."), field)
    if amount != amount.quantize(CENT):
        raise DomainError(_("Please use at most two decimal places."), field)
    return amount.quantize(CENT)


def _slug(model, value, current_id: int | None) -> str:
    slug = (value or "").strip()
    if not SLUG.match(slug) or len(slug) > 60:
        raise DomainError(_("Use lowercase letters, digits and hyphens (at most 60)."), "slug")
    if slug in RESERVED_SLUGS:
        raise DomainError(_("The slug %(slug)s is reserved.", slug=slug), "slug")
    taken = select(model.id).where(model.slug == slug)
    if current_id is not None:
        taken = taken.where(model.id != current_id)
    if db.session.scalar(taken) is not None:
        raise DomainError(_("The slug %(slug)s is already used.", slug=slug), "slug")
    return slug


def _age_bands(rows) -> list[tuple[int, int, Decimal]]:
    """Return the filled rows as (min, max, price), sorted; empty rows are ignored.

    :raises DomainError: a row half filled, ages in the wrong order, or bands overlapping.
    """
    bands = []
    for row in rows or ():
        values = [row.get(key) for key in ("min_age", "max_age", "price")]
        if all(value is None or str(value).strip() == "" for value in values):
            continue
        if any(value is None or str(value).strip() == "" for value in values):
            raise DomainError(_("Fill in the youngest age, the oldest age and the price of "
                                "every age band you use."), "age_bands")
        low = _number(values[0], "age_bands", 0, MAX_AGE)
        high = _number(values[1], "age_bands", 0, MAX_AGE)
        if low > high:
            raise DomainError(_("An age band starts after it ends (%(low)d–%(high)d).",
                                low=low, high=high), "age_bands")
        bands.append((low, high, _amount(values[2], "age_bands")))
    bands.sort()
    for (low, high, _price), (next_low, next_high, _next) in pairwise(bands):
        if next_low <= high:
            raise DomainError(_("The age bands %(first)s and %(second)s overlap.",
                                first=f"{low}–{high}", second=f"{next_low}–{next_high}"),
                              "age_bands")
    return bands


def _texts(texts: dict) -> dict[str, tuple[str, str]]:
    """Return (name, description) per language that has a name.

    :raises DomainError: no name in the default language, a description without a name,
        a text too long, or a language the hotel does not offer.
    """
    languages = current_app.config["LANGUAGES"]
    default = current_app.config["DEFAULT_LANGUAGE"]
    clean = {}
    for locale, pair in (texts or {}).items():
        if locale not in languages:
            raise DomainError(_("The language %(code)s is not offered.", code=locale), "texts")
        name = (pair.get("name") or "").strip()
        description = (pair.get("description") or "").strip().replace("\r\n", "\n")
        if len(name) > MAX_NAME:
            raise DomainError(_("Please keep the name to %(num)d characters.", num=MAX_NAME),
                              f"name_{locale}")
        if len(description) > MAX_DESCRIPTION:
            raise DomainError(_("Please keep the description to %(num)d characters.",
                                num=MAX_DESCRIPTION), f"description_{locale}")
        if description and not name:
            raise DomainError(_("Please give a name with the description."), f"name_{locale}")
        if name:
            clean[locale] = (name, description)
    if default not in clean:
        raise DomainError(_("A name in %(language)s is required.",
                            language=languages.get(default, default)), f"name_{default}")
    return clean


def _department_id(value) -> int:
    try:
        department_id = int(value)
    except (TypeError, ValueError):
        department_id = None
    if department_id is None or db.session.get(Department, department_id) is None:
        raise DomainError(_("There is no such department."), "department")
    return department_id


def check_service_data(data: dict, service: Service | None = None) -> dict:
    """Return the service's columns from form or API values, checked.

    The stock is taken only for a new rental (or a rental that has none yet): after
    that, the inventory page changes it.

    :raises DomainError: the first value that does not fit, with its field.
    """
    kind = _choice(Kind, data.get("kind"), "kind")
    fields = {
        "slug": _slug(Service, data.get("slug"), service.id if service else None),
        "category": _choice(Category, data.get("category"), "category"),
        "kind": kind,
        "pricing_unit": _choice(PricingUnit, data.get("pricing_unit"), "pricing_unit"),
        "price": _amount(data.get("price"), "price"),
        "department_id": _department_id(data.get("department_id")),
        "min_age": _number(data.get("min_age"), "min_age", 0, MAX_AGE),
        "max_age": _number(data.get("max_age"), "max_age", 0, MAX_AGE),
        "requires_approval": bool(data.get("requires_approval")),
        "cutoff_hours": _number(data.get("cutoff_hours"), "cutoff_hours", 0, 24 * 60, True),
        "delivered_on_arrival": bool(data.get("delivered_on_arrival")),
        "max_quantity": _number(data.get("max_quantity"), "max_quantity", 1, 1000, True),
        "capacity_unit": _choice(CapacityUnit, data.get("capacity_unit") or "persons",
                                 "capacity_unit"),
        "duration_minutes": _number(data.get("duration_minutes"), "duration_minutes", 1,
                                    24 * 60),
        "active": bool(data.get("active")),
        **{name: _amount(data.get(name) or 0, name, HUNDRED) for name in POLICY_PERCENTS},
    }
    if None not in (fields["min_age"], fields["max_age"]) and \
            fields["min_age"] > fields["max_age"]:
        raise DomainError(_("The minimum age is above the maximum age."), "min_age")
    unknown = set(data.get("request_fields") or ()) - set(REQUEST_FIELDS)
    if unknown:
        raise DomainError(_("Please choose among the listed details."), "request_fields")
    fields["request_fields"] = [key for key in REQUEST_FIELDS
                                if key in set(data.get("request_fields") or ())]
    if kind == Kind.RENTAL and (service is None or service.stock is None):
        fields["stock"] = _number(data.get("stock"), "stock", 0, 100_000, True)
    elif service is None:
        fields["stock"] = None
    fields["age_bands"] = _age_bands(data.get("age_bands"))
    fields["texts"] = _texts(data.get("texts"))
    return fields


def check_package_data(data: dict, package: Package | None = None) -> dict:
    """Return a package's values from form or API values, checked.

    :raises DomainError: the first value that does not fit, with its field.
    """
    fields = {
        "slug": _slug(Package, data.get("slug"), package.id if package else None),
        "category": _choice(Category, data.get("category"), "category"),
        "discount_percent": _amount(data.get("discount_percent"), "discount_percent",
                                    Decimal("100")),
        "active": bool(data.get("active")),
    }
    try:
        service_ids = list(dict.fromkeys(int(value) for value in data.get("service_ids") or ()))
    except (TypeError, ValueError):
        raise DomainError(_("Please choose among the listed services."), "services") from None
    if not service_ids:
        raise DomainError(_("Please include at least one service."), "services")
    found = db.session.scalars(select(Service.id).where(Service.id.in_(service_ids))).all()
    if len(found) != len(service_ids):
        raise DomainError(_("Some of the chosen services no longer exist."), "services")
    fields["service_ids"] = service_ids
    fields["texts"] = _texts(data.get("texts"))
    return fields
