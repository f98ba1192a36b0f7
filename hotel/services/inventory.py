"""What rentals and slots share at the desk: the horizon, limits and the checks of their forms."""

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hotel.extensions import db
from hotel.models import Kind, Service
from hotel.services.errors import DomainError

HORIZON_DAYS = 14  # the days the desk looks ahead, and slots are kept generated for
MAX_UNITS = 10_000  # stock, units out of service and slot capacity stay below this
MAX_REASON = 500
MAX_PERIOD_DAYS = 366
MIN_MINUTES, MAX_MINUTES = 5, 24 * 60  # how long a slot may last


def services_of_kind(kind: Kind) -> list[Service]:
    return db.session.scalars(
        select(Service).where(Service.kind == kind)
        .options(selectinload(Service.texts)).order_by(Service.position, Service.id)
    ).all()


def check_units(value: int, field_name: str, least: int = 0) -> None:
    if value is None or not least <= value <= MAX_UNITS:
        raise DomainError(_("Please enter a whole number from %(least)d to %(most)d.",
                            least=least, most=MAX_UNITS), field_name)


def check_period(first: date, last: date, today: date, first_field: str,
                  last_field: str) -> None:
    if first < today:
        raise DomainError(_("The period cannot start in the past."), first_field)
    if last < first:
        raise DomainError(_("The period must end on or after its first day."), last_field)
    if (last - first).days >= MAX_PERIOD_DAYS:
        raise DomainError(_("The period can be at most %(num)d days long.",
                            num=MAX_PERIOD_DAYS), last_field)


def lock_service_of_kind(service_id: int, kind: Kind) -> Service:
    # Locked on PostgreSQL, so that a first booking of a day, which reads the stock
    # under a share lock (capacity.ensure_rental_days), waits for this change.
    db.session.execute(select(Service.id).where(Service.id == service_id).with_for_update())
    service = db.session.get(Service, service_id, populate_existing=True)
    if service is None or service.kind != kind:
        raise DomainError(_("This service does not exist or is of another kind."), "service")
    return service
