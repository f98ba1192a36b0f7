"""The guest's waiting lists: join from a full time or full days, see the place in the
queue on "My bookings", leave, and accept or decline an offer (also from its link)."""

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from hotel.guest import bp
from hotel.guest.catalogue import service_facts
from hotel.guest.forms import ActionForm
from hotel.i18n import text_locales
from hotel.models import Kind, Service, Stay
from hotel.services import catalogue, links, waitlist, waitlist_lists
from hotel.services.availability import availability_during_stay
from hotel.services.errors import DomainError
from hotel.web.booking_forms import LineForm, form_to_request, make_line_form, slot_label
from hotel.web.sessions import guest_required, start_guest_session

PREFIX = "waitlist"


def waitlist_form(service: Service, stay: Stay | None, availability) -> LineForm | None:
    """Return the form that puts the guest on a waiting list: the full (not closed) times
    of an activity, or a rental's days when one of them has no unit left; else None."""
    if stay is None or not availability or service.kind == Kind.ON_REQUEST:
        return None
    if service.kind == Kind.ACTIVITY:
        full = [entry for entry in availability if not entry.remaining and not entry.slot.closed]
        if not full:
            return None
        form = make_line_form(service, stay, full, prefix=PREFIX)
        form.slot_id.choices = [(entry.slot.id, slot_label(entry), {}) for entry in full]
        return form
    if all(day.remaining for day in availability):
        return None
    form = make_line_form(service, stay, prefix=PREFIX)
    if not form.is_submitted():
        form.start_date.data = form.end_date.data = next(
            day.day for day in availability if not day.remaining)
    return form


def _waiting_entries() -> list:
    """Return the signed-in guest's entries on waiting lists, read only if the request
    found the stay on one (``load_guest``)."""
    if not g.get("stay_waiting", True):
        return []
    return waitlist_lists.entries_of_stay(g.stay.id, text_locales())


@bp.record_once
def register_waitlist_globals(state) -> None:
    """Let the service page build its waiting-list form, and "My bookings" list entries."""
    state.app.jinja_env.globals["waitlist_form"] = waitlist_form
    state.app.jinja_env.globals["waiting_entries"] = _waiting_entries
    state.app.jinja_env.globals["waitlist_offer_open"] = waitlist_lists.offer_open


@bp.post("/services/<slug>/waitlist")
@guest_required
def join_waitlist(slug: str):
    """Put the guest on the waiting list of a full time, or of full rental days."""
    service = catalogue.find_service(slug, texts=False) or abort(404)
    availability = availability_during_stay(service, g.stay)
    form = waitlist_form(service, g.stay, availability)
    if form is None:
        flash(_("There is nothing full to wait for: please book instead."), "info")
        return redirect(url_for("guest.service", slug=slug))
    if form.validate_on_submit():
        try:
            waitlist.join_waiting_list(g.stay, form_to_request(form, service), g.stay)
        except DomainError as error:
            form.form_errors.append(error.message)
        else:
            flash(_("You are on the waiting list. We will tell you as soon as a place "
                    "comes free."), "success")
            return redirect(url_for("guest.my_bookings"))
    main_form = make_line_form(service, g.stay, availability
                               if service.kind == Kind.ACTIVITY else (), formdata=None)
    return render_template("guest/service.html", facts=service_facts(slug) or abort(404),
                           service=service, availability=availability, form=main_form,
                           stay=g.stay, waitlist=form), 422


@bp.post("/my-bookings/waitlist/<int:entry_id>/leave")
@guest_required
def leave_waitlist(entry_id: int):
    """Take the guest off a waiting list, or let an offer go to the next guest."""
    try:
        waitlist.leave_waiting_list(entry_id, g.stay)
    except DomainError as error:
        flash(error.message, "error")
        return redirect(url_for("guest.my_bookings")), 303
    flash(_("You are off the waiting list."), "success")
    return redirect(url_for("guest.my_bookings"))


@bp.post("/my-bookings/waitlist/<int:entry_id>/accept")
@guest_required
def accept_waitlist_offer(entry_id: int):
    """Book the places a waiting-list offer holds for the guest."""
    try:
        booking = waitlist.accept_offer(entry_id, g.stay)
    except DomainError as error:
        flash(error.message, "error")
        return redirect(url_for("guest.my_bookings")), 303
    flash(_("Booked. We have sent you the details."), "success")
    return redirect(url_for("guest.confirmation", reference=booking.reference))


@bp.get("/waitlist/<token>")
def waitlist_offer(token: str):
    """Show a waiting-list offer from its link, with buttons to book it or let it go."""
    try:
        stay, entry_id = links.read_waitlist_offer_link(token)
    except LookupError:
        return render_template("guest/link_not_valid.html"), 404
    entry = waitlist_lists.entry_of_stay(stay.id, entry_id)
    if entry is None:
        return render_template("guest/link_not_valid.html"), 404
    if g.get("stay") is None or g.stay.id != stay.id:
        start_guest_session(stay)
        g.stay = stay
    return render_template("guest/waitlist_offer.html", entry=entry,
                           people=waitlist.entry_people(entry), form=ActionForm(),
                           open=waitlist_lists.offer_open(entry))
