"""What a desk list of booking items shows, loaded in a fixed number of queries."""

from sqlalchemy.orm import joinedload, selectinload

from hotel.i18n import text_locales
from hotel.models import Booking, BookingItem, Department, DepartmentText, Stay
from hotel.services.catalogue import service_loaders


def service_names():
    """Loader options for the services of a desk list: their names in the reader's language
    (and the default one), nothing of their prices or departments."""
    return service_loaders(text_locales(), bands=False)


def department_names():
    """The loader of departments' names in the reader's language (and the default one)."""
    return selectinload(Department.texts.and_(DepartmentText.locale.in_(text_locales())))


def item_row_loaders() -> tuple:
    """Loader options for the rows of a desk list of items: booking, stay, service and slot
    joined to the items, then the participants, the services' names and the standard
    reasons given, one query each."""
    return (
        joinedload(BookingItem.service).options(*service_names()),
        joinedload(BookingItem.booking).joinedload(Booking.stay).lazyload(Stay.members),
        joinedload(BookingItem.slot),
        selectinload(BookingItem.participants),
        selectinload(BookingItem.standard_reason),
    )
