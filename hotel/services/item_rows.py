"""What a desk list of booking items shows, loaded in a fixed number of queries."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload, lazyload, selectinload

from hotel.extensions import db
from hotel.i18n import text_locales
from hotel.models import Booking, BookingItem, Department, DepartmentText, Service, Stay
from hotel.services.catalogue import service_loaders


def service_names():
    """Loader options for the services of a desk list: their names in the reader's language
    (and the default one), nothing of their prices or departments."""
    return service_loaders(text_locales(), bands=False)


def services_loaded_already() -> tuple:
    """Loader options for services the session holds already, named: nothing more to load
    (a selectin loader would fetch their texts again)."""
    return (lazyload(Service.texts), lazyload(Service.age_bands), lazyload(Service.department))


def named_services() -> dict[int, Service]:
    """Load every service of the catalogue with its name in the reader's language (two
    queries, as many services as the hotel offers, whatever its history), so that the
    page's other queries find them in the session."""
    return {service.id: service for service in db.session.scalars(
        select(Service).options(*service_names()))}


def department_names():
    """The loader of departments' names in the reader's language (and the default one)."""
    return selectinload(Department.texts.and_(DepartmentText.locale.in_(text_locales())))


def item_row_loaders(services_loaded: bool = False) -> tuple:
    """Loader options for the rows of a desk list of items: booking, stay, service and slot
    joined to the items, then the participants, the services' names and the standard
    reasons given, one query each. With ``services_loaded`` (``named_services`` was called)
    the services are taken from the session."""
    service = (lazyload(BookingItem.service) if services_loaded
               else joinedload(BookingItem.service).options(*service_names()))
    return (
        service,
        joinedload(BookingItem.booking).joinedload(Booking.stay).lazyload(Stay.members),
        joinedload(BookingItem.slot),
        selectinload(BookingItem.participants),
        selectinload(BookingItem.standard_reason),
    )
