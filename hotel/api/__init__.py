"""The JSON API under /api/v1: the services the pages use, for apps and the hotel's PMS."""

from flask import Blueprint, Flask, Request, Response
from flask.sessions import SessionInterface

from hotel.api.tokens import TokenError
from hotel.extensions import csrf
from hotel.models import REQUEST_FIELDS
from hotel.services.errors import DomainError

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# Callers identify themselves with a bearer token, never a cookie, so there is nothing
# for a cross-site request to ride on.
csrf.exempt(bp)

def error_body(code: str, message: str, **extra) -> dict:
    """Return the JSON body of an API error."""
    return {"error": code, "message": message, **extra}


def field_name(field: str) -> str:
    """Return the JSON member a service's field name stands for."""
    return f"details.{field}" if field in REQUEST_FIELDS else field


class NoSessionForApi(SessionInterface):
    """Wraps the app's session interface: API requests get an empty, read-only session.

    So no cookie is read, written or sent by the API, and a guest signed in to the pages
    in the same browser is not signed in to the API.
    """

    def __init__(self, inner: SessionInterface):
        self.inner = inner

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def open_session(self, app: Flask, request: Request):
        if request.path.startswith(bp.url_prefix + "/"):
            return self.make_null_session(app)
        return self.inner.open_session(app, request)

    def save_session(self, app: Flask, session, response: Response) -> None:
        self.inner.save_session(app, session, response)


@bp.record_once
def keep_api_sessionless(state) -> None:
    """Install the session interface that leaves API requests without a session."""
    state.app.session_interface = NoSessionForApi(state.app.session_interface)


@bp.errorhandler(DomainError)
def domain_error(error: DomainError):
    """Answer a broken rule with its status, and the field at fault when a value was wrong."""
    extra = {}
    if error.code == "invalid":
        extra["fields"] = {field_name(error.field): error.message} if error.field else {}
    if error.item is not None:
        extra["item"] = error.item
    return error_body(error.code, error.message, **extra), error.status


@bp.errorhandler(TokenError)
def token_error(error: TokenError):
    """Answer a request without a valid token (401) or with the wrong one (403)."""
    if error.status == 401:
        headers = {"WWW-Authenticate": "Bearer"}
        return error_body("unauthorized", error.message), 401, headers
    return error_body("forbidden", error.message), error.status


from hotel.api import auth, bill, bookings, catalogue, messages, openapi, stays, waitlist  # noqa: E402,F401,I001
