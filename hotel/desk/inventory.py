"""The desk's inventory: every rental and activity, and the page of each."""

from datetime import timedelta

from babel.lists import format_list
from flask import abort, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.forms.hand_outs import UnitLabelForm
from hotel.desk.forms.inventory import (
    CloseSlotForm,
    ConfirmForm,
    OutOfServiceForm,
    RuleForm,
    SlotForm,
    StockForm,
)
from hotel.desk.forms.reasons import offer_reasons
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.models import Kind, Role, Service
from hotel.services.availability import slot_availability
from hotel.services.errors import DomainError
from hotel.services.inventory import HORIZON_DAYS
from hotel.services.rentals import rentals_overview
from hotel.services.slots import active_rules, activities_overview
from hotel.services.units import units_today
from hotel.web.forms import show_error


def service_or_404(slug: str) -> Service:
    """Return the rental or activity a URL names, or answer 404."""
    service = db.session.scalar(select(Service).where(Service.slug == slug))
    if service is None or service.kind == Kind.ON_REQUEST:
        abort(404)
    return service


def back_to_service(service: Service):
    """Go back to the service's inventory page after a change (post/redirect/get)."""
    return redirect(url_for("desk.inventory_service", slug=service.slug), 303)


@bp.get("/inventory")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory():
    """Show every rental's stock and free units, and every activity's coming slots."""
    today = hotel_today()
    return render_template("desk/inventory/index.html", today=today,
                           rentals=rentals_overview(today),
                           activities=activities_overview(today),
                           days=[today + timedelta(days=n) for n in range(HORIZON_DAYS)])


def render_service(service: Service, status: int = 200, error: str | None = None,
            failed_slot: int | None = None, **forms):
    """Render a rental's or an activity's page with the given forms, or fresh ones."""
    today = hotel_today()
    if service.is_rental:
        overview = rentals_overview(today, services=[service])[0]
        forms.setdefault("stock_form", StockForm(formdata=None, stock=service.stock or 0))
        forms.setdefault("out_form", OutOfServiceForm(formdata=None, starts_on=today,
                                                      ends_on=today, units=1))
        offer_reasons(forms["out_form"])
        return render_template("desk/inventory/rental.html", service=service, rental=overview,
                               today=today, error=error, confirm_form=ConfirmForm(formdata=None),
                               units=units_today(service, today), label_form=UnitLabelForm,
                               **forms), status
    last = today + timedelta(days=HORIZON_DAYS - 1)
    forms.setdefault("slot_form", SlotForm(formdata=None, day=today + timedelta(days=1),
                                           duration_minutes=service.duration_minutes or 60,
                                           capacity=6))
    forms.setdefault("rule_form", RuleForm(formdata=None, valid_from=today,
                                           duration_minutes=service.duration_minutes or 60,
                                           capacity=6))
    forms.setdefault("close_form", offer_reasons(CloseSlotForm(formdata=None)))
    return render_template(
        "desk/inventory/activity.html", service=service, today=today, last=last, error=error,
        weekday_names=_weekday_names,
        slots=[entry.slot for entry in slot_availability(service, today, last)],
        rules=active_rules(service, today), failed_slot=failed_slot,
        confirm_form=ConfirmForm(formdata=None), **forms), status


def _weekday_names(weekdays: str) -> str:
    names = get_locale().days["format"]["abbreviated"]
    return format_list([names[int(day)] for day in weekdays], locale=get_locale())


def field_message(field) -> str:
    """Return a field's errors, or say that the form expired (a missing CSRF token)."""
    return "; ".join(map(str, field.errors)) or _("The form has expired. Please try again.")


def form_message(form) -> str:
    """Return the errors of a form's fields, or say that the form expired (no CSRF token)."""
    return "; ".join(str(error) for field in form if field.name != "csrf_token"
                     for error in field.errors) or _("The form has expired. Please try again.")


def failed(service: Service, error: DomainError, form_name: str | None = None, form=None,
            failed_slot: int | None = None):
    """Show the page again with the service's message next to the field at fault."""
    forms = {}
    if form is not None:
        show_error(form, error, quiet=True)
        forms[form_name] = form
    return render_service(service, error.status, error=error.message, failed_slot=failed_slot,
                   **forms)


@bp.get("/inventory/services/<slug>")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_service(slug):
    """Show a rental's stock and periods out of service, or an activity's slots and rules."""
    return render_service(service_or_404(slug))
