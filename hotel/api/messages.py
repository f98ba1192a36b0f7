"""What the hotel wrote to a stay: for the guest's app, and for the hotel's own systems."""

from flask import g
from flask_babel import gettext as _
from sqlalchemy import select

from hotel.api import bp, serialize
from hotel.api.stays import DESK_ROLES
from hotel.api.tokens import guest_required, staff_required
from hotel.extensions import db
from hotel.models import Stay
from hotel.services.errors import NotFound
from hotel.services.messages import messages_of_stay
from hotel.services.stays import REFERENCE_PATTERN


@bp.get("/messages")
@guest_required
def list_messages():
    """List the messages the hotel wrote to the signed-in guest, newest first."""
    return {"messages": [serialize.message_json(m) for m in messages_of_stay(g.api_stay.id)]}


@bp.get("/stays/<reference>/messages")
@staff_required(*DESK_ROLES)
def list_stay_messages(reference: str):
    """List the messages of a stay, newest first, with how each was delivered."""
    stay = None
    if REFERENCE_PATTERN.fullmatch(reference):
        stay = db.session.scalar(select(Stay).where(Stay.reference == reference))
    if stay is None:
        raise NotFound(_("There is no stay with this booking reference."))
    return {"messages": [serialize.message_json(m, delivery=True)
                         for m in messages_of_stay(stay.id)]}
