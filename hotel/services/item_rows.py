"""What a desk list of booking items shows, loaded in a fixed number of queries."""


from sqlalchemy import bindparam
from sqlalchemy.orm import joinedload, lazyload, selectinload

from hotel.i18n import text_locales
from hotel.models import Booking, BookingItem, Department, DepartmentText, Service, Stay
from hotel.services.catalogue import service_loaders


def in_department(query, by_department: bool):
    """Keep a desk statement that joins the services to those of department
    ``:department_id`` when it is for one department (``department_values`` binds it)."""
    if not by_department:
        return query
    return query.where(Service.department_id == bindparam("department_id"))


def department_values(department_id: int | None) -> dict:
    """Return the value of ``:department_id`` for a statement of one department, or none."""
    return {} if department_id is None else {"department_id": department_id}


def service_names(locales: tuple[str, ...] | None = None):
    """Loader options for the services of a desk list: their names in the reader's language
    (and the default one), or in ``locales``, nothing of their prices or departments."""
    return service_loaders(locales or text_locales(), bands=False)


def department_names(locales: tuple[str, ...] | None = None):
    """The loader of departments' names in the reader's language (and the default one),
    or in ``locales``."""
    return selectinload(Department.texts.and_(
        DepartmentText.locale.in_(locales or text_locales())))


def item_row_loaders(services_loaded: bool = False,
                     locales: tuple[str, ...] | None = None) -> tuple:
    """Loader options for the rows of a desk list of items: booking, stay, service and slot
    joined to the items, then the participants, the services' names (in ``locales``, by
    default the reader's) and the standard reasons given, one query each. With
    ``services_loaded`` the services are not loaded: the caller sets them from those it
    has."""
    service = (lazyload(BookingItem.service) if services_loaded
               else joinedload(BookingItem.service).options(*service_names(locales)))
    return (
        service,
        joinedload(BookingItem.booking).joinedload(Booking.stay).lazyload(Stay.members),
        joinedload(BookingItem.slot),
        selectinload(BookingItem.participants),
        selectinload(BookingItem.standard_reason),
    )
