"""Routes of the guests' side."""

from flask import abort, render_template

from hotel.guest import bp
from hotel.services import catalog


@bp.get("/")
def home():
    """Show the packages and every service, by category."""
    return render_template(
        "guest/home.html",
        packages=catalog.active_packages(),
        services_by_category=catalog.active_services_by_category(),
    )


@bp.get("/packages/<slug>")
def package(slug: str):
    """Show one package with the services it includes."""
    found = catalog.find_package(slug)
    if found is None:
        abort(404)
    return render_template("guest/package.html", package=found)


@bp.get("/services/<slug>")
def service(slug: str):
    """Show one service: description, prices, age limits."""
    found = catalog.find_service(slug)
    if found is None:
        abort(404)
    return render_template("guest/service.html", service=found)
