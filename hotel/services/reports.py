"""Figures for managers over a period: ratings, complaints, response times, satisfaction.

Every report runs a constant number of queries, whatever the amount of data: grouped
SQL where the database can do the sum, and one query for a column of values where the
figure needs Python (a median, or ISO weeks in the hotel's time zone, which SQLite
cannot compute across daylight-saving changes).
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from hotel.clock import day_starts_at, hotel_today, hotel_zone
from hotel.extensions import db
from hotel.i18n import text_locales
from hotel.models import (
    BookingItem,
    Department,
    Rating,
    Service,
    Ticket,
    TicketCategory,
    TicketCategoryText,
    TicketKind,
)
from hotel.services.catalogue import service_loaders

DEFAULT_DAYS = 30
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Period:
    """Days at the hotel from ``first_day`` to ``last_day``, both included."""

    first_day: date
    last_day: date

    @property
    def starts_at(self) -> datetime:
        return day_starts_at(self.first_day)

    @property
    def ends_at(self) -> datetime:
        """The first instant after the period (exclusive end)."""
        return day_starts_at(self.last_day + timedelta(days=1))

    def weeks(self) -> list[tuple[int, int]]:
        """Return the ISO weeks (year, week) the period touches, in order."""
        weeks, day = [], self.first_day
        while day <= self.last_day:
            week = tuple(day.isocalendar())[:2]
            if not weeks or weeks[-1] != week:
                weeks.append(week)
            day += timedelta(days=1)
        return weeks


def default_period(today: date | None = None) -> Period:
    """Return the last 30 days at the hotel, today included."""
    today = today or hotel_today()
    return Period(today - timedelta(days=DEFAULT_DAYS - 1), today)


def average(total: int, count: int) -> Decimal | None:
    """Return total / count rounded to two decimals, exactly, or None when nothing counted."""
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Score:
    """An average of 1–5 scores and how many there were."""

    average: Decimal | None
    count: int


@dataclass
class RatingRow:
    """The ratings of one service, or of one department."""

    subject: Service | Department
    score: Score


@dataclass
class RatingsReport:
    by_service: list[RatingRow]
    by_department: list[RatingRow]
    overall: Score


def ratings_report(period: Period) -> RatingsReport:
    """Average rating and count per service and per department, of ratings given in the
    period (four queries: the grouped figures, the services with their departments, and
    their names in the reader's language and the default one)."""
    grouped = db.session.execute(
        select(BookingItem.service_id, func.sum(Rating.score), func.count(Rating.id))
        .join(Rating.booking_item)
        .where(Rating.created_at >= period.starts_at, Rating.created_at < period.ends_at)
        .group_by(BookingItem.service_id)
    ).all()
    figures = {service_id: (int(total), count) for service_id, total, count in grouped}
    services = db.session.scalars(
        select(Service).where(Service.id.in_(list(figures)))
        .options(*service_loaders(text_locales(), bands=False, department=True))
    ).all() if figures else []
    by_service, departments = [], {}
    per_department: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for service in services:
        total, count = figures[service.id]
        by_service.append(RatingRow(service, Score(average(total, count), count)))
        departments[service.department_id] = service.department
        per_department[service.department_id][0] += total
        per_department[service.department_id][1] += count
    by_department = [RatingRow(departments[key], Score(average(*sums), sums[1]))
                     for key, sums in per_department.items()]
    total = sum(total for total, _count in figures.values())
    count = sum(count for _total, count in figures.values())
    order = _by_average_then_count
    return RatingsReport(sorted(by_service, key=order), sorted(by_department, key=order),
                         Score(average(total, count), count))


def _by_average_then_count(row: RatingRow):
    return (-(row.score.average or 0), -row.score.count, row.subject.id)


@dataclass
class CategoryCounts:
    """How many tickets of each kind one category got."""

    category: TicketCategory
    counts: dict[TicketKind, int]

    @property
    def complaints(self) -> int:
        return self.counts.get(TicketKind.COMPLAINT, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class ComplaintsReport:
    by_category: list[CategoryCounts]
    by_week: list[tuple[tuple[int, int], int]]  # ((ISO year, ISO week), complaints)
    totals: dict[TicketKind, int] = field(default_factory=dict)

    @property
    def complaints(self) -> int:
        return self.totals.get(TicketKind.COMPLAINT, 0)


def _created_in(period: Period):
    return Ticket.created_at >= period.starts_at, Ticket.created_at < period.ends_at


def _categories(ids) -> dict[int, TicketCategory]:
    """Load the categories by id, with their names in the reader's language and the default
    one (two queries, or none)."""
    if not ids:
        return {}
    texts = TicketCategory.texts.and_(TicketCategoryText.locale.in_(text_locales()))
    query = (select(TicketCategory).where(TicketCategory.id.in_(list(ids)))
             .options(selectinload(texts)))
    return {category.id: category for category in db.session.scalars(query)}


def complaints_report(period: Period) -> ComplaintsReport:
    """Tickets created in the period: per category and kind, and complaints per ISO week
    in the hotel's time zone (four queries)."""
    grouped = db.session.execute(
        select(Ticket.category_id, Ticket.kind, func.count(Ticket.id))
        .where(*_created_in(period)).group_by(Ticket.category_id, Ticket.kind)
    ).all()
    categories = _categories({category_id for category_id, _kind, _count in grouped})
    rows: dict[int, CategoryCounts] = {}
    totals: Counter = Counter()
    for category_id, kind, count in grouped:
        row = rows.setdefault(category_id, CategoryCounts(categories[category_id], {}))
        row.counts[TicketKind(kind)] = count
        totals[TicketKind(kind)] += count
    created = db.session.scalars(
        select(Ticket.created_at)
        .where(*_created_in(period), Ticket.kind == TicketKind.COMPLAINT)
    ).all()
    zone = hotel_zone()
    per_week = Counter(tuple(moment.astimezone(zone).isocalendar())[:2] for moment in created)
    by_category = sorted(rows.values(), key=lambda row: (-row.complaints, -row.total,
                                                         row.category.position,
                                                         row.category.id))
    return ComplaintsReport(by_category, [(week, per_week.get(week, 0))
                                          for week in period.weeks()], dict(totals))


@dataclass
class Durations:
    """Response times of a set of answered tickets."""

    count: int
    median: timedelta | None
    worst: timedelta | None

    @classmethod
    def of(cls, durations: list[timedelta]) -> "Durations":
        if not durations:
            return cls(0, None, None)
        seconds = statistics.median(d.total_seconds() for d in durations)
        return cls(len(durations), timedelta(seconds=round(seconds)), max(durations))


@dataclass
class ResponseReport:
    overall: Durations
    by_category: list[tuple[TicketCategory, Durations]]


def response_report(period: Period) -> ResponseReport:
    """Median and worst time from a ticket's creation to its answer, for the answered
    tickets created in the period, overall and per category (three queries)."""
    answered = db.session.execute(
        select(Ticket.category_id, Ticket.created_at, Ticket.answered_at)
        .where(*_created_in(period), Ticket.answered_at.is_not(None))
    ).all()
    per_category: dict[int, list[timedelta]] = defaultdict(list)
    for category_id, created_at, answered_at in answered:
        per_category[category_id].append(max(answered_at - created_at, timedelta(0)))
    categories = _categories(per_category)
    rows = [(categories[key], Durations.of(values)) for key, values in per_category.items()]
    rows.sort(key=lambda row: (-(row[1].worst or timedelta(0)), row[0].id))
    everything = [value for values in per_category.values() for value in values]
    return ResponseReport(Durations.of(everything), rows)


@dataclass
class SatisfactionReport:
    """Satisfaction (1–5) with how tickets were handled, per kind and over complaints."""

    by_kind: dict[TicketKind, Score]
    overall: Score

    @property
    def complaints(self) -> Score:
        return self.by_kind.get(TicketKind.COMPLAINT, Score(None, 0))


def satisfaction_report(period: Period) -> SatisfactionReport:
    """Average satisfaction and count per ticket kind, of tickets created in the period
    that the guest scored (one query)."""
    grouped = db.session.execute(
        select(Ticket.kind, func.sum(Ticket.satisfaction), func.count(Ticket.id))
        .where(*_created_in(period), Ticket.satisfaction.is_not(None))
        .group_by(Ticket.kind)
    ).all()
    by_kind = {TicketKind(kind): Score(average(int(total), count), count)
               for kind, total, count in grouped}
    total = sum(int(total) for _kind, total, _count in grouped)
    count = sum(count for _kind, _total, count in grouped)
    return SatisfactionReport(by_kind, Score(average(total, count), count))
