"""Managers change the catalogue: services and packages, prices, age bands and texts."""

import enum
import re
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import (
    REQUEST_FIELDS,
    AgeBand,
    BookingItem,
    CapacityUnit,
    Category,
    Department,
    Kind,
    Package,
    PackageService,
    PackageText,
    PricingUnit,
    Service,
    ServiceText,
    StaffUser,
)
from hotel.services import audit
from hotel.services.errors import DomainError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CENT = Decimal("0.01")
MAX_PRICE = Decimal("99999999.99")
MAX_AGE = 120
MAX_NAME = 160
MAX_DESCRIPTION = 4000
RESERVED_SLUGS = frozenset({"new"})  # /desk/catalogue/services/new is the creation page
SHOWN = 60  # characters of a text kept in the audit log, before and after

# The simple columns of a service, in the order their changes are logged.
SERVICE_FIELDS = ("slug", "category", "kind", "pricing_unit", "price", "department_id",
                  "min_age", "max_age", "requires_approval", "cutoff_hours", "stock",
                  "delivered_on_arrival", "max_quantity", "capacity_unit", "duration_minutes",
                  "request_fields", "active")
PACKAGE_FIELDS = ("slug", "category", "discount_percent", "active")


# Checking the values


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


# Writing


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(part) for part in value) or "—"
    text = str(value)
    return text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"


def _apply_columns(obj, fields: dict, names) -> dict:
    """Set the columns and return each change as "old → new"."""
    changes = {}
    for name in names:
        if name not in fields:
            continue
        old, new = getattr(obj, name), fields[name]
        if old != new:
            changes[name] = f"{_shown(old)} → {_shown(new)}"
            setattr(obj, name, new)
    return changes


def _apply_texts(obj, text_class, texts: dict[str, tuple[str, str]]) -> dict:
    """Make the object's texts those given, and return the changes per language."""
    changes = {}
    current = {text.locale: text for text in obj.texts}
    for locale, text in current.items():
        if locale not in texts:
            changes[f"name[{locale}]"] = f"{_shown(text.name)} → —"
            obj.texts.remove(text)
    for locale, (name, description) in texts.items():
        text = current.get(locale)
        if text is None:
            obj.texts.append(text_class(locale=locale, name=name, description=description))
            changes[f"name[{locale}]"] = f"— → {_shown(name)}"
            if description:
                changes[f"description[{locale}]"] = f"— → {_shown(description)}"
            continue
        if text.name != name:
            changes[f"name[{locale}]"] = f"{_shown(text.name)} → {_shown(name)}"
            text.name = name
        if (text.description or "") != description:
            changes[f"description[{locale}]"] = (f"{_shown(text.description)} → "
                                                 f"{_shown(description)}")
            text.description = description
    return changes


def _bands_shown(bands) -> str:
    return "; ".join(f"{low}–{high}: {price}" for low, high, price in bands) or "—"


def _apply_bands(service: Service, bands: list[tuple[int, int, Decimal]]) -> dict:
    old = [(band.min_age, band.max_age, band.price) for band in service.age_bands]
    if old == bands:
        return {}
    service.age_bands.clear()
    db.session.flush()  # the old rows go before the new ones come
    service.age_bands.extend(AgeBand(min_age=low, max_age=high, price=price)
                             for low, high, price in bands)
    return {"age_bands": f"{_bands_shown(old)} → {_bands_shown(bands)}"}


def _has_bookings(service: Service) -> bool:
    query = select(BookingItem.id).where(BookingItem.service_id == service.id).limit(1)
    return db.session.scalar(query) is not None


def _slug_taken() -> DomainError:
    """Another request took the same slug at the same moment."""
    db.session.rollback()
    return DomainError(_("The slug is already used."), "slug")


def _next_position(model) -> int:
    return (db.session.scalar(select(func.max(model.position))) or 0) + 1


def create_service(data: dict, actor: StaffUser) -> Service:
    """Add a service with its age bands and texts, and log it.

    :raises DomainError: a value does not fit; nothing is saved.
    """
    try:
        with write_transaction():
            fields = check_service_data(data)
            service = Service(position=_next_position(Service))
            _apply_columns(service, fields, SERVICE_FIELDS)
            _apply_texts(service, ServiceText, fields["texts"])
            _apply_bands(service, fields["age_bands"])
            db.session.add(service)
            db.session.flush()
            audit.record("service.created", service, actor, slug=service.slug,
                         kind=service.kind, price=service.price, stock=service.stock)
    except IntegrityError:
        raise _slug_taken() from None
    return service


def update_service(service: Service, data: dict, actor: StaffUser) -> Service:
    """Change a service; bookings already taken keep the prices they were sold at.

    :raises DomainError: a value does not fit, or the kind of a service that has
        bookings would change; nothing is saved.
    """
    try:
        with write_transaction():
            fields = check_service_data(data, service)
            if fields["kind"] != service.kind and _has_bookings(service):
                raise DomainError(_("This service has bookings, so its kind cannot change. "
                                    "Create a new service instead."), "kind")
            changes = _apply_columns(service, fields, SERVICE_FIELDS)
            changes.update(_apply_bands(service, fields["age_bands"]))
            changes.update(_apply_texts(service, ServiceText, fields["texts"]))
            if changes:
                db.session.flush()
                audit.record("service.updated", service, actor, **changes)
    except IntegrityError:
        raise _slug_taken() from None
    return service


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


def _apply_entries(package: Package, service_ids: list[int]) -> dict:
    old = [entry.service_id for entry in package.entries]
    if old == service_ids:
        return {}
    package.entries.clear()
    db.session.flush()
    package.entries.extend(PackageService(service_id=service_id, position=position)
                           for position, service_id in enumerate(service_ids))
    return {"services": f"{_shown(old)} → {_shown(service_ids)}"}


def create_package(data: dict, actor: StaffUser) -> Package:
    """Add a package of services with its discount and texts, and log it.

    :raises DomainError: a value does not fit; nothing is saved.
    """
    try:
        with write_transaction():
            fields = check_package_data(data)
            package = Package(position=_next_position(Package))
            _apply_columns(package, fields, PACKAGE_FIELDS)
            _apply_texts(package, PackageText, fields["texts"])
            _apply_entries(package, fields["service_ids"])
            db.session.add(package)
            db.session.flush()
            audit.record("package.created", package, actor, slug=package.slug,
                         discount_percent=package.discount_percent,
                         services=_shown(fields["service_ids"]))
    except IntegrityError:
        raise _slug_taken() from None
    return package


def update_package(package: Package, data: dict, actor: StaffUser) -> Package:
    """Change a package; bookings already taken keep their prices.

    :raises DomainError: a value does not fit; nothing is saved.
    """
    try:
        with write_transaction():
            fields = check_package_data(data, package)
            changes = _apply_columns(package, fields, PACKAGE_FIELDS)
            changes.update(_apply_entries(package, fields["service_ids"]))
            changes.update(_apply_texts(package, PackageText, fields["texts"]))
            if changes:
                db.session.flush()
                audit.record("package.updated", package, actor, **changes)
    except IntegrityError:
        raise _slug_taken() from None
    return package
