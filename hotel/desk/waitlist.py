"""The desk's waiting lists: the entries of a service's slots and rental days, offer a
place by hand or remove an entry, a slot's closure before and after, and the parts of
Today and the reports that show where guests wait."""

from datetime import timedelta

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.forms.inventory import CloseSlotForm, ConfirmForm
from hotel.desk.forms.reasons import offer_reasons
from hotel.desk.inventory import service_or_404
from hotel.desk.roles import department_scope, staff_required
from hotel.extensions import db
from hotel.i18n import language_in_reader_language, text_locales
from hotel.models import Role, Slot, WaitingEntry
from hotel.services import closure, waitlist, waitlist_lists
from hotel.services.errors import DomainError
from hotel.services.inventory import HORIZON_DAYS


def _waiting_today():
    return waitlist_lists.waiting_on(hotel_today(), department_scope(current_user),
                                     text_locales())


@bp.record_once
def register_waitlist_globals(state) -> None:
    """Let the inventory pages, Today and the reports include the waiting lists."""
    state.app.jinja_env.globals.update(
        waiting_of_slots=waitlist_lists.entries_of_slots,
        waiting_of_rental=waitlist_lists.entries_of_rental,
        waiting_today=_waiting_today,
        unmet_demand=lambda period: waitlist_lists.unmet_demand(
            period.first_day, period.last_day, text_locales()))


@bp.get("/waitlist/<slug>")
@staff_required(Role.RECEPTION, Role.MANAGER)
def waitlist_page(slug: str):
    """List who waits for a service's slots or days in the coming days, in queue order."""
    service = service_or_404(slug)
    today = hotel_today()
    last = today + timedelta(days=HORIZON_DAYS - 1)
    if service.is_activity:
        slot_ids = waitlist_lists.slots_between(service.id, today, last)
        by_slot = waitlist_lists.entries_of_slots(slot_ids)
        rows = [row for slot_id in slot_ids for row in by_slot.get(slot_id, [])]
    else:
        rows = waitlist_lists.entries_of_rental(service.id, today, last)
    return render_template("desk/waitlist/index.html", service=service, rows=rows,
                           today=today, last=last, form=ConfirmForm(formdata=None))


def _entry_or_404(entry_id: int) -> WaitingEntry:
    return db.get_or_404(WaitingEntry, entry_id)


def _back(entry: WaitingEntry):
    return redirect(url_for("desk.waitlist_page", slug=entry.service.slug), 303)


@bp.post("/waitlist/entries/<int:entry_id>/offer")
@staff_required(Role.RECEPTION, Role.MANAGER)
def waitlist_offer_by_hand(entry_id: int):
    """Offer the free places to one waiting guest now, out of queue order."""
    entry = _entry_or_404(entry_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        waitlist.offer_by_hand(entry.id, current_user)
    except DomainError as error:
        flash(error.message, "error")
        return _back(entry)
    flash(_("The place is offered and held for the guest."), "success")
    return _back(entry)


@bp.post("/waitlist/entries/<int:entry_id>/remove")
@staff_required(Role.RECEPTION, Role.MANAGER)
def waitlist_remove(entry_id: int):
    """Take a guest off a waiting list; places held for them go to the next guest."""
    entry = _entry_or_404(entry_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        waitlist.leave_waiting_list(entry.id, current_user)
    except DomainError as error:
        flash(error.message, "error")
        return _back(entry)
    flash(_("The guest is off the waiting list."), "success")
    return _back(entry)


@bp.get("/inventory/slots/<int:slot_id>/closure")
@staff_required(Role.RECEPTION, Role.MANAGER)
def slot_closure(slot_id: int):
    """Before closing a slot: the bookings it will cancel and the form to confirm; after:
    who rebooked, who did not, and who waits."""
    slot = db.get_or_404(Slot, slot_id)
    if slot.closed:
        rows = closure.closure_outcome(slot)
        return render_template("desk/waitlist/closure.html", slot=slot, rows=rows,
                               closed=True, form=ConfirmForm(formdata=None))
    rows = closure.closure_preview(slot)
    form = offer_reasons(CloseSlotForm(formdata=None))
    return render_template("desk/waitlist/closure.html", slot=slot, rows=rows, closed=False,
                           form=form, languages=[language_in_reader_language(code) for code
                                                 in sorted({row.stay.language for row in rows})])
