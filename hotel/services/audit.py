"""The audit log: every change by staff, guests or the system is written here with the
change itself, and read back in filtered pages with who and which object, in few queries.

The log grows with every booking and answer: a page reads its 50 entries by the index of
their time (or of what it is filtered by), is counted up to a thousand, and the filters'
choices are read one index lookup per distinct value.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, func, insert, select
from sqlalchemy.orm import selectinload

from hotel.clock import day_starts_at
from hotel.extensions import db
from hotel.models import (
    AuditEntry,
    Booking,
    BookingItem,
    HandOut,
    OutOfService,
    Package,
    RentalUnit,
    Service,
    Slot,
    SlotRule,
    StaffUser,
    StandardReason,
    Stay,
    Ticket,
    TicketCategory,
)
from hotel.services.pages import Page, page_of

PAGE_SIZE = 50
GUESTS = "guests"  # the "who" filter: entries made by guests
SYSTEM = "system"  # ... and entries made by no one in particular


_INSERT = insert(AuditEntry.__table__)


def record(action: str, obj, actor, **details) -> None:
    """Add an audit entry: ``actor`` (staff, a guest's stay, or None for the system) did
    ``action`` to ``obj``. It is written with the caller's transaction, at once and in one
    statement: the session's unit of work would cost a flush of its own for it.
    """
    db.session.execute(_INSERT, {
        "action": action,
        "object_type": type(obj).__name__,
        "object_id": str(obj.id),
        "staff_id": actor.id if isinstance(actor, StaffUser) else None,
        "stay_id": actor.id if isinstance(actor, Stay) else None,
        "details": {key: _plain(value) for key, value in details.items()},
    })


def _plain(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


@dataclass
class AuditFilters:
    """What the reader narrowed the log to; empty values do not filter."""

    action: str = ""
    object_type: str = ""
    who: str = ""  # a staff id, GUESTS or SYSTEM
    first_day: date | None = None
    last_day: date | None = None
    object_id: str = ""


@dataclass
class AuditPage:
    """One page of entries, with what the rows name and link to."""

    page: Page
    guest_references: dict[int, str] = field(default_factory=dict)  # stay reference by id
    # For (object type, object id): the stay reference of a booking, item or stay, or the
    # slug of a service or package, or of the service a slot, rule or period belongs to.
    object_keys: dict[tuple[str, str], str] = field(default_factory=dict)
    # ... and what names the object to a reader: a booking's reference, the service of an
    # item, a slot's start, a staff member's username, a ticket's tracking number.
    object_names: dict[tuple[str, str], tuple] = field(default_factory=dict)

    @property
    def entries(self) -> list[AuditEntry]:
        return self.page.rows


# How to find, for each object type, the key its link needs and what names it (by the
# object's id): (id, key, name...) rows.
def _key_queries() -> dict[str, tuple]:
    return {
        "Booking": (Booking.id, select(Booking.id, Stay.reference, Booking.reference,
                                       Stay.last_name).join(Booking.stay)),
        "BookingItem": (BookingItem.id, select(BookingItem.id, Stay.reference,
                                               Booking.reference, Service.slug)
                        .join(BookingItem.booking).join(Booking.stay)
                        .join(BookingItem.service)),
        "Stay": (Stay.id, select(Stay.id, Stay.reference, Stay.reference, Stay.last_name)),
        "Slot": (Slot.id, select(Slot.id, Service.slug, Slot.starts_at).join(Slot.service)),
        "SlotRule": (SlotRule.id, select(SlotRule.id, Service.slug).join(SlotRule.service)),
        "OutOfService": (OutOfService.id, select(OutOfService.id, Service.slug)
                         .join(OutOfService.service)),
        "Service": (Service.id, select(Service.id, Service.slug)),
        "Package": (Package.id, select(Package.id, Package.slug)),
        "StaffUser": (StaffUser.id, select(StaffUser.id, StaffUser.username)),
        "RentalUnit": (RentalUnit.id, select(RentalUnit.id, Service.slug, RentalUnit.number,
                                             RentalUnit.label).join(RentalUnit.service)),
        "HandOut": (HandOut.id, select(HandOut.id, HandOut.item_id, Service.slug,
                                       RentalUnit.number, RentalUnit.label)
                    .join(HandOut.unit).join(RentalUnit.service)),
        "Ticket": (Ticket.id, select(Ticket.id, Ticket.number)),
        "TicketCategory": (TicketCategory.id, select(TicketCategory.id, TicketCategory.slug)),
        "StandardReason": (StandardReason.id, select(StandardReason.id, StandardReason.code)),
    }


def _filtered(filters: AuditFilters) -> Select:
    query = select(AuditEntry)
    if filters.action:
        query = query.where(AuditEntry.action == filters.action)
    if filters.object_type:
        query = query.where(AuditEntry.object_type == filters.object_type)
    if filters.object_id:
        query = query.where(AuditEntry.object_id == filters.object_id.strip())
    if filters.who == GUESTS:
        query = query.where(AuditEntry.stay_id.is_not(None))
    elif filters.who == SYSTEM:
        query = query.where(AuditEntry.staff_id.is_(None), AuditEntry.stay_id.is_(None))
    elif filters.who.isdigit():
        query = query.where(AuditEntry.staff_id == int(filters.who))
    if filters.first_day:
        query = query.where(AuditEntry.created_at >= day_starts_at(filters.first_day))
    if filters.last_day:
        next_day = filters.last_day + timedelta(days=1)
        query = query.where(AuditEntry.created_at < day_starts_at(next_day))
    return query


def _ids(entries: list[AuditEntry], object_type: str) -> list[int]:
    return [int(e.object_id) for e in entries
            if e.object_type == object_type and e.object_id.isdigit()]


def audit_page(filters: AuditFilters, page: int = 1, page_size: int = PAGE_SIZE) -> AuditPage:
    """Return a page of entries, newest first, and the stay references they refer to.

    The number of queries does not depend on the number of entries.
    """
    query = (_filtered(filters).options(selectinload(AuditEntry.staff))
             .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()))
    result = AuditPage(page_of(query, page, page_size))
    entries = result.entries
    stay_ids = {e.stay_id for e in entries if e.stay_id is not None}
    if stay_ids:
        rows = db.session.execute(select(Stay.id, Stay.reference).where(Stay.id.in_(stay_ids)))
        result.guest_references = dict(rows.all())
    # At most one query per object type, whatever the number of entries.
    for object_type, (id_column, query) in _key_queries().items():
        ids = _ids(entries, object_type)
        if ids:
            for number, key, *names in db.session.execute(query.where(id_column.in_(ids))):
                result.object_keys[(object_type, str(number))] = key
                result.object_names[(object_type, str(number))] = tuple(names)
    return result


def distinct_values(column) -> list:
    """Return the distinct values of an indexed column, in order, with one index lookup
    per value (the next value after the one found) rather than a read of every row."""
    found = select(func.min(column).label("value")).cte("found", recursive=True)
    following = select(func.min(column)).where(column > found.c.value).scalar_subquery()
    found = found.union_all(select(following).where(found.c.value.is_not(None)))
    return list(db.session.scalars(select(found.c.value).where(found.c.value.is_not(None))))


def audit_choices() -> tuple[list[str], list[str], list[StaffUser]]:
    """Return the actions and object types found in the log, and the staff, for filters."""
    actions = distinct_values(AuditEntry.action)
    types = distinct_values(AuditEntry.object_type)
    staff = db.session.scalars(select(StaffUser).order_by(StaffUser.username)).all()
    return actions, types, list(staff)
