"""Managers read revenue and use: sales per service, department, package and day, the
discounts' cost, fill of the activities, cancellation and no-show rates; charts and CSV."""

from babel.dates import format_skeleton
from babel.dates import format_time as babel_format_time
from babel.numbers import format_percent
from flask import Response, abort, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from hotel.desk import bp
from hotel.desk.reports import _period_form, count_text
from hotel.desk.roles import staff_required
from hotel.i18n import localized, money, text_direction
from hotel.models import Role
from hotel.services.revenue import RevenueReport, revenue_report
from hotel.web.charts import bar_chart
from hotel.web.csv_export import csv_response


def rate_text(value) -> str:
    """Return a percentage with one decimal in the reader's locale, or a dash."""
    return "–" if value is None else format_percent(value / 100, "#,##0.0%",
                                                    locale=get_locale())


def package_name(package) -> str:
    return localized(package) if package is not None else _("Without a package")


def _charts(report: RevenueReport) -> dict:
    rtl = text_direction() == "rtl"
    return {
        "services": bar_chart(
            [localized(row.subject) for row in report.by_service],
            [row.sales.amount for row in report.by_service],
            shown=[money(row.sales.amount) for row in report.by_service],
            title=_("Sales per service"), chart_id="chart-sales-services", rtl=rtl),
        "departments": bar_chart(
            [localized(row.subject) for row in report.by_department],
            [row.sales.amount for row in report.by_department],
            shown=[money(row.sales.amount) for row in report.by_department],
            title=_("Sales per department"), chart_id="chart-sales-departments", rtl=rtl),
        "days": bar_chart(
            [format_date_short(day) for day, _sales in report.by_day],
            [sales.amount for _day, sales in report.by_day],
            shown=[money(sales.amount) for _day, sales in report.by_day],
            title=_("Sales per day"), chart_id="chart-sales-days", rtl=rtl),
        "fill": bar_chart(
            [localized(row.service) for row in report.fill_by_activity],
            [row.fill.rate or 0 for row in report.fill_by_activity],
            shown=[rate_text(row.fill.rate) for row in report.fill_by_activity],
            title=_("Fill per activity"), chart_id="chart-fill", rtl=rtl),
    }


def format_date_short(day) -> str:
    """Return a day as weekday, day and month in the reader's locale."""
    return format_skeleton("MMMEd", day, locale=get_locale())


def time_text(at) -> str:
    """Return a slot's time of day at the hotel in the reader's locale."""
    return babel_format_time(at, format="short", locale=get_locale())


@bp.get("/reports/revenue", endpoint="revenue")
@staff_required(Role.MANAGER)
def revenue_page():
    """Show sales, discounts, fill and cancellation and no-show rates over a period."""
    form, period = _period_form()
    if period is None:
        return render_template("desk/reports/revenue.html", form=form, period=None), 422
    report = revenue_report(period)
    return render_template(
        "desk/reports/revenue.html", form=form, period=period, report=report,
        charts=_charts(report), rate_text=rate_text, count_text=count_text,
        package_name=package_name, time_text=time_text,
        format_date_short=format_date_short)


def _amount(value) -> str:
    return f"{value:.2f}"


def _plain_rate(value) -> str:
    return "" if value is None else str(value)


def sales_rows(report: RevenueReport) -> list[list]:
    """Return the sales as CSV rows: per service, department, package and day."""
    head = [_("Items sold"), _("Sales"), _("Discounts")]

    def figures(sales):
        return [sales.items, _amount(sales.amount), _amount(sales.discount)]

    rows = [[_("Service"), _("Department"), *head]]
    rows += [[localized(row.subject), localized(row.subject.department), *figures(row.sales)]
             for row in report.by_service]
    rows += [[], [_("Department"), *head]]
    rows += [[localized(row.subject), *figures(row.sales)] for row in report.by_department]
    rows += [[], [_("Package"), *head]]
    rows += [[package_name(row.subject), *figures(row.sales)] for row in report.by_package]
    rows += [[], [_("Day"), *head]]
    rows += [[day.isoformat(), *figures(sales)] for day, sales in report.by_day]
    return rows + [[], [_("All services"), *figures(report.total)]]


def use_rows(report: RevenueReport) -> list[list]:
    """Return outcomes and fill as CSV rows."""
    rows = [[_("Service"), _("Items booked"), _("Cancelled by the guest"),
             _("Cancelled by the hotel"), _("Declined"), _("Completed"), _("No-show"),
             _("Cancellation rate (%)"), _("No-show rate (%)")]]
    for row in [*report.outcomes, None]:
        subject, counted = ((localized(row.service), row.outcomes) if row is not None
                            else (_("All services"), report.overall))
        rows.append([subject, counted.booked, counted.cancelled, counted.cancelled_by_hotel,
                     counted.declined, counted.completed, counted.no_show,
                     _plain_rate(counted.cancellation_rate), _plain_rate(counted.no_show_rate)])
    rows += [[], [_("Activity"), _("Time"), _("Slots"), _("Places offered"),
                  _("Places booked"), _("Fill (%)")]]
    for row in [*report.fill_by_activity, *report.fill_by_time]:
        rows.append([localized(row.service), row.at.strftime("%H:%M") if row.at else "",
                     row.fill.slots, row.fill.capacity, row.fill.booked,
                     _plain_rate(row.fill.rate)])
    return rows


CSV_ROWS = {"sales": sales_rows, "use": use_rows}


@bp.get("/reports/revenue.csv")
@staff_required(Role.MANAGER)
def revenue_csv():
    """Download sales (or, with report=use, outcomes and fill) over the period as CSV."""
    name = request.args.get("report") or "sales"
    if name not in CSV_ROWS:
        abort(404)
    form, period = _period_form()
    if period is None:
        errors = [str(error) for field in form for error in field.errors]
        return Response("\n".join(errors), status=422, mimetype="text/plain")
    filename = f"{name}-{period.first_day.isoformat()}-{period.last_day.isoformat()}.csv"
    return csv_response(CSV_ROWS[name](revenue_report(period)), filename)
