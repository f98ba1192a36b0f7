"""What guests see: the catalogue, and (signed in) their bookings."""

from flask import Blueprint

bp = Blueprint("guest", __name__)

from hotel.guest import routes  # noqa: E402,F401  (routes attach to bp)
