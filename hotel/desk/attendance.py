"""Desk pages: attendance at an activity's slot, used on a tablet at the activity."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from hotel.clock import hotel_day
from hotel.desk import bp
from hotel.desk.forms.attendance import CheckInForm, CheckOutForm, FinishForm
from hotel.desk.roles import check_department, staff_required
from hotel.extensions import db
from hotel.models import ItemState, Kind, Slot
from hotel.services.attendance import check_in, check_out, finish_item, slot_attendance
from hotel.services.errors import DomainError
from hotel.web.forms import first_error

OUTCOMES = {"completed": ItemState.COMPLETED, "no_show": ItemState.NO_SHOW}


def _slot_or_404(slot_id: int) -> Slot:
    """Return the slot if the user may see it: 404 if there is none, 403 if it is another
    department's."""
    slot = db.session.get(Slot, slot_id, options=[selectinload(Slot.service)])
    if slot is None or slot.service.kind != Kind.ACTIVITY:
        abort(404)
    check_department(current_user, slot.service.department_id)
    return slot


def _page(slot: Slot, problem: str = "", status: int = 200):
    return render_template("desk/attendance/slot.html", slot=slot,
                           slot_day=hotel_day(slot.starts_at),
                           lines=slot_attendance(slot), problem=problem,
                           check_in_form=CheckInForm(formdata=None),
                           check_out_form=CheckOutForm(formdata=None),
                           finish_form=FinishForm(formdata=None)), status


@bp.get("/schedule/slots/<int:slot_id>/attendance")
@staff_required()
def attendance(slot_id: int):
    """Show who is booked for a slot, to check each person in and out."""
    return _page(_slot_or_404(slot_id))


def _done(slot: Slot, form, action):
    """Check the form, run the action, and go back to the page (or show why not)."""
    if not form.validate_on_submit():
        return _page(slot, first_error(form) or _("Please try again."), 422)
    try:
        message = action(form)
    except DomainError as error:
        return _page(slot, error.message, error.status)
    flash(message, "success")
    return redirect(url_for("desk.attendance", slot_id=slot.id), 303)


@bp.post("/schedule/slots/<int:slot_id>/attendance/check-in")
@staff_required()
def attendance_check_in(slot_id: int):
    """Check a participant in; it completes nothing by itself."""
    slot = _slot_or_404(slot_id)

    def act(form) -> str:
        check_in(slot.id, form.item_id.data, form.member_id.data, current_user)
        return _("Checked in.")

    return _done(slot, CheckInForm(), act)


@bp.post("/schedule/slots/<int:slot_id>/attendance/check-out")
@staff_required()
def attendance_check_out(slot_id: int):
    """Check a participant out, with who collected a child."""
    slot = _slot_or_404(slot_id)

    def act(form) -> str:
        check_out(slot.id, form.item_id.data, form.member_id.data, current_user,
                  collected_by=form.collected_by.data or "")
        return _("Checked out.")

    return _done(slot, CheckOutForm(), act)


@bp.post("/schedule/slots/<int:slot_id>/attendance/finish")
@staff_required()
def attendance_finish(slot_id: int):
    """Mark a booking completed (everyone checked out) or no-show (no one came)."""
    slot = _slot_or_404(slot_id)

    def act(form) -> str:
        finish_item(slot.id, form.item_id.data, current_user, OUTCOMES[form.outcome.data])
        return _("Booking marked completed.") if form.outcome.data == "completed" \
            else _("Booking marked no-show.")

    return _done(slot, FinishForm(), act)
