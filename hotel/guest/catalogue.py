"""The catalogue as guests see it: packages, services and what is free during the stay."""

from flask import abort, g, render_template

from hotel.guest import bp
from hotel.models import Kind
from hotel.services import catalogue, returning
from hotel.services.availability import availability_during_stay
from hotel.web.booking_forms import make_line_form


@bp.get("/")
def home():
    """Show the packages and every service, by category; offer a returning guest's favourites."""
    stay = g.get("stay")
    return render_template(
        "guest/home.html",
        packages=catalogue.active_packages(),
        services_by_category=catalogue.active_services_by_category(),
        suggestions=returning.suggestions_for(stay) if stay is not None else [],
    )


@bp.get("/packages/<slug>")
def package(slug: str):
    """Show one package with the services it includes."""
    found = catalogue.find_package(slug)
    if found is None:
        abort(404)
    return render_template("guest/package.html", package=found)


@bp.get("/services/<slug>")
def service(slug: str):
    """Show one service: description, prices, age limits, and for guests what is free."""
    found = catalogue.find_service(slug)
    if found is None:
        abort(404)
    stay = g.get("stay")
    availability = availability_during_stay(found, stay)
    form = None
    if stay is not None:
        slots = availability if found.kind == Kind.ACTIVITY else ()
        form = make_line_form(found, stay, slots)
    return render_template("guest/service.html", service=found, availability=availability,
                           form=form, stay=stay)
