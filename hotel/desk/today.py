"""The desk's home: what needs doing today."""

from flask import render_template
from flask_login import current_user

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.roles import department_scope, staff_required
from hotel.models.types import utcnow
from hotel.services import today as today_service


@bp.get("/")
@staff_required()
def today():
    """Show waiting requests, arrivals, today's activities, low stock and departures."""
    day = hotel_today()
    scope = department_scope(current_user)
    arrivals, departures = today_service.arrivals_and_departures(day, scope)
    return render_template(
        "desk/today/index.html",
        day=day,
        now=utcnow(),
        waiting=today_service.waiting_requests(scope, limit=25),
        arrivals=arrivals,
        slots=today_service.slots_on(day, scope),
        low_stock=today_service.rentals_running_low(day, department_id=scope),
        departures=departures,
        overdue_tickets=today_service.overdue_tickets(scope),
    )
