"""The desk's home: what needs doing today."""

from flask import render_template, url_for
from flask_login import current_user

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.forms.requests import FailedAction, action_form
from hotel.desk.roles import department_scope, staff_required
from hotel.desk.run_sheet import TASK_LABELS, desk_services
from hotel.extensions import db
from hotel.models import Department
from hotel.models.types import utcnow
from hotel.services import today as today_service
from hotel.services.run_sheet import daily_run_sheet, slots_between
from hotel.services.units import due_units


@bp.get("/")
@staff_required()
def today():
    """Show waiting requests, arrivals, today's activities, units due back, low stock and
    departures; department staff see their own department's day."""
    return render_today()


def render_today(failed: FailedAction | None = None, status: int = 200):
    """Render Today; after a refused action on its rows, with its message and the items
    that were chosen still chosen."""
    day = hotel_today()
    scope = department_scope(current_user)
    rows = {"action_form": failed.form if failed else action_form(), "failed": failed,
            "back": url_for("desk.today")}
    if scope is not None:
        return _department_today(day, scope, rows), status
    services = desk_services()
    arrivals, departures = today_service.arrivals_and_departures(day, scope, services)
    return render_template(
        "desk/today/index.html",
        day=day,
        now=utcnow(),
        waiting=today_service.waiting_requests(scope, limit=25, services=services),
        arrivals=arrivals,
        slots=slots_between(day, 1, scope, services),
        due=due_units(day, services=services),
        low_stock=today_service.rentals_running_low(day, department_id=scope,
                                                    services=services),
        departures=departures,
        overdue_tickets=today_service.overdue_tickets(scope),
        **rows,
    ), status


def _department_today(day, department_id: int, rows: dict):
    """Render one department's day: its requests, activities, hand-outs and returns."""
    sheet = daily_run_sheet(day, department_id)
    part = sheet.departments[0] if sheet.departments else None
    return render_template(
        "desk/today/department.html",
        day=day,
        now=utcnow(),
        department=part.department if part else db.session.get(Department, department_id),
        part=part,
        task_labels=TASK_LABELS,
        waiting=today_service.waiting_requests(department_id, limit=25),
        overdue_tickets=today_service.overdue_tickets(department_id),
        **rows,
    )
