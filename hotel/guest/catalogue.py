"""The catalogue as guests see it: packages, services and what is free during the stay.

What every guest sees alike is rendered once per language and catalogue version and kept
(hotel/web/catalogue_cache.py); the stay's own part of a page is made for each request.
"""

from dataclasses import dataclass

from flask import abort, g, render_template, request
from markupsafe import Markup

from hotel.guest import bp
from hotel.i18n import localized, text_locales
from hotel.models import Kind
from hotel.services import catalogue, returning
from hotel.services.availability import availability_during_stay
from hotel.web.booking_forms import make_line_form
from hotel.web.catalogue_cache import cached
from hotel.web.day_strip import day_strip


@dataclass(frozen=True)
class ServiceFacts:
    """What every guest sees of a service: its name, its description, prices and terms."""

    title: str
    intro: Markup
    terms: Markup


def _render_catalogue() -> Markup:
    locales = text_locales()
    return Markup(render_template(  # noqa: S704 - a template rendered with autoescape
        "guest/_catalogue.html", packages=catalogue.active_packages(locales),
        services_by_category=catalogue.active_services_by_category(
            locales, bands=False, department=False)))


def _render_service_facts(slug: str) -> ServiceFacts | None:
    found = catalogue.find_service(slug, text_locales())
    if found is None:
        return None
    return ServiceFacts(
        title=localized(found),
        intro=Markup(render_template("guest/_service_intro.html", service=found)),  # noqa: S704
        terms=Markup(render_template("guest/_service_facts.html", service=found)),  # noqa: S704
    )


def service_facts(slug: str) -> ServiceFacts | None:
    """Return a service's facts for the reader's language, or None if it is not offered."""
    return cached("service", slug, render=lambda: _render_service_facts(slug))


@bp.get("/")
def home():
    """Show the packages and every service, by category; offer a returning guest's favourites."""
    stay = g.get("stay")
    return render_template(
        "guest/home.html",
        catalogue_html=cached("home", render=_render_catalogue),
        suggestions=returning.suggestions_for(stay, text_locales()) if stay is not None else [],
    )


@bp.get("/packages/<slug>")
def package(slug: str):
    """Show one package with the services it includes."""
    found = catalogue.find_package(slug, text_locales())
    if found is None:
        abort(404)
    return render_template("guest/package.html", package=found)


@bp.get("/services/<slug>")
def service(slug: str):
    """Show one service: description, prices, age limits, and for guests what is free."""
    facts = service_facts(slug) or abort(404)
    stay = g.get("stay")
    found = availability = form = strip = None
    if stay is not None:
        found = catalogue.find_service(slug, texts=False) or abort(404)
        availability = availability_during_stay(found, stay)
        slots = availability if found.kind == Kind.ACTIVITY else ()
        form = make_line_form(found, stay, slots)
        if found.kind == Kind.ACTIVITY:
            strip = day_strip(stay, availability, request.args.get("day"))
    return render_template("guest/service.html", facts=facts, service=found,
                           availability=availability, form=form, stay=stay, strip=strip)
