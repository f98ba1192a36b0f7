"""Desk actions on an activity's slots: add one, make them from a rule, capacity, close, reopen."""

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from hotel.desk import bp
from hotel.desk.forms.inventory import (
    CloseSlotForm,
    ConfirmForm,
    RuleForm,
    SlotCapacityForm,
    SlotForm,
)
from hotel.desk.forms.reasons import offer_reasons
from hotel.desk.inventory import (
    back_to_service,
    failed,
    field_message,
    form_message,
    render_service,
    service_or_404,
)
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.i18n import current_language
from hotel.models import Role, Slot
from hotel.services import slots
from hotel.services.errors import DomainError


@bp.post("/inventory/services/<slug>/slots")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_add_slot(slug):
    """Add one slot to an activity."""
    service = service_or_404(slug)
    form = SlotForm()
    if not service.is_activity:
        abort(404)
    if not form.validate_on_submit():
        return render_service(service, 422, error=_("Please correct the slot."), slot_form=form)
    try:
        slots.add_slot(service.id, form.day.data, form.start_time.data,
                           form.duration_minutes.data, form.capacity.data, current_user)
    except DomainError as error:
        return failed(service, error, "slot_form", form)
    flash(_("The slot was added."), "success")
    return back_to_service(service)


@bp.post("/inventory/services/<slug>/rules")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_add_rule(slug):
    """Make an activity's slots from a recurring rule."""
    service = service_or_404(slug)
    form = RuleForm()
    if not service.is_activity:
        abort(404)
    if not form.validate_on_submit():
        return render_service(service, 422, error=_("Please correct the rule."), rule_form=form)
    try:
        made = slots.create_slot_rules(
            service.id, form.weekdays.data, form.parsed_times, form.duration_minutes.data,
            form.capacity.data, form.valid_from.data, form.valid_until.data, current_user)
    except DomainError as error:
        return failed(service, error, "rule_form", form)
    flash(ngettext("%(num)d slot was made.", "%(num)d slots were made.", len(made)), "success")
    return back_to_service(service)


@bp.post("/inventory/slots/<int:slot_id>/capacity")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_slot_capacity(slot_id):
    """Change a slot's capacity, never below the places booked."""
    slot = db.get_or_404(Slot, slot_id)
    service = slot.service
    form = SlotCapacityForm()
    if not form.validate_on_submit():
        return render_service(service, 422, error=field_message(form.capacity), failed_slot=slot.id)
    try:
        slots.change_slot_capacity(slot.id, form.capacity.data, current_user)
    except DomainError as error:
        return failed(service, error, failed_slot=slot.id)
    flash(_("The capacity is now %(num)d.", num=form.capacity.data), "success")
    return back_to_service(service)


@bp.post("/inventory/slots/<int:slot_id>/close")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_close_slot(slot_id):
    """Close a slot with a reason; its bookings are cancelled by the hotel."""
    slot = db.get_or_404(Slot, slot_id)
    service = slot.service
    form = offer_reasons(CloseSlotForm())
    if not form.validate_on_submit():
        return render_service(service, 422, error=form_message(form), failed_slot=slot.id)
    try:
        items = slots.close_slot(slot.id, form.reason.data or "", current_user,
                                 reason_language=current_language(),
                                 standard_reason_id=form.standard_reason.data or None)
    except DomainError as error:
        return failed(service, error, failed_slot=slot.id)
    flash(ngettext("The slot is closed; %(num)d booking was cancelled.",
                   "The slot is closed; %(num)d bookings were cancelled.", len(items)),
          "success")
    if items:  # who was told, and later who rebooked
        return redirect(url_for("desk.slot_closure", slot_id=slot.id), 303)
    return back_to_service(service)


@bp.post("/inventory/slots/<int:slot_id>/reopen")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_reopen_slot(slot_id):
    """Open a closed slot for bookings again."""
    slot = db.get_or_404(Slot, slot_id)
    service = slot.service
    if not ConfirmForm().validate_on_submit():
        return render_service(service, 422, error=_("The form has expired. Please try again."),
                       failed_slot=slot.id)
    try:
        slots.reopen_slot(slot.id, current_user)
    except DomainError as error:
        return failed(service, error, failed_slot=slot.id)
    flash(_("The slot is open again."), "success")
    return back_to_service(service)
