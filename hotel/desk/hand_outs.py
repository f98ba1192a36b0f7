"""Desk pages of a rented item: hand a unit out, take it back, repair and name units."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.forms.hand_outs import CONDITION_LABELS, HandOutForm, ReturnForm, UnitLabelForm
from hotel.desk.forms.inventory import ConfirmForm
from hotel.desk.inventory import back_to_service, failed, form_message, render_service
from hotel.desk.roles import OPERATIONS, check_department, staff_required
from hotel.extensions import db
from hotel.models import HandOut, RentalUnit, Role
from hotel.services import hand_outs
from hotel.services.errors import DomainError
from hotel.services.units import hand_outs_of, unit_name
from hotel.web.forms import show_error


def _item_or_404(item_id: int):
    """Return a rental's booking item the user may see, or answer 404 (403 for another
    department's)."""
    item = hand_outs.rental_item(item_id)
    if item is None:
        abort(404)
    check_department(current_user, item.service.department_id)
    return item


def _render_item(item, status: int = 200, error: str | None = None, hand_out_form=None,
                 return_forms: dict | None = None):
    """Render an item's page: its units handed out and back, and the forms that apply."""
    units = hand_outs.free_units(item)
    form = hand_out_form or HandOutForm(formdata=None)
    form.unit.choices = [(unit.id, unit_name(unit, item.service)) for unit in units]
    given = hand_outs_of([item.id]).get(item.id, [])
    return_forms = return_forms or {}
    for hand_out in given:
        if hand_out.is_out and hand_out.id not in return_forms:
            return_forms[hand_out.id] = ReturnForm(formdata=None, prefix=f"r{hand_out.id}")
    return render_template("desk/hand_outs/item.html", item=item, stay=item.booking.stay,
                           given=given, free_units=units, hand_out_form=form,
                           return_forms=return_forms, error=error, today=hotel_today(),
                           condition_labels=CONDITION_LABELS,
                           out_count=sum(1 for h in given if h.is_out)), status


def _back_to_item(item_id: int):
    return redirect(url_for("desk.rental_item", item_id=item_id), 303)


@bp.get("/rentals/items/<int:item_id>")
@staff_required()
def rental_item(item_id):
    """Show a rented item's units: hand one out, or take one back."""
    return _render_item(_item_or_404(item_id))


@bp.post("/rentals/items/<int:item_id>/hand-out")
@staff_required()
def hand_out_unit(item_id):
    """Hand a free unit out to the booking item, with the deposit taken."""
    item = _item_or_404(item_id)
    form = HandOutForm()
    form.unit.choices = [(unit.id, unit_name(unit, item.service))
                         for unit in hand_outs.free_units(item)]
    form.unit.validate_choice = False  # a unit taken meanwhile: the service says so
    if not form.validate_on_submit():
        return _render_item(item, 422, _("Please correct the hand-out."), hand_out_form=form)
    try:
        given = hand_outs.hand_out(item.id, form.unit.data, current_user,
                                   deposit=form.deposit.data)
    except DomainError as error:
        db.session.rollback()
        show_error(form, error, quiet=True)
        return _render_item(hand_outs.rental_item(item_id), error.status, error.message,
                            hand_out_form=form)
    flash(_("%(unit)s is handed out.", unit=unit_name(given.unit, item.service)), "success")
    return _back_to_item(item.id)


@bp.post("/hand-outs/<int:hand_out_id>/return")
@staff_required()
def return_unit(hand_out_id):
    """Take a unit back, fine or damaged, and give the deposit back if asked."""
    given = db.get_or_404(HandOut, hand_out_id)
    item = _item_or_404(given.item_id)
    form = ReturnForm(prefix=f"r{given.id}")
    if not form.validate_on_submit():
        return _render_item(item, 422, _("Please correct the return."),
                            return_forms={given.id: form})
    try:
        hand_outs.return_unit(given.id, form.condition.data, form.note.data or "",
                              current_user, deposit_returned=bool(form.deposit_returned.data))
    except DomainError as error:
        db.session.rollback()
        show_error(form, error, quiet=True)
        return _render_item(hand_outs.rental_item(item.id), error.status, error.message,
                            return_forms={given.id: form})
    if form.condition.data == "damaged":
        flash(_("The unit is back, damaged: it is out of service until it is repaired."),
              "success")
    else:
        flash(_("The unit is back."), "success")
    return _back_to_item(item.id)


@bp.post("/rental-units/<int:unit_id>/repaired")
@staff_required(*OPERATIONS)
def unit_repaired(unit_id):
    """Bring a damaged unit back into service from today."""
    unit = db.get_or_404(RentalUnit, unit_id)
    service = unit.service
    if not ConfirmForm().validate_on_submit():
        return render_service(service, 422, error=_("The form has expired. Please try again."))
    try:
        hand_outs.mark_repaired(unit.id, current_user)
    except DomainError as error:
        db.session.rollback()
        return failed(service, error)
    flash(_("%(unit)s is repaired and back in service.", unit=unit_name(unit, service)),
          "success")
    return back_to_service(service)


@bp.post("/rental-units/<int:unit_id>/label")
@staff_required(Role.MANAGER)
def unit_label(unit_id):
    """Give a unit a name of its own."""
    unit = db.get_or_404(RentalUnit, unit_id)
    service = unit.service
    form = UnitLabelForm(prefix=f"u{unit.id}")
    if not form.validate_on_submit():
        return render_service(service, 422, error=form_message(form))
    try:
        hand_outs.label_unit(unit.id, form.label.data or "", current_user)
    except DomainError as error:
        db.session.rollback()
        return failed(service, error)
    flash(_("The unit is now called %(unit)s.", unit=unit_name(unit, service)), "success")
    return back_to_service(service)
