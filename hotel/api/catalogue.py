"""The public catalogue: services in the reader's language, and what is still free."""

from flask import request
from flask_babel import gettext as _

from hotel.api import bp, schemas, serialize
from hotel.models import Kind
from hotel.models.types import utcnow
from hotel.services import availability, catalogue
from hotel.services.errors import NotFound


@bp.get("/services")
def list_services():
    """List every active service, in display order, in the language of ?lang= or the browser."""
    grouped = catalogue.active_services_by_category()
    return {"services": [serialize.service_json(service)
                         for services in grouped.values() for service in services]}


@bp.get("/services/<slug>/availability")
def service_availability(slug: str):
    """Show the places per slot, units per day, or whether a request can be made."""
    service = catalogue.find_service(slug) if schemas.is_slug(slug) else None
    if service is None:
        raise NotFound(_("We do not offer this service."))
    first, last = schemas.date_range(request.args)
    if service.kind == Kind.ACTIVITY:
        slots = availability.slot_availability(service, first, last, after=utcnow())
        return {"slots": [serialize.slot_json(slot) for slot in slots]}
    if service.kind == Kind.RENTAL:
        days = availability.rental_availability(service, first, last)
        return {"days": [serialize.day_json(day) for day in days]}
    return {"requestable": availability.can_request(service)}
