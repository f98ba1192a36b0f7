"""Pictures of services and packages, at addresses that never change what they show."""

from flask import Response, abort, url_for

from hotel.guest import bp
from hotel.services.photos import SVG, photo_of

A_YEAR = 365 * 24 * 3600
# Our drawings are SVG: they may draw, never run or fetch anything.
DRAWING_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


@bp.get("/photos/<key>/<size>")
def photo(key: str, size: str):
    """Send one size of a picture, to be kept by browsers and proxies for a year."""
    found = photo_of(key, size) or abort(404)
    response = Response(found.data, mimetype=found.content_type)
    response.headers["Cache-Control"] = f"public, max-age={A_YEAR}, immutable"
    response.set_etag(f"{key}-{size}")
    if found.content_type == SVG:
        response.headers["Content-Security-Policy"] = DRAWING_POLICY
    return response


def photo_url(owner, size: str = "card") -> str | None:
    """Return the address of a service's or package's picture in a size, or None."""
    if owner.photo_key is None:
        return None
    return url_for("guest.photo", key=owner.photo_key, size=size)
