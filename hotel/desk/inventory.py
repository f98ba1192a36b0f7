"""Desk pages: rental stock and units out of service, activity slots and their rules."""

from datetime import timedelta

from babel.lists import format_list
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from hotel.desk import bp
from hotel.desk.access import staff_required
from hotel.desk.inventory_forms import (
    CloseSlotForm,
    ConfirmForm,
    OutOfServiceForm,
    RuleForm,
    SlotCapacityForm,
    SlotForm,
    StockForm,
)
from hotel.extensions import db
from hotel.i18n import current_language
from hotel.models import Kind, OutOfService, Role, Service, Slot
from hotel.services import inventory as ops
from hotel.services.availability import slot_availability
from hotel.services.errors import DomainError
from hotel.timekeeping import hotel_today


def _status(error: DomainError) -> int:
    return {"not_allowed": 403, "invalid": 422}.get(error.code, 409)


def _service(slug: str) -> Service:
    service = db.session.scalar(select(Service).where(Service.slug == slug))
    if service is None or service.kind == Kind.ON_REQUEST:
        abort(404)
    return service


def _back(service: Service):
    return redirect(url_for("desk.inventory_service", slug=service.slug), 303)


@bp.get("/inventory")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory():
    """Show every rental's stock and free units, and every activity's coming slots."""
    today = hotel_today()
    return render_template("desk/inventory.html", today=today,
                           rentals=ops.rentals_overview(today),
                           activities=ops.activities_overview(today),
                           days=[today + timedelta(days=n) for n in range(ops.HORIZON_DAYS)])


def _render(service: Service, status: int = 200, error: str | None = None,
            failed_slot: int | None = None, **forms):
    """Render a rental's or an activity's page with the given forms, or fresh ones."""
    today = hotel_today()
    if service.is_rental:
        overview = ops.rentals_overview(today, services=[service])[0]
        forms.setdefault("stock_form", StockForm(formdata=None, stock=service.stock or 0))
        forms.setdefault("out_form", OutOfServiceForm(formdata=None, starts_on=today,
                                                      ends_on=today, units=1))
        return render_template("desk/inventory_rental.html", service=service, rental=overview,
                               today=today, error=error, confirm_form=ConfirmForm(formdata=None),
                               **forms), status
    last = today + timedelta(days=ops.HORIZON_DAYS - 1)
    forms.setdefault("slot_form", SlotForm(formdata=None, day=today + timedelta(days=1),
                                           duration_minutes=service.duration_minutes or 60,
                                           capacity=6))
    forms.setdefault("rule_form", RuleForm(formdata=None, valid_from=today,
                                           duration_minutes=service.duration_minutes or 60,
                                           capacity=6))
    return render_template(
        "desk/inventory_activity.html", service=service, today=today, last=last, error=error,
        weekday_names=_weekday_names,
        slots=[entry.slot for entry in slot_availability(service, today, last)],
        rules=ops.active_rules(service, today), failed_slot=failed_slot,
        confirm_form=ConfirmForm(formdata=None), **forms), status


def _weekday_names(weekdays: str) -> str:
    names = get_locale().days["format"]["abbreviated"]
    return format_list([names[int(day)] for day in weekdays], locale=get_locale())


def _field_message(field) -> str:
    """Return a field's errors, or say that the form expired (a missing CSRF token)."""
    return "; ".join(map(str, field.errors)) or _("The form has expired. Please try again.")


def _failed(service: Service, error: DomainError, form_name: str | None = None, form=None,
            failed_slot: int | None = None):
    """Show the page again with the service's message next to the field at fault."""
    forms = {}
    if form is not None:
        field = getattr(form, error.field or "", None)
        if field is not None:
            field.errors = [*field.errors, error.message]
        forms[form_name] = form
    return _render(service, _status(error), error=error.message, failed_slot=failed_slot,
                   **forms)


@bp.get("/inventory/services/<slug>")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_service(slug):
    """Show a rental's stock and periods out of service, or an activity's slots and rules."""
    return _render(_service(slug))


@bp.post("/inventory/services/<slug>/stock")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_stock(slug):
    """Change a rental's stock."""
    service = _service(slug)
    form = StockForm()
    if not service.is_rental:
        abort(404)
    if not form.validate_on_submit():
        return _render(service, 422, error=_("Please correct the stock."), stock_form=form)
    try:
        ops.change_stock(service.id, form.stock.data, current_user)
    except DomainError as error:
        return _failed(service, error, "stock_form", form)
    flash(_("The stock is now %(num)d.", num=form.stock.data), "success")
    return _back(service)


@bp.post("/inventory/services/<slug>/out-of-service")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_out_of_service(slug):
    """Take units of a rental out of service for a period."""
    service = _service(slug)
    form = OutOfServiceForm()
    if not service.is_rental:
        abort(404)
    if not form.validate_on_submit():
        return _render(service, 422, error=_("Please correct the period."), out_form=form)
    try:
        ops.put_out_of_service(service.id, form.units.data, form.starts_on.data,
                                     form.ends_on.data, form.reason.data, current_user)
    except DomainError as error:
        return _failed(service, error, "out_form", form)
    flash(ngettext("%(num)d unit is out of service for the period.",
                   "%(num)d units are out of service for the period.", form.units.data),
          "success")
    return _back(service)


@bp.post("/inventory/out-of-service/<int:period_id>/end")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_end_out_of_service(period_id):
    """Bring a period's units back into service from today."""
    period = db.get_or_404(OutOfService, period_id)
    service = period.service
    if not ConfirmForm().validate_on_submit():
        return _render(service, 422, error=_("The form has expired. Please try again."))
    try:
        ops.end_out_of_service(period.id, current_user)
    except DomainError as error:
        return _failed(service, error)
    flash(_("The units are back in service."), "success")
    return _back(service)


@bp.post("/inventory/services/<slug>/slots")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_add_slot(slug):
    """Add one slot to an activity."""
    service = _service(slug)
    form = SlotForm()
    if not service.is_activity:
        abort(404)
    if not form.validate_on_submit():
        return _render(service, 422, error=_("Please correct the slot."), slot_form=form)
    try:
        ops.add_slot(service.id, form.day.data, form.start_time.data,
                           form.duration_minutes.data, form.capacity.data, current_user)
    except DomainError as error:
        return _failed(service, error, "slot_form", form)
    flash(_("The slot was added."), "success")
    return _back(service)


@bp.post("/inventory/services/<slug>/rules")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_add_rule(slug):
    """Make an activity's slots from a recurring rule."""
    service = _service(slug)
    form = RuleForm()
    if not service.is_activity:
        abort(404)
    if not form.validate_on_submit():
        return _render(service, 422, error=_("Please correct the rule."), rule_form=form)
    try:
        made = ops.create_slot_rules(
            service.id, form.weekdays.data, form.parsed_times, form.duration_minutes.data,
            form.capacity.data, form.valid_from.data, form.valid_until.data, current_user)
    except DomainError as error:
        return _failed(service, error, "rule_form", form)
    flash(ngettext("%(num)d slot was made.", "%(num)d slots were made.", len(made)), "success")
    return _back(service)


@bp.post("/inventory/slots/<int:slot_id>/capacity")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_slot_capacity(slot_id):
    """Change a slot's capacity, never below the places booked."""
    slot = db.get_or_404(Slot, slot_id)
    service = slot.service
    form = SlotCapacityForm()
    if not form.validate_on_submit():
        return _render(service, 422, error=_field_message(form.capacity), failed_slot=slot.id)
    try:
        ops.change_slot_capacity(slot.id, form.capacity.data, current_user)
    except DomainError as error:
        return _failed(service, error, failed_slot=slot.id)
    flash(_("The capacity is now %(num)d.", num=form.capacity.data), "success")
    return _back(service)


@bp.post("/inventory/slots/<int:slot_id>/close")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_close_slot(slot_id):
    """Close a slot with a reason; its bookings are cancelled by the hotel."""
    slot = db.get_or_404(Slot, slot_id)
    service = slot.service
    form = CloseSlotForm()
    if not form.validate_on_submit():
        return _render(service, 422, error=_field_message(form.reason), failed_slot=slot.id)
    try:
        items = ops.close_slot(slot.id, form.reason.data, current_user,
                                     reason_language=current_language())
    except DomainError as error:
        return _failed(service, error, failed_slot=slot.id)
    flash(ngettext("The slot is closed; %(num)d booking was cancelled.",
                   "The slot is closed; %(num)d bookings were cancelled.", len(items)),
          "success")
    return _back(service)


@bp.post("/inventory/slots/<int:slot_id>/reopen")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_reopen_slot(slot_id):
    """Open a closed slot for bookings again."""
    slot = db.get_or_404(Slot, slot_id)
    service = slot.service
    if not ConfirmForm().validate_on_submit():
        return _render(service, 422, error=_("The form has expired. Please try again."),
                       failed_slot=slot.id)
    try:
        ops.reopen_slot(slot.id, current_user)
    except DomainError as error:
        return _failed(service, error, failed_slot=slot.id)
    flash(_("The slot is open again."), "success")
    return _back(service)
