"""The desk's home: what needs doing today."""

from flask import render_template
from flask_login import current_user

from hotel.desk import bp
from hotel.desk.access import department_scope, staff_required
from hotel.models.types import utcnow
from hotel.services import frontdesk
from hotel.timekeeping import hotel_today


@bp.get("/")
@staff_required()
def today():
    """Show waiting requests, arrivals, today's activities, low stock and departures."""
    day = hotel_today()
    scope = department_scope(current_user)
    return render_template(
        "desk/today.html",
        day=day,
        now=utcnow(),
        waiting=frontdesk.waiting_requests(scope, limit=25),
        arrivals=frontdesk.arrivals(day, scope),
        slots=frontdesk.slots_on(day, scope),
        low_stock=frontdesk.rentals_running_low(day, department_id=scope),
        departures=frontdesk.departures(day, scope),
        overdue_tickets=frontdesk.overdue_tickets(scope),
    )
