"""Managers read how satisfied guests are: ratings, complaints, response times, as a page
with charts and as CSV downloads."""

from datetime import date, timedelta

from babel.dates import format_skeleton, format_timedelta
from babel.lists import format_list
from babel.numbers import format_decimal
from flask import Response, abort, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from hotel.desk import bp
from hotel.desk.forms.reports import ReportPeriodForm
from hotel.desk.roles import staff_required
from hotel.i18n import localized, text_direction
from hotel.labels import TICKET_KIND_LABELS
from hotel.models import Role, TicketKind
from hotel.services import reports
from hotel.services.reports import Period
from hotel.web.charts import bar_chart
from hotel.web.csv_export import csv_response

REPORTS = ("ratings", "complaints", "response", "satisfaction")


def score_text(value) -> str:
    """Return an average score with two decimals in the reader's locale, or a dash."""
    return "–" if value is None else format_decimal(value, "#,##0.00", locale=get_locale())


def count_text(value: int) -> str:
    """Return a count in the reader's locale."""
    return format_decimal(value, locale=get_locale())


def duration_text(value: timedelta | None) -> str:
    """Return a duration as its two largest units ("1 hour and 30 minutes"), or a dash."""
    if value is None:
        return "–"
    locale = get_locale()
    minutes = round(value.total_seconds() / 60)
    if minutes < 1:
        return format_timedelta(value, threshold=1, locale=locale)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    units = [timedelta(days=days), timedelta(hours=hours), timedelta(minutes=minutes)]
    parts = [format_timedelta(unit, threshold=1, locale=locale) for unit in units if unit]
    # "standard" rather than a unit list style: Babel's Arabic unit lists repeat a part.
    return format_list(parts[:2], locale=locale)


def week_label(week: tuple[int, int]) -> str:
    """Return an ISO week as the date of its Monday in the reader's locale."""
    monday = date.fromisocalendar(week[0], week[1], 1)
    return format_skeleton("yMMMd", monday, locale=get_locale())


def _period_form() -> tuple[ReportPeriodForm, Period | None]:
    form = ReportPeriodForm(request.args)
    if request.args and not form.validate():
        return form, None
    period = form.period()
    form.first_day.data, form.last_day.data = period.first_day, period.last_day
    return form, period


def _ratings_charts(report) -> dict:
    rtl = text_direction() == "rtl"
    return {
        "services": bar_chart(
            [localized(row.subject) for row in report.by_service],
            [row.score.average or 0 for row in report.by_service],
            shown=[score_text(row.score.average) for row in report.by_service],
            title=_("Average rating per service"), chart_id="chart-services", rtl=rtl),
        "departments": bar_chart(
            [localized(row.subject) for row in report.by_department],
            [row.score.average or 0 for row in report.by_department],
            shown=[score_text(row.score.average) for row in report.by_department],
            title=_("Average rating per department"), chart_id="chart-departments", rtl=rtl),
    }


def _ticket_charts(complaints, response) -> dict:
    rtl = text_direction() == "rtl"
    return {
        "weeks": bar_chart(
            [_("Week of %(day)s", day=week_label(week)) for week, _count in complaints.by_week],
            [count for _week, count in complaints.by_week],
            shown=[count_text(count) for _week, count in complaints.by_week],
            title=_("Complaints per week"), chart_id="chart-weeks", rtl=rtl),
        "categories": bar_chart(
            [localized(row.category) for row in complaints.by_category],
            [row.complaints for row in complaints.by_category],
            shown=[count_text(row.complaints) for row in complaints.by_category],
            title=_("Complaints per category"), chart_id="chart-categories", rtl=rtl),
        "response": bar_chart(
            [localized(category) for category, _durations in response.by_category],
            [durations.worst.total_seconds() for _category, durations in response.by_category],
            shown=[duration_text(durations.worst) for _c, durations in response.by_category],
            title=_("Worst response time per category"), chart_id="chart-response", rtl=rtl),
    }


@bp.get("/reports", endpoint="reports")
@staff_required(Role.MANAGER)
def reports_page():
    """Show ratings, complaints, response times and satisfaction over a period."""
    form, period = _period_form()
    if period is None:
        return render_template("desk/reports/index.html", form=form, period=None), 422
    ratings = reports.ratings_report(period)
    complaints = reports.complaints_report(period)
    response = reports.response_report(period)
    satisfaction = reports.satisfaction_report(period)
    charts = {**_ratings_charts(ratings), **_ticket_charts(complaints, response)}
    return render_template(
        "desk/reports/index.html", form=form, period=period, ratings=ratings,
        complaints=complaints, response=response, satisfaction=satisfaction, charts=charts,
        kinds=list(TicketKind), score_text=score_text, count_text=count_text,
        duration_text=duration_text, week_label=week_label, kind_labels=TICKET_KIND_LABELS)


def _minutes(value: timedelta | None) -> str:
    return "" if value is None else str(round(value.total_seconds() / 60))


def _plain(value) -> str:
    return "" if value is None else str(value)


def _ratings_rows(period: Period) -> list[list]:
    report = reports.ratings_report(period)
    rows = [[_("Service"), _("Department"), _("Average rating"), _("Ratings")]]
    rows += [[localized(row.subject), localized(row.subject.department),
              _plain(row.score.average), row.score.count] for row in report.by_service]
    rows += [[], [_("Department"), _("Average rating"), _("Ratings")]]
    rows += [[localized(row.subject), _plain(row.score.average), row.score.count]
             for row in report.by_department]
    return rows + [[], [_("All services"), _plain(report.overall.average),
                        report.overall.count]]


def _complaints_rows(period: Period) -> list[list]:
    report = reports.complaints_report(period)
    rows = [[_("Category"), _("Complaints"), _("Questions"), _("Requests"), _("All tickets")]]
    rows += [[localized(row.category), row.complaints,
              row.counts.get(TicketKind.QUESTION, 0), row.counts.get(TicketKind.REQUEST, 0),
              row.total] for row in report.by_category]
    rows += [[], [_("ISO week"), _("Week of"), _("Complaints")]]
    return rows + [[f"{week[0]}-W{week[1]:02d}", date.fromisocalendar(*week, 1).isoformat(),
                    count] for week, count in report.by_week]


def _response_rows(period: Period) -> list[list]:
    report = reports.response_report(period)
    rows = [[_("Category"), _("Answered tickets"), _("Median response time (minutes)"),
             _("Worst response time (minutes)")]]
    rows += [[localized(category), durations.count, _minutes(durations.median),
              _minutes(durations.worst)] for category, durations in report.by_category]
    overall = report.overall
    return rows + [[_("All categories"), overall.count, _minutes(overall.median),
                    _minutes(overall.worst)]]


def _satisfaction_rows(period: Period) -> list[list]:
    report = reports.satisfaction_report(period)
    rows = [[_("Kind of ticket"), _("Average satisfaction"), _("Answers")]]
    rows += [[TICKET_KIND_LABELS[kind], _plain(score.average), score.count]
             for kind, score in sorted(report.by_kind.items())]
    return rows + [[_("All tickets"), _plain(report.overall.average), report.overall.count]]


CSV_ROWS = {"ratings": _ratings_rows, "complaints": _complaints_rows,
            "response": _response_rows, "satisfaction": _satisfaction_rows}


@bp.get("/reports.csv")
@staff_required(Role.MANAGER)
def reports_csv():
    """Download one report (ratings unless named) over the period as CSV, UTF-8 with BOM."""
    report = request.args.get("report") or "ratings"
    if report not in CSV_ROWS:
        abort(404)
    form, period = _period_form()
    if period is None:
        errors = [str(error) for field in form for error in field.errors]
        return Response("\n".join(errors), status=422, mimetype="text/plain")
    name = f"{report}-{period.first_day.isoformat()}-{period.last_day.isoformat()}.csv"
    return csv_response(CSV_ROWS[report](period), name)
