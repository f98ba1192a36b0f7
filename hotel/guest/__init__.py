"""What guests see: the catalogue, and (signed in) their bookings."""

from flask import Blueprint

bp = Blueprint("guest", __name__)


@bp.app_context_processor
def guest_globals():
    """Let every page show the signed-in guest's basket size."""
    return {"basket_count": basket.count}

from hotel.guest import basket, booking, help, ratings, routes  # noqa: E402,F401,A004  (routes attach to bp)
