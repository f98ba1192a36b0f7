"""Managers' reports computed from fixtures with known answers; rating a completed item."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from flask_babel import force_locale

from hotel.desk.reports import duration_text, score_text
from hotel.models import ItemState, Rating, TicketKind
from hotel.services import ratings as rating_service
from hotel.services.errors import NotAllowed
from hotel.services.reports import (
    Period,
    complaints_report,
    default_period,
    ratings_report,
    response_report,
    satisfaction_report,
)
from hotel.web.charts import bar_chart
from tests.factories import (
    make_booking_item,
    make_department,
    make_rating,
    make_service,
    make_stay,
    make_ticket,
    make_ticket_category,
)

VIENNA = ZoneInfo("Europe/Vienna")  # TestingConfig's hotel time zone
# Two ISO weeks: 2026-W10 is Mon 2 March to Sun 8 March, 2026-W11 is 9 to 15 March.
PERIOD = Period(date(2026, 3, 2), date(2026, 3, 15))


def at(day: int, hour: int = 12, minute: int = 0, month: int = 3, zone=VIENNA) -> datetime:
    """Return a moment given in hotel time (March 2026), as UTC."""
    return datetime(2026, month, day, hour, minute, tzinfo=zone).astimezone(UTC)


def rate(service, score: int, when: datetime):
    stay = make_stay()
    item = make_booking_item(stay, service, state=ItemState.COMPLETED, start_on=date(2026, 3, 3))
    return make_rating(item, score, created_at=when)


def test_default_period_is_the_last_30_days_at_the_hotel():
    period = default_period(date(2026, 3, 31))
    assert (period.first_day, period.last_day) == (date(2026, 3, 2), date(2026, 3, 31))


def test_average_rating_per_service_and_department(db):
    kids, stables = make_department(name="Kids club"), make_department(name="Stables")
    club = make_service(department=kids, texts={"en": ("Kids club", "")})
    party = make_service(department=kids, texts={"en": ("Party", "")})
    riding = make_service(department=stables, texts={"en": ("Riding", "")})
    for score in (5, 4, 3):
        rate(club, score, at(3))
    rate(party, 2, at(10))
    rate(riding, 4, at(15, 23, 59))
    rate(riding, 1, at(16, 0, 0))  # the day after the period, at the hotel
    rate(club, 1, at(1, 23, 59))  # the day before

    report = ratings_report(PERIOD)

    by_service = {row.subject.id: row.score for row in report.by_service}
    assert (by_service[club.id].average, by_service[club.id].count) == (Decimal("4.00"), 3)
    assert (by_service[party.id].average, by_service[party.id].count) == (Decimal("2.00"), 1)
    assert (by_service[riding.id].average, by_service[riding.id].count) == (Decimal("4.00"), 1)
    by_department = {row.subject.id: row.score for row in report.by_department}
    assert (by_department[kids.id].average, by_department[kids.id].count) == (
        Decimal("3.50"), 4)
    assert by_department[stables.id].average == Decimal("4.00")
    assert (report.overall.average, report.overall.count) == (Decimal("3.60"), 5)


def test_averages_round_half_up_to_two_decimals(db):
    service = make_service()
    for score in (5, 4, 4):
        rate(service, score, at(4))
    assert ratings_report(PERIOD).by_service[0].score.average == Decimal("4.33")


def test_complaints_per_category_and_per_iso_week(db):
    stay = make_stay()
    room, food = make_ticket_category(name="Room"), make_ticket_category(name="Food")
    make_ticket(stay, room, created_at=at(2, 9))
    make_ticket(stay, room, created_at=at(8, 20))
    make_ticket(stay, food, created_at=at(11))
    make_ticket(stay, room, kind=TicketKind.QUESTION, created_at=at(3))
    make_ticket(stay, food, kind=TicketKind.REQUEST, created_at=at(12))
    make_ticket(stay, food, created_at=at(20))  # after the period

    report = complaints_report(PERIOD)

    assert report.by_week == [((2026, 10), 2), ((2026, 11), 1)]
    counts = {row.category.id: row for row in report.by_category}
    assert counts[room.id].complaints == 2
    assert counts[room.id].counts == {TicketKind.COMPLAINT: 2, TicketKind.QUESTION: 1}
    assert (counts[food.id].complaints, counts[food.id].total) == (1, 2)
    assert report.totals == {TicketKind.COMPLAINT: 3, TicketKind.QUESTION: 1,
                             TicketKind.REQUEST: 1}
    assert [row.category.id for row in report.by_category] == [room.id, food.id]


def test_week_is_counted_in_the_hotels_time_zone(db):
    stay = make_stay()
    # Sunday 23:30 at the hotel stays in its week; Monday 00:30 at the hotel is Sunday
    # 23:30 in UTC, yet belongs to the next week.
    make_ticket(stay, created_at=at(8, 23, 30))
    make_ticket(stay, created_at=at(9, 0, 30))
    assert complaints_report(PERIOD).by_week == [((2026, 10), 1), ((2026, 11), 1)]


def test_sunday_late_evening_west_of_utc_stays_in_its_week(app, db, monkeypatch):
    monkeypatch.setitem(app.config, "HOTEL_TIMEZONE", "America/New_York")
    new_york = ZoneInfo("America/New_York")
    # 23:30 on Sunday 8 March in New York is already Monday 9 March in UTC.
    make_ticket(make_stay(), created_at=at(8, 23, 30, zone=new_york))
    assert complaints_report(PERIOD).by_week == [((2026, 10), 1), ((2026, 11), 0)]


def test_median_and_worst_response_times(db):
    stay = make_stay()
    room, food = make_ticket_category(name="Room"), make_ticket_category(name="Food")
    for hours in (1, 2, 6):
        make_ticket(stay, room, created_at=at(4, 8), answered_at=at(4, 8) + timedelta(hours=hours))
    make_ticket(stay, food, created_at=at(5, 8), answered_at=at(5, 8, 30))
    make_ticket(stay, food, created_at=at(5, 8), answered_at=at(5, 11, 30))
    make_ticket(stay, food, created_at=at(6))  # not answered yet: no response time

    report = response_report(PERIOD)

    per_category = {category.id: durations for category, durations in report.by_category}
    assert per_category[room.id].count == 3
    assert per_category[room.id].median == timedelta(hours=2)
    assert per_category[room.id].worst == timedelta(hours=6)
    assert per_category[food.id].median == timedelta(hours=2)  # mean of the middle two
    assert per_category[food.id].worst == timedelta(hours=3, minutes=30)
    assert report.overall.count == 5
    assert report.overall.median == timedelta(hours=2)
    assert report.overall.worst == timedelta(hours=6)


def test_response_time_across_the_change_to_summer_time(db):
    # 29 March 2026, 01:00 to 04:00 at the hotel: the clocks jump, two real hours pass.
    make_ticket(make_stay(), created_at=at(29, 1, 0),
                answered_at=at(29, 4, 0))
    report = response_report(Period(date(2026, 3, 29), date(2026, 3, 29)))
    assert report.overall.worst == timedelta(hours=2)


def test_satisfaction_with_complaint_handling(db):
    stay = make_stay()
    make_ticket(stay, created_at=at(3), answered_at=at(3, 14), satisfaction=4)
    make_ticket(stay, created_at=at(4), answered_at=at(4, 14), satisfaction=5)
    make_ticket(stay, kind=TicketKind.QUESTION, created_at=at(4), answered_at=at(4, 13),
                satisfaction=3)
    make_ticket(stay, created_at=at(5), answered_at=at(5, 14))  # closed but not scored

    report = satisfaction_report(PERIOD)

    assert (report.complaints.average, report.complaints.count) == (Decimal("4.50"), 2)
    assert (report.overall.average, report.overall.count) == (Decimal("4.00"), 3)
    assert TicketKind.REQUEST not in report.by_kind


def test_empty_period_gives_empty_figures(db):
    assert ratings_report(PERIOD).overall.count == 0
    assert ratings_report(PERIOD).overall.average is None
    assert complaints_report(PERIOD).by_week == [((2026, 10), 0), ((2026, 11), 0)]
    assert response_report(PERIOD).overall.median is None
    assert satisfaction_report(PERIOD).overall.average is None


def _fill(size: int) -> None:
    categories = [make_ticket_category() for _ in range(3)]
    services = [make_service() for _ in range(3)]
    stay = make_stay()
    for number in range(size):
        when = at(2 + number % 14, 10)
        make_ticket(stay, categories[number % 3], created_at=when,
                    kind=list(TicketKind)[number % 3],
                    answered_at=when + timedelta(minutes=10 + number),
                    satisfaction=1 + number % 5, flush=False)
        item = make_booking_item(stay, services[number % 3], state=ItemState.COMPLETED,
                                 start_on=date(2026, 3, 3), participants=[], quantity=1)
        make_rating(item, 1 + number % 5, created_at=when, flush=False)
    from hotel.extensions import db
    db.session.commit()


@pytest.mark.parametrize("report", [ratings_report, complaints_report, response_report,
                                    satisfaction_report])
def test_query_count_does_not_grow_with_data(db, count_queries, report):
    counts = []
    for size in (5, 100):
        _fill(size)
        db.session.expunge_all()
        with count_queries() as counter:
            report(PERIOD)
        counts.append(counter.count)
    assert counts[0] == counts[1]


def test_durations_and_scores_in_the_readers_language(app):
    with app.test_request_context(), force_locale("en"):
        assert duration_text(timedelta(hours=2)) == "2 hours"
        assert duration_text(timedelta(hours=1, minutes=30)) == "1 hour and 30 minutes"
        assert duration_text(timedelta(days=1, hours=3, minutes=5)) == "1 day and 3 hours"
        assert duration_text(None) == "–"
        assert score_text(Decimal("4.50")) == "4.50"
    with app.test_request_context(), force_locale("de"):
        assert score_text(Decimal("4.50")) == "4,50"
        assert duration_text(timedelta(hours=6)) == "6 Stunden"


def test_bar_chart_is_an_accessible_image_with_text_labels():
    svg = bar_chart(["Kids club", "Riding <fast>"], [4.5, 2], shown=["4.50", "2.00"],
                    title="Average rating", chart_id="c1")
    assert 'role="img"' in svg and 'aria-labelledby="c1-title"' in svg
    assert '<title id="c1-title">Average rating</title>' in svg
    assert ">Kids club</text>" in svg and "Riding &lt;fast&gt;" in svg
    assert ">4.50</text>" in svg and ">2.00</text>" in svg
    assert "style=" not in svg  # the page's CSP allows no inline styles


def test_bar_chart_mirrors_for_right_to_left():
    ltr = bar_chart(["a"], [1], title="t")
    rtl = bar_chart(["a"], [1], title="t", rtl=True)
    assert 'direction="ltr"' in ltr and 'direction="rtl"' in rtl
    # the longest bar leaves room for its number at its end, inside the picture
    assert '<text x="8" ' in ltr and '<text x="472" ' in rtl


def test_completed_item_is_rated_once(db):
    stay = make_stay()
    item = make_booking_item(stay, make_service(), state=ItemState.COMPLETED,
                             start_on=date(2026, 3, 3))
    db.session.commit()
    rating = rating_service.rate_item(item, stay, 4, "  Lovely  ")
    assert (rating.score, rating.comment, rating.stay_id) == (4, "Lovely", stay.id)
    with pytest.raises(NotAllowed, match="already rated"):
        rating_service.rate_item(item, stay, 5)
    assert db.session.query(Rating).count() == 1


@pytest.mark.parametrize("state", [ItemState.REQUESTED, ItemState.CONFIRMED,
                                   ItemState.CANCELLED, ItemState.NO_SHOW])
def test_only_completed_items_can_be_rated(db, state):
    stay = make_stay()
    item = make_booking_item(stay, make_service(), state=state, start_on=date(2026, 3, 3))
    db.session.commit()
    with pytest.raises(NotAllowed):
        rating_service.rate_item(item, stay, 4)
    assert db.session.query(Rating).count() == 0


def test_a_rating_that_loses_the_race_is_refused(db, monkeypatch):
    stay = make_stay()
    item = make_booking_item(stay, make_service(), state=ItemState.COMPLETED,
                             start_on=date(2026, 3, 3))
    make_rating(item, 5)
    db.session.commit()
    # Both submits passed the check; the second one's insert hits the unique constraint.
    monkeypatch.setattr(rating_service, "rating_of", lambda item: None)
    with pytest.raises(NotAllowed, match="already rated"):
        rating_service.rate_item(item, stay, 2)
    assert [r.score for r in db.session.query(Rating)] == [5]


@pytest.mark.parametrize(("score", "comment"), [(0, ""), (6, ""), (3, "x" * 1001)])
def test_rating_out_of_range_is_refused(db, score, comment):
    stay = make_stay()
    item = make_booking_item(stay, make_service(), state=ItemState.COMPLETED,
                             start_on=date(2026, 3, 3))
    db.session.commit()
    with pytest.raises(NotAllowed):
        rating_service.rate_item(item, stay, score, comment)
