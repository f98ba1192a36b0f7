"""Routes of the guest's booking flow: basket, checkout, confirmation, my bookings."""


from flask import Response, abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from hotel.guest import basket, bp
from hotel.guest.catalogue import service_facts
from hotel.guest.forms import ActionForm, CheckoutForm, VoucherForm
from hotel.i18n import localized, text_locales
from hotel.models import Kind
from hotel.models.types import ZERO, utcnow
from hotel.services import catalogue, vouchers
from hotel.services.availability import availability_during_stay
from hotel.services.bookings import (
    create_booking,
    own_booking,
)
from hotel.services.calendar import booking_calendar
from hotel.services.errors import DomainError
from hotel.services.rules import check_line
from hotel.web.booking_forms import form_to_request, make_line_form, make_package_forms
from hotel.web.day_strip import day_strip
from hotel.web.forms import first_error
from hotel.web.sessions import guest_required


@bp.post("/services/<slug>/add")
@guest_required
def add_to_basket(slug: str):
    """Check a service's form and put the line in the basket."""
    service = catalogue.find_service(slug, texts=False)
    if service is None:
        abort(404)
    availability = availability_during_stay(service, g.stay)
    slots = availability if service.kind == Kind.ACTIVITY else ()
    form = make_line_form(service, g.stay, slots)
    if form.validate_on_submit():
        line = form_to_request(form, service)
        try:
            check_line(g.stay, line, utcnow())
        except DomainError as error:
            _attach_error(form, error)
        else:
            if basket.add_line(line):
                flash(_("Added to your basket."), "success")
                return redirect(url_for("guest.show_basket"))
            flash(_("Your basket is full. Please book what is in it first."), "error")
    strip = (day_strip(g.stay, availability, chosen_slot=form.slot_id.data)
             if service.kind == Kind.ACTIVITY else None)
    return render_template("guest/service.html", facts=service_facts(slug) or abort(404),
                           service=service, availability=availability, form=form,
                           stay=g.stay, strip=strip), 422


def _attach_error(form, error: DomainError) -> None:
    """Show a rule's message next to the field it is about, or above the form."""
    names = {"start_date": "start_date", "end_date": "end_date", "slot_id": "slot_id",
             "participants": "participants", "quantity": "quantity", "starts_at": "date",
             "note": "note"}
    name = names.get(error.field or "") or f"detail_{error.field}"
    if name in form:
        form[name].errors = [*form[name].errors, error.message]
    else:
        form.form_errors.append(error.message)


@bp.get("/basket")
@guest_required
def show_basket():
    """Show the basket with a price per line and the total."""
    return render_basket()


def render_basket(status: int = 200, voucher_form: VoucherForm | None = None):
    """Render the basket with a price per line, the total and a fresh checkout form."""
    priced = basket.priced_lines(g.stay)
    lines = priced.lines
    total = sum((line.quote.price for line in lines if line.quote), ZERO)
    discount = sum((line.quote.discount for line in lines if line.quote), ZERO)
    form = CheckoutForm(formdata=None, submission_key=basket.checkout_key())
    return render_template("guest/basket.html", lines=lines, total=total, discount=discount,
                           form=form, remove_form=ActionForm(), priced=priced,
                           voucher_form=voucher_form or VoucherForm(formdata=None)), status


@bp.post("/basket/voucher")
@guest_required
def apply_voucher():
    """Keep the voucher code the guest entered for the basket, if it is good for it."""
    form = VoucherForm()
    requests = basket.requests()
    if form.validate_on_submit():
        try:
            vouchers.find_voucher(form.code.data, [r.service for r in requests])
        except DomainError as error:
            form.code.errors = [*form.code.errors, error.message]
        else:
            basket.set_voucher_code(form.code.data)
            flash(_("The voucher is applied."), "success")
            return redirect(url_for("guest.show_basket"))
    return render_basket(422, voucher_form=form)


@bp.post("/basket/voucher/remove")
@guest_required
def remove_voucher():
    """Forget the basket's voucher code."""
    if ActionForm().validate_on_submit():
        basket.set_voucher_code(None)
    return redirect(url_for("guest.show_basket"))


@bp.post("/basket/<int:index>/remove")
@guest_required
def remove_from_basket(index: int):
    """Take one line out of the basket."""
    basket.remove_line(index)
    return redirect(url_for("guest.show_basket"))


@bp.post("/basket/checkout")
@guest_required
def checkout():
    """Book everything in the basket at once."""
    form = CheckoutForm()
    requests = basket.requests()
    if not requests:
        flash(_("Your basket is empty."), "info")
        return redirect(url_for("guest.show_basket"))
    if not form.validate_on_submit():
        flash(first_error(form), "error")
        return render_basket(422)
    try:
        booking = create_booking(g.stay, requests, g.stay,
                                 submission_key=form.submission_key.data or None,
                                 voucher_code=basket.voucher_code())
    except DomainError as error:
        flash(_line_message(error, requests), "error")
        return redirect(url_for("guest.show_basket"))
    basket.clear()
    flash(_("Thank you! Your booking is made."), "success")
    return redirect(url_for("guest.confirmation", reference=booking.reference))


def _line_message(error: DomainError, requests) -> str:
    if error.item is None or error.item >= len(requests):
        return error.message
    return _("%(service)s: %(message)s", service=localized(requests[error.item].service),
             message=error.message)


@bp.get("/bookings/<reference>")
@guest_required
def confirmation(reference: str):
    """Show a booking: its reference, items and total."""
    booking = own_booking(g.stay, reference, text_locales()) or abort(404)
    return render_template("guest/confirmation.html", booking=booking)


@bp.get("/bookings/<reference>.ics")
@guest_required
def booking_ics(reference: str):
    """Download a booking's items as calendar events."""
    booking = own_booking(g.stay, reference, text_locales()) or abort(404)
    body = booking_calendar(booking)
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{booking.reference}.ics"'})


def _package_forms(package):
    return make_package_forms(package, g.stay,
                              lambda service: availability_during_stay(service, g.stay))


@bp.route("/packages/<slug>/book", methods=["GET", "POST"])
@guest_required
def book_package(slug: str):
    """Let the guest pick the dates or times of the package's services and book them."""
    package = catalogue.find_package(slug)
    if package is None:
        abort(404)
    form = ActionForm()
    lines = _package_forms(package)
    status = 200
    if form.validate_on_submit():
        chosen = [(service, sub) for service, sub, _days in lines if sub.include.data]
        valid = all([sub.validate() for _service, sub in chosen])  # show every error
        requests = [form_to_request(sub, service) for service, sub in chosen] if valid else []
        if valid:
            try:
                booking = create_booking(g.stay, requests, g.stay, package=package)
            except DomainError as error:
                _package_error(form, chosen, error)
            else:
                flash(_("Thank you! Your package is booked."), "success")
                return redirect(url_for("guest.confirmation", reference=booking.reference))
        status = 422
    return render_template("guest/package_book.html", package=package, form=form,
                           lines=lines), status


def _package_error(form, chosen, error: DomainError) -> None:
    if error.item is not None and error.item < len(chosen):
        _attach_error(chosen[error.item][1], error)
    else:
        form.form_errors.append(error.message)
