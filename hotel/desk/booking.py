"""Booking for a guest who phones or walks up: the guest's form, with staff as the actor."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hotel.desk import bp
from hotel.desk.forms.booking import BookingSearchForm
from hotel.desk.roles import OPERATIONS, staff_required
from hotel.desk.stays import stay_or_404
from hotel.i18n import localized
from hotel.models import Kind, Service, Stay
from hotel.services import catalogue
from hotel.services.availability import availability_during_stay
from hotel.services.bookings import create_booking
from hotel.services.errors import DomainError
from hotel.services.plain_text import isolate, text_problem
from hotel.services.stays import find_stays
from hotel.web.booking_forms import form_to_request, make_line_form


@bp.get("/book")
@staff_required(*OPERATIONS)
def book_for_guest():
    """Find the guest's stay by room, reference or name."""
    form = BookingSearchForm(request.args)
    if not form.validate():
        return render_template("desk/booking/search.html", form=form, q="", stays=[]), 422
    text = form.q.data or ""
    return render_template("desk/booking/search.html", form=form, q=text,
                           stays=find_stays(text))


@bp.get("/book/<reference>")
@staff_required(*OPERATIONS)
def book_choose_service(reference: str):
    """Show the stay and the services to book for it."""
    return render_template("desk/booking/services.html", stay=stay_or_404(reference),
                           services_by_category=catalogue.active_services_by_category())


def _line_form(service: Service, stay: Stay):
    availability = availability_during_stay(service, stay)
    slots = availability if service.kind == Kind.ACTIVITY else ()
    return make_line_form(service, stay, slots), availability


@bp.route("/book/<reference>/<slug>", methods=["GET", "POST"])
@staff_required(*OPERATIONS)
def book_service(reference: str, slug: str):
    """Book one service for the guest with the same form and rules as the guest's."""
    stay = stay_or_404(reference)
    service = catalogue.find_service(slug)
    if service is None:
        abort(404)
    form, availability = _line_form(service, stay)
    status = 200
    voucher = request.form.get("voucher", "")[:64].strip()
    voucher_error = text_problem(voucher) if voucher else None
    if form.validate_on_submit() and not voucher_error:
        try:
            booking = create_booking(stay, [form_to_request(form, service)], current_user,
                                     confirm_now=request.form.get("confirm_now") == "y",
                                     voucher_code=voucher)
        except DomainError as error:
            if error.field == "voucher":
                voucher_error = error.message
            else:
                form.form_errors.append(error.message)
        else:
            flash(_("Booked %(service)s for room %(room)s (booking %(reference)s).",
                    service=localized(service),
                    room=isolate(stay.room), reference=booking.reference), "success")
            return redirect(url_for("desk.book_choose_service", reference=stay.reference))
        status = 422
    elif form.is_submitted():
        status = 422
    return render_template("desk/booking/service.html", stay=stay, service=service, form=form,
                           availability=availability, voucher_error=voucher_error), status

