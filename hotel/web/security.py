"""Security headers sent with every response, and no-store for what is personal."""

from flask import Flask, Response, abort, g, request, session
from flask_login import current_user
from werkzeug.routing import IntegerConverter

from hotel.services.plain_text import is_control

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'"
)
EXPORT_TYPES = ("text/csv", "text/calendar")


def is_personal(response: Response) -> bool:
    """Tell whether a response is for one signed-in person, or a file to download.

    Such responses must not stay in the browser's cache (a shared computer at the hotel)
    or a proxy's, where the next person could read them.
    """
    if response.mimetype in EXPORT_TYPES or response.headers.get(
            "Content-Disposition", "").startswith("attachment"):
        return True
    if request.path.startswith("/api/"):  # no cookie there: a token, or signing in for one
        return request.path.startswith("/api/v1/auth/") or "Authorization" in request.headers
    if request.endpoint in ("static", "guest.photo"):  # the same for everyone
        return False
    return (g.get("stay") is not None or "stay_id" in session
            or current_user.is_authenticated)


LARGEST_ID = 2**31 - 1  # the largest id an integer column holds on PostgreSQL


class IdConverter(IntegerConverter):
    """``<int:...>`` in an address: a number no id column can hold does not match, so it
    is a 404, never a query the database refuses."""

    def __init__(self, map, fixed_digits=0, min=None, max=LARGEST_ID, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def init_app(app: Flask) -> None:
    """Add the security headers to every response of the app; refuse addresses with
    control characters in their variable parts, or numbers too large to be an id."""
    app.url_map.converters["int"] = IdConverter

    @app.url_value_preprocessor
    def refuse_control_characters(endpoint, values) -> None:
        """Answer 404 for an address whose variable part holds a control character: no
        booking reference, slug or number has one, and PostgreSQL refuses a NUL."""
        if any(isinstance(value, str) and any(map(is_control, value))
               for value in (values or {}).values()):
            abort(404)

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        """Add the security headers, and keep personal responses out of every cache."""
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        if app.config.get("HSTS"):
            headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        if is_personal(response):
            headers["Cache-Control"] = "no-store"
        return response
