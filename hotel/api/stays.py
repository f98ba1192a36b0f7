"""Stays pushed by the property-management system: create, or update with the party."""

from flask import g

from hotel.api import bp, schemas, serialize
from hotel.api.tokens import staff_required
from hotel.models import Role
from hotel.services.stays import save_stay

DESK_ROLES = (Role.RECEPTION, Role.MANAGER)


@bp.post("/stays")
@staff_required(*DESK_ROLES)
def create_stay():
    """Create a stay with its party; a reference already in use is refused."""
    stay = save_stay(schemas.stay_body(), g.api_staff)
    return serialize.stay_json(stay), 201


@bp.put("/stays/<reference>")
@staff_required(*DESK_ROLES)
def update_stay(reference: str):
    """Update the stay with this reference, and its party."""
    data = schemas.stay_body()
    data.setdefault("reference", reference)  # the path names the stay; a body may rename it
    stay = save_stay(data, g.api_staff, reference=reference)
    return serialize.stay_json(stay), 200
