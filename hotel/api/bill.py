"""A stay's bill: the guest's own, and any stay's for the desk and the property-management
system."""

from flask import g
from flask_babel import gettext as _
from sqlalchemy import select

from hotel.api import bp, serialize
from hotel.api.tokens import guest_required, staff_required
from hotel.extensions import db
from hotel.i18n import text_locales
from hotel.models import Role, Stay
from hotel.services.bill import bill_of_stay
from hotel.services.errors import NotFound
from hotel.services.stays import REFERENCE_PATTERN


@bp.get("/bill")
@guest_required
def guest_bill():
    """Show the bill of the signed-in guest's stay."""
    return serialize.bill_json(bill_of_stay(g.api_stay, text_locales()))


@bp.get("/stays/<reference>/bill")
@staff_required(Role.RECEPTION, Role.MANAGER)
def stay_bill(reference: str):
    """Show the bill of the stay with this reference."""
    stay = None
    if REFERENCE_PATTERN.fullmatch(reference):
        stay = db.session.scalar(select(Stay).where(Stay.reference == reference))
    if stay is None:
        raise NotFound(_("There is no stay with this booking reference."))
    return serialize.bill_json(bill_of_stay(stay, text_locales()))
