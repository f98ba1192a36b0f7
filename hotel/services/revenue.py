"""Revenue and use for managers over a period: what sold, per service, department, package
and day, what the discounts cost, how full the activities were, and how often guests
cancelled or did not come.

Everything is counted by the day the service is used (an item's first day, a slot's
start at the hotel). A sale is an item the hotel has promised and charges for: confirmed
or completed, at the price stored with it (after its discounts); the discount is what the
pricing rules took off those items (large family, package). Cancelled, declined and
no-show items sold nothing; the fees charged for them (late cancellations, no-shows) are
counted apart, by the day the service was to be used. The discount includes the returning
guest's perk and the vouchers. The cancellation rate is the share
of the period's items the guest cancelled; the no-show rate the share of no-shows among
the items whose outcome was recorded (completed or no-show). Fill is places booked over
places offered in the open slots.

Eight queries at most, whatever the amount of data: the items grouped in SQL, the fees'
sum, the slots' counts (their time of day is worked out in the hotel's zone in Python,
which SQLite cannot do), the services with their departments and texts, and the packages
with their texts.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from hotel.clock import hotel_zone
from hotel.extensions import db
from hotel.i18n import text_locales
from hotel.models import (
    Booking,
    BookingItem,
    Department,
    Fee,
    ItemState,
    Package,
    PackageText,
    Service,
    Slot,
)
from hotel.models.types import ZERO
from hotel.services.catalogue import service_loaders
from hotel.services.reports import Period

SOLD_STATES = frozenset({ItemState.CONFIRMED, ItemState.COMPLETED})
TENTH = Decimal("0.1")


def percent(part: int, whole: int) -> Decimal | None:
    """Return part / whole in percent with one decimal, exactly, or None for nothing."""
    if not whole:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(TENTH, rounding=ROUND_HALF_UP)


@dataclass
class Sales:
    """What sold: the amount after discounts, the discounts, and how many items."""

    amount: Decimal = ZERO
    discount: Decimal = ZERO
    items: int = 0

    def add(self, amount: Decimal, discount: Decimal, items: int) -> None:
        self.amount += amount
        self.discount += discount
        self.items += items


@dataclass
class SalesRow:
    subject: Service | Department | Package | None  # None: booked outside a package
    sales: Sales


@dataclass
class Outcomes:
    """How the items of a service (or all) ended up."""

    booked: int = 0
    cancelled: int = 0
    cancelled_by_hotel: int = 0
    declined: int = 0
    completed: int = 0
    no_show: int = 0

    @property
    def cancellation_rate(self) -> Decimal | None:
        return percent(self.cancelled, self.booked)

    @property
    def no_show_rate(self) -> Decimal | None:
        return percent(self.no_show, self.completed + self.no_show)


@dataclass
class OutcomeRow:
    service: Service
    outcomes: Outcomes


@dataclass
class Fill:
    """Places booked and offered in open slots."""

    booked: int = 0
    capacity: int = 0
    slots: int = 0

    @property
    def rate(self) -> Decimal | None:
        return percent(self.booked, self.capacity)


@dataclass
class FillRow:
    service: Service
    at: time | None  # the slots' start at the hotel; None: every slot of the activity
    fill: Fill


@dataclass
class RevenueReport:
    total: Sales
    by_service: list[SalesRow]
    by_department: list[SalesRow]
    by_package: list[SalesRow]
    by_day: list[tuple[date, Sales]]
    outcomes: list[OutcomeRow]
    overall: Outcomes
    fill_by_activity: list[FillRow]
    fill_by_time: list[FillRow]
    fill: Fill = field(default_factory=Fill)
    fees: Decimal = ZERO  # charged for items of the period cancelled late or not come to


OUTCOME_FIELDS = {ItemState.CANCELLED: "cancelled",
                  ItemState.CANCELLED_BY_HOTEL: "cancelled_by_hotel",
                  ItemState.DECLINED: "declined", ItemState.COMPLETED: "completed",
                  ItemState.NO_SHOW: "no_show"}


def _grouped_items(period: Period) -> list:
    return db.session.execute(
        select(BookingItem.service_id, Booking.package_id, BookingItem.start_on,
               BookingItem.state, func.count(BookingItem.id), func.sum(BookingItem.price),
               func.sum(BookingItem.discount))
        .join(BookingItem.booking)
        .where(BookingItem.start_on >= period.first_day,
               BookingItem.start_on <= period.last_day)
        .group_by(BookingItem.service_id, Booking.package_id, BookingItem.start_on,
                  BookingItem.state)
    ).all()


def _fees(period: Period) -> Decimal:
    return Decimal(db.session.scalar(
        select(func.sum(Fee.amount)).join(Fee.item)
        .where(BookingItem.start_on >= period.first_day,
               BookingItem.start_on <= period.last_day)) or 0)


def _open_slots(period: Period) -> list:
    return db.session.execute(
        select(Slot.service_id, Slot.starts_at, Slot.capacity, Slot.booked)
        .where(Slot.starts_at >= period.starts_at, Slot.starts_at < period.ends_at,
               Slot.closed.is_(False))
    ).all()


def _services(ids: set[int]) -> dict[int, Service]:
    if not ids:
        return {}
    query = (select(Service).where(Service.id.in_(list(ids)))
             .options(*service_loaders(text_locales(), bands=False, department=True)))
    return {service.id: service for service in db.session.scalars(query)}


def _packages(ids: set[int]) -> dict[int, Package]:
    if not ids:
        return {}
    texts = Package.texts.and_(PackageText.locale.in_(text_locales()))
    query = select(Package).where(Package.id.in_(list(ids))).options(selectinload(texts))
    return {package.id: package for package in db.session.scalars(query)}


def _by_amount(rows: list[SalesRow]) -> list[SalesRow]:
    return sorted(rows, key=lambda row: (-row.sales.amount, -row.sales.items,
                                         getattr(row.subject, "id", 0)))


def revenue_report(period: Period) -> RevenueReport:
    """Sales, discounts, outcomes and fill of the services used in the period."""
    grouped, slots = _grouped_items(period), _open_slots(period)
    services = _services({row[0] for row in grouped} | {row[0] for row in slots})
    packages = _packages({row[1] for row in grouped if row[1] is not None})
    total = Sales()
    per_service, per_department = defaultdict(Sales), defaultdict(Sales)
    per_package, per_day = defaultdict(Sales), defaultdict(Sales)
    outcomes, overall = defaultdict(Outcomes), Outcomes()
    for service_id, package_id, day, state, count, amount, discount in grouped:
        state = ItemState(state)
        for counted in (outcomes[service_id], overall):
            counted.booked += count
            if state in OUTCOME_FIELDS:
                name = OUTCOME_FIELDS[state]
                setattr(counted, name, getattr(counted, name) + count)
        if state not in SOLD_STATES:
            continue
        amount, discount = Decimal(amount or 0), Decimal(discount or 0)
        for sales in (total, per_service[service_id],
                      per_department[services[service_id].department_id],
                      per_package[package_id], per_day[day]):
            sales.add(amount, discount, count)
    departments = {service.department_id: service.department for service in services.values()}
    fill_activity, fill_time, fill = _fill(slots)
    return RevenueReport(
        total=total,
        by_service=_by_amount([SalesRow(services[key], value)
                               for key, value in per_service.items()]),
        by_department=_by_amount([SalesRow(departments[key], value)
                                  for key, value in per_department.items()]),
        by_package=_by_amount([SalesRow(packages.get(key) if key else None, value)
                               for key, value in per_package.items()]),
        by_day=sorted(per_day.items()),
        outcomes=sorted((OutcomeRow(services[key], value) for key, value in outcomes.items()),
                        key=lambda row: (-row.outcomes.booked, row.service.id)),
        overall=overall,
        fill_by_activity=sorted((FillRow(services[key], None, value)
                                 for key, value in fill_activity.items()),
                                key=lambda row: (row.fill.rate or 0, row.service.id)),
        fill_by_time=sorted((FillRow(services[key[0]], key[1], value)
                             for key, value in fill_time.items()),
                            key=lambda row: (row.service.id, row.at)),
        fill=fill,
        fees=_fees(period))


def _fill(slots: list) -> tuple[dict, dict, Fill]:
    """Add up the open slots per activity and per activity and time of day (hotel time)."""
    zone = hotel_zone()
    per_activity, per_time, overall = defaultdict(Fill), defaultdict(Fill), Fill()
    for service_id, starts_at, capacity, booked in slots:
        at = starts_at.astimezone(zone).time().replace(second=0, microsecond=0)
        for fill in (per_activity[service_id], per_time[(service_id, at)], overall):
            fill.booked += booked
            fill.capacity += capacity
            fill.slots += 1
    return per_activity, per_time, overall
