"""The catalogue: packages and services read with their texts in few queries, and
changed by managers (prices, age bands, texts), every change logged.

Guests' pages read texts in the reader's language and the default one only (``locales``);
every change raises the catalogue's version in its own transaction
(hotel/services/catalogue_version.py).
"""

import enum
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, lazyload, selectinload

from hotel.clock import hotel_today
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import (
    AgeBand,
    BookingItem,
    Category,
    Department,
    DepartmentText,
    Package,
    PackageService,
    PackageText,
    Service,
    ServiceText,
    StaffUser,
)
from hotel.services import audit
from hotel.services.catalogue_checks import check_package_data, check_service_data
from hotel.services.errors import DomainError
from hotel.services.units import match_units

SHOWN = 60  # characters of a text kept in the audit log, before and after

# The simple columns of a service, in the order their changes are logged.
SERVICE_FIELDS = ("slug", "category", "kind", "pricing_unit", "price", "department_id",
                  "min_age", "max_age", "requires_approval", "cutoff_hours", "stock",
                  "delivered_on_arrival", "max_quantity", "capacity_unit", "duration_minutes",
                  "request_fields", "active", "late_cancel_fee_percent", "no_show_fee_percent",
                  "returning_guest_percent")
PACKAGE_FIELDS = ("slug", "category", "discount_percent", "active")


def _texts(relationship, text_class, locales: Sequence[str] | None):
    """Return the loader of a texts collection, in these languages only (all if None)."""
    if locales is None:
        return selectinload(relationship)
    return selectinload(relationship.and_(text_class.locale.in_(locales)))


def service_loaders(locales: Sequence[str] | None = None, *, bands: bool = True,
                    department: bool = False) -> list:
    """Return loader options for services: their texts in ``locales`` (all if None), their
    age bands if asked for (pricing needs them), their department and its texts if asked.

    A collection loaded in some languages only stays so in the session: pages that need
    every language (the desk's editor) load their own.
    """
    options = [_texts(Service.texts, ServiceText, locales),
               selectinload(Service.age_bands) if bands else lazyload(Service.age_bands)]
    if department:
        options.append(joinedload(Service.department)
                       .options(_texts(Department.texts, DepartmentText, locales)))
    else:
        options.append(lazyload(Service.department))
    return options


def _package_query(locales: Sequence[str] | None = None):
    return select(Package).options(
        _texts(Package.texts, PackageText, locales),
        selectinload(Package.entries)
        .selectinload(PackageService.service)
        .options(*service_loaders(locales)),
    )


def active_packages(locales: Sequence[str] | None = None) -> list[Package]:
    """Return the active packages in display order, with their texts and entries.

    The home page only counts a package's services, so they are not loaded here.
    """
    query = (
        select(Package)
        .options(_texts(Package.texts, PackageText, locales), selectinload(Package.entries))
        .where(Package.active.is_(True))
        .order_by(Package.position)
    )
    return list(db.session.scalars(query))


def find_package(slug: str, locales: Sequence[str] | None = None) -> Package | None:
    """Return the active package with this slug, or None."""
    query = _package_query(locales).where(Package.slug == slug, Package.active.is_(True))
    return db.session.scalars(query).first()


def active_services_by_category(locales: Sequence[str] | None = None, *, bands: bool = True,
                                department: bool = True) -> dict[Category, list[Service]]:
    """Return the active services grouped by category, in display order."""
    query = (
        select(Service)
        .options(*service_loaders(locales, bands=bands, department=department))
        .where(Service.active.is_(True))
        .order_by(Service.position, Service.id)
    )
    grouped: dict[Category, list[Service]] = {category: [] for category in Category}
    for service in db.session.scalars(query):
        grouped[service.category].append(service)
    return grouped


def find_service(slug: str, locales: Sequence[str] | None = None, *, texts: bool = True,
                 department: bool = True) -> Service | None:
    """Return the active service with this slug, or None.

    ``texts=False`` loads the service's own row only, for a page whose texts are cached.
    """
    locales = tuple(locales) if locales is not None else None
    return db.session.scalars(_service_query(locales, texts, department),
                              {"slug": slug}).first()


@lru_cache(maxsize=64)
def _service_query(locales: tuple[str, ...] | None, texts: bool, department: bool):
    """Return the statement of ``find_service``, built once for each way of calling it."""
    options = (service_loaders(locales, department=department) if texts
               else [lazyload(Service.texts), lazyload(Service.age_bands),
                     lazyload(Service.department)])
    return select(Service).options(*options).where(Service.slug == bindparam("slug"),
                                                   Service.active.is_(True))


def services_by_slug(slugs, locales: Sequence[str] | None = None) -> dict[str, Service]:
    """Return the services with these slugs (active or not), with their texts in
    ``locales`` and their age bands joined in: one statement, for booking them."""
    query = _services_by_slug_query(tuple(locales) if locales is not None else None)
    return {service.slug: service
            for service in db.session.scalars(query, {"slugs": list(slugs)}).unique()}


@lru_cache(maxsize=32)
def _services_by_slug_query(locales: tuple[str, ...] | None):
    texts = Service.texts if locales is None else Service.texts.and_(
        ServiceText.locale.in_(locales))
    return (select(Service)
            .options(joinedload(texts), joinedload(Service.age_bands),
                     lazyload(Service.department))
            .where(Service.slug.in_(bindparam("slugs", expanding=True))))


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
            if service.is_rental:
                match_units(service, service.stock or 0, hotel_today())
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
                if service.is_rental and "stock" in changes:
                    match_units(service, service.stock or 0, hotel_today())
                audit.record("service.updated", service, actor, **changes)
    except IntegrityError:
        raise _slug_taken() from None
    return service


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
