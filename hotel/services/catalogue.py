"""Reading the catalogue: packages and services, with their texts, in few queries."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hotel.extensions import db
from hotel.models import Category, Package, PackageService, Service


def _package_query():
    return select(Package).options(
        selectinload(Package.texts),
        selectinload(Package.entries)
        .selectinload(PackageService.service)
        .options(selectinload(Service.texts), selectinload(Service.age_bands)),
    )


def active_packages() -> list[Package]:
    """Return the active packages in display order, with their texts and entries.

    The home page only counts a package's services, so they are not loaded here.
    """
    query = (
        select(Package)
        .options(selectinload(Package.texts), selectinload(Package.entries))
        .where(Package.active.is_(True))
        .order_by(Package.position)
    )
    return list(db.session.scalars(query))


def find_package(slug: str) -> Package | None:
    """Return the active package with this slug, or None."""
    query = _package_query().where(Package.slug == slug, Package.active.is_(True))
    return db.session.scalars(query).first()


def active_services_by_category() -> dict[Category, list[Service]]:
    """Return the active services grouped by category, in display order."""
    query = (
        select(Service)
        .where(Service.active.is_(True))
        .order_by(Service.position, Service.id)
    )
    grouped: dict[Category, list[Service]] = {category: [] for category in Category}
    for service in db.session.scalars(query):
        grouped[service.category].append(service)
    return grouped


def find_service(slug: str) -> Service | None:
    """Return the active service with this slug, or None."""
    query = select(Service).where(Service.slug == slug, Service.active.is_(True))
    return db.session.scalars(query).first()
