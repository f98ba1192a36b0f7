"""Routes of the guests' side: the catalogue and signing in."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from hotel.auth.guests import end_guest_session, start_guest_session
from hotel.auth.safety import safe_next
from hotel.booking_forms import make_line_form
from hotel.guest import bp
from hotel.guest.forms import SignInForm
from hotel.models import Kind
from hotel.models.types import utcnow
from hotel.services import access, catalog, returning
from hotel.services.availability import rental_availability, slot_availability
from hotel.services.errors import DomainError
from hotel.timekeeping import hotel_today


@bp.get("/")
def home():
    """Show the packages and every service, by category; offer a returning guest's favourites."""
    stay = g.get("stay")
    return render_template(
        "guest/home.html",
        packages=catalog.active_packages(),
        services_by_category=catalog.active_services_by_category(),
        suggestions=returning.suggestions_for(stay) if stay is not None else [],
    )


@bp.get("/packages/<slug>")
def package(slug: str):
    """Show one package with the services it includes."""
    found = catalog.find_package(slug)
    if found is None:
        abort(404)
    return render_template("guest/package.html", package=found)


def stay_window(stay):
    """Return the first and last day a signed-in guest can book for."""
    return max(stay.arrival_on, hotel_today()), stay.departure_on


def service_availability(service, stay):
    """Return the slots or days of a service during the guest's stay (None if no stay)."""
    if stay is None or service.kind == Kind.ON_REQUEST:
        return None
    first, last = stay_window(stay)
    if last < first:
        return []
    if service.kind == Kind.ACTIVITY:
        return slot_availability(service, first, last, after=utcnow())
    return rental_availability(service, first, last)


@bp.get("/services/<slug>")
def service(slug: str):
    """Show one service: description, prices, age limits, and for guests what is free."""
    found = catalog.find_service(slug)
    if found is None:
        abort(404)
    stay = g.get("stay")
    availability = service_availability(found, stay)
    form = None
    if stay is not None:
        slots = availability if found.kind == Kind.ACTIVITY else ()
        form = make_line_form(found, stay, slots)
    return render_template("guest/service.html", service=found, availability=availability,
                           form=form, stay=stay)


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Sign a guest in with booking reference or room number and last name."""
    if g.get("stay") is not None:
        return redirect(url_for("guest.my_bookings"))
    form = SignInForm()
    if form.validate_on_submit():
        try:
            stay = access.sign_in_guest(form.identifier.data, form.last_name.data,
                                        request.remote_addr or "unknown")
        except access.Throttled as error:
            flash(error.message, "error")
            return render_template("guest/sign_in.html", form=form), 429
        except DomainError as error:
            form.last_name.errors.append(error.message)
        else:
            start_guest_session(stay)
            flash(_("Welcome, %(name)s.", name=stay.first_name), "success")
            return redirect(safe_next(request.args.get("next"), url_for("guest.home")))
    status = 422 if form.is_submitted() else 200
    return render_template("guest/sign_in.html", form=form), status


@bp.post("/sign-out")
def sign_out():
    """Sign the guest out."""
    end_guest_session()  # CSRFProtect has checked the token already
    flash(_("You have signed out."), "info")
    return redirect(url_for("guest.home"))

