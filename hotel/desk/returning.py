"""Desk link from a returning guest's stay to their earlier stay."""

from flask import abort, redirect, url_for

from hotel.desk import bp
from hotel.desk.roles import OPERATIONS, staff_required
from hotel.desk.stays import stay_or_404
from hotel.extensions import db
from hotel.models import Stay


@bp.get("/stays/<reference>/earlier")
@staff_required(*OPERATIONS)
def earlier_stay(reference: str):
    """Open the earlier stay of the returning guest of a stay."""
    stay = stay_or_404(reference)
    earlier = (db.session.get(Stay, stay.previous_stay_id)
               if stay.previous_stay_id is not None else None)
    if earlier is None:
        abort(404)
    return redirect(url_for("desk.stay_detail", reference=earlier.reference))
