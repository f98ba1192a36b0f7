"""Booking for a guest who phones or walks up: what fits the party, the guest's own forms
with staff as the actor, and a basket per stay to book several services or a package at
once, priced before it is confirmed."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hotel.desk import bp
from hotel.desk.forms.booking import BasketForm, BookingSearchForm, ServiceSearchForm
from hotel.desk.roles import OPERATIONS, staff_required
from hotel.desk.stays import stay_or_404
from hotel.guest import basket
from hotel.i18n import localized
from hotel.models import Kind, Service, Stay, fold_name
from hotel.models.types import ZERO, utcnow
from hotel.services import catalogue
from hotel.services.availability import availability_during_stay
from hotel.services.bookings import check_package, create_booking, create_bookings
from hotel.services.errors import DomainError
from hotel.services.plain_text import isolate, text_problem
from hotel.services.rules import check_line, fits_party
from hotel.services.stays import find_stays
from hotel.web.booking_forms import form_to_request, make_line_form, make_package_forms
from hotel.web.forms import first_error


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


def _matches(name: str, text: str) -> bool:
    """Tell whether a name holds the searched text, whatever the case and accents."""
    return not text or fold_name(text) in fold_name(name)


def basket_key(stay: Stay) -> str:
    """Return the session key of the basket reception fills for a stay."""
    return f"desk-basket:{stay.reference}"


@bp.get("/book/<reference>")
@staff_required(*OPERATIONS)
def book_choose_service(reference: str):
    """List the packages and the services that fit the stay's party, searchable by name."""
    stay = stay_or_404(reference)
    form = ServiceSearchForm(request.args)
    text = (form.q.data or "") if form.validate() else ""
    show_all = form.everything.data
    services = [service for services in catalogue.active_services_by_category().values()
                for service in services if _matches(localized(service), text)]
    fitting = [service for service in services if fits_party(service, stay)]
    packages = [package for package in catalogue.active_packages()
                if _matches(localized(package), text)]
    return render_template("desk/booking/services.html", stay=stay, form=form, q=text,
                           services=services if show_all else fitting, packages=packages,
                           hidden=len(services) - len(fitting), show_all=show_all,
                           in_basket=basket.count(basket_key(stay)))


def _line_form(service: Service, stay: Stay):
    availability = availability_during_stay(service, stay)
    slots = availability if service.kind == Kind.ACTIVITY else ()
    return make_line_form(service, stay, slots), availability


@bp.route("/book/<reference>/<slug>", methods=["GET", "POST"])
@staff_required(*OPERATIONS)
def book_service(reference: str, slug: str):
    """Book one service for the guest with the same form and rules as the guest's, or put
    it in the stay's basket."""
    stay = stay_or_404(reference)
    service = catalogue.find_service(slug)
    if service is None:
        abort(404)
    form, availability = _line_form(service, stay)
    status = 200
    voucher = request.form.get("voucher", "")[:64].strip()
    voucher_error = text_problem(voucher) if voucher else None
    if form.validate_on_submit() and not voucher_error:
        line = form_to_request(form, service)
        try:
            if request.form.get("to_basket"):
                check_line(stay, line, utcnow())
                return _put_in_basket(stay, [line])
            booking = create_booking(stay, [line], current_user,
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
                           availability=availability, voucher_error=voucher_error,
                           in_basket=basket.count(basket_key(stay))), status


def _put_in_basket(stay: Stay, lines, package=None):
    if not basket.add_lines(lines, basket_key(stay), package):
        flash(_("The basket is full. Please book what is in it first."), "error")
    else:
        flash(_("Added to the basket."), "success")
    return redirect(url_for("desk.booking_basket", reference=stay.reference), 303)


@bp.route("/book/<reference>/packages/<slug>", methods=["GET", "POST"])
@staff_required(*OPERATIONS)
def book_package_for_guest(reference: str, slug: str):
    """Choose the package's services and their days or times, and put them in the basket."""
    stay = stay_or_404(reference)
    package = catalogue.find_package(slug)
    if package is None:
        abort(404)
    form = BasketForm()
    lines = make_package_forms(package, stay,
                               lambda service: availability_during_stay(service, stay))
    status = 200
    if form.validate_on_submit():
        chosen = [(service, sub) for service, sub, _days in lines if sub.include.data]
        valid = all([sub.validate() for _service, sub in chosen])  # show every error
        if valid:
            requests = [form_to_request(sub, service) for service, sub in chosen]
            try:
                _check_package_lines(stay, package, requests)
            except DomainError as error:
                target = chosen[error.item][1] if error.item is not None else form
                target.form_errors.append(error.message)
            else:
                return _put_in_basket(stay, requests, package)
        status = 422
    return render_template("desk/booking/package.html", stay=stay, package=package, form=form,
                           lines=lines), status


def _check_package_lines(stay: Stay, package, requests) -> None:
    """:raises DomainError: too few of the package's services, or a line breaking a rule."""
    check_package(package, requests)
    now = utcnow()
    for index, line in enumerate(requests):
        try:
            check_line(stay, line, now)
        except DomainError as error:
            raise error.at_item(index) from None


def _packages_by_slug() -> dict:
    return {package.slug: package for package in catalogue.active_packages()}


def render_basket(stay: Stay, form: BasketForm | None = None, status: int = 200):
    """Render the stay's basket with a price per line and the total."""
    lines = basket.priced_lines(stay, basket_key(stay), _packages_by_slug()).lines
    total = sum((line.quote.price for line in lines if line.quote), ZERO)
    discount = sum((line.quote.discount for line in lines if line.quote), ZERO)
    form = form or BasketForm(formdata=None,
                              submission_key=basket.checkout_key(basket_key(stay)))
    return render_template("desk/booking/basket.html", stay=stay, lines=lines, total=total,
                           discount=discount, form=form, remove_form=BasketForm()), status


@bp.get("/book/<reference>/basket")
@staff_required(*OPERATIONS)
def booking_basket(reference: str):
    """Show what reception put in the stay's basket, priced, before it is booked."""
    return render_basket(stay_or_404(reference))


@bp.post("/book/<reference>/basket/<int:index>/remove")
@staff_required(*OPERATIONS)
def remove_from_booking_basket(reference: str, index: int):
    """Take one line out of the stay's basket."""
    stay = stay_or_404(reference)
    if not BasketForm().validate_on_submit():
        abort(400)
    basket.remove_line(index, basket_key(stay))
    return redirect(url_for("desk.booking_basket", reference=stay.reference), 303)


@bp.post("/book/<reference>/basket")
@staff_required(*OPERATIONS)
def book_basket(reference: str):
    """Book the stay's basket at once: a booking per package and one for the rest, all or
    none."""
    stay = stay_or_404(reference)
    form = BasketForm()
    key = basket_key(stay)
    if not form.validate_on_submit():
        form.form_errors.append(first_error(form))
        return render_basket(stay, form, 422)
    packages, groups = _packages_by_slug(), {}
    for slug, line in basket.package_lines(key):
        groups.setdefault(slug if slug in packages else None, []).append(line)
    if not groups:
        flash(_("The basket is empty."), "info")
        return redirect(url_for("desk.booking_basket", reference=stay.reference), 303)
    ordered = [(packages.get(slug), lines) for slug, lines in groups.items()]
    try:
        bookings = create_bookings(stay, ordered, current_user,
                                   submission_key=form.submission_key.data or None,
                                   confirm_now=form.confirm_now.data)
    except DomainError as error:
        requests = [line for _package, lines in ordered for line in lines]
        message = error.message
        if error.item is not None and error.item < len(requests):
            message = _("%(service)s: %(message)s",
                        service=localized(requests[error.item].service), message=message)
        form.form_errors.append(message)
        return render_basket(stay, form, error.status)
    basket.clear(key)
    flash(_("Booked for room %(room)s: %(references)s.", room=isolate(stay.room),
            references=", ".join(booking.reference for booking in bookings)), "success")
    return redirect(url_for("desk.stay_detail", reference=stay.reference), 303)
