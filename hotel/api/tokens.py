"""Bearer tokens for the API: signed, expiring, and checked against the database."""

import hashlib
from datetime import datetime, timedelta
from functools import wraps

from flask import current_app, g, request
from flask_babel import gettext as _
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import bindparam, select

from hotel.extensions import db
from hotel.models import Role, StaffUser, Stay
from hotel.models.types import utcnow
from hotel.services.sign_in import stay_session_ends_at
from hotel.web.sessions import WITH_PARTY

# Built once: every request of a guest's app loads its stay so.
_STAY_WITH_PARTY = select(Stay).where(Stay.id == bindparam("stay_id")).options(*WITH_PARTY)

SALT = "hotel.api.token"
STAFF_TOKEN_LIFETIME = timedelta(hours=12)
GUEST, STAFF = "guest", "staff"


class TokenError(Exception):
    """The request carries no valid token (401), or one of the wrong kind or role (403)."""

    def __init__(self, message: str, status: int = 401):
        super().__init__(message)
        self.message = message
        self.status = status


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=SALT)


def _password_stamp(user: StaffUser) -> str:
    # A new password makes the tokens issued before it worthless.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def _issue(payload: dict, expires_at: datetime) -> tuple[str, datetime]:
    payload["exp"] = int(expires_at.timestamp())
    return _serializer().dumps(payload), expires_at


def issue_guest_token(stay: Stay) -> tuple[str, datetime]:
    """Return a token for a guest's stay, and when it expires (the end of the stay)."""
    return _issue({"kind": GUEST, "id": stay.id}, stay_session_ends_at(stay))


def issue_staff_token(user: StaffUser) -> tuple[str, datetime]:
    """Return a token for a member of staff, and when it expires (in 12 hours)."""
    return _issue({"kind": STAFF, "id": user.id, "pw": _password_stamp(user)},
                  utcnow() + STAFF_TOKEN_LIFETIME)


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _load(payload) -> Stay | StaffUser | None:
    if not isinstance(payload, dict):
        return None
    kind, number, expires = payload.get("kind"), payload.get("id"), payload.get("exp")
    if not isinstance(number, int) or not isinstance(expires, int):
        return None
    if expires <= utcnow().timestamp():
        return None
    if kind == GUEST:
        stay = db.session.scalars(_STAY_WITH_PARTY, {"stay_id": number}).unique().first()
        # The stay may have been shortened since the token was issued.
        if stay is None or stay_session_ends_at(stay) <= utcnow():
            return None
        return stay
    if kind == STAFF:
        user = db.session.get(StaffUser, number)
        if user is None or not user.active or payload.get("pw") != _password_stamp(user):
            return None
        return user
    return None


def current_actor() -> Stay | StaffUser:
    """Return the stay or staff member the request's token stands for.

    :raises TokenError: there is no token, or it is forged, expired or revoked.
    """
    token = _bearer_token()
    if token is None:
        raise TokenError(_("Please sign in first: send your token as "
                           "\"Authorization: Bearer <token>\"."))
    try:
        payload = _serializer().loads(token)
    except BadData:
        payload = None
    actor = _load(payload)
    if actor is None:
        raise TokenError(_("Your sign-in is not valid or has expired. Please sign in again."))
    return actor


def guest_required(view):
    """Let the view run only for a guest's token; the stay is put on ``g.api_stay``."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        actor = current_actor()
        if not isinstance(actor, Stay):
            raise TokenError(_("Only guests can do this."), 403)
        g.api_stay = actor
        return view(*args, **kwargs)

    return wrapped


def staff_required(*roles: Role):
    """Let the view run only for staff with one of the roles; the user is on ``g.api_staff``."""

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            actor = current_actor()
            if not isinstance(actor, StaffUser) or (roles and actor.role not in roles):
                raise TokenError(_("You are not allowed to do this."), 403)
            g.api_staff = actor
            return view(*args, **kwargs)

        return wrapped

    return decorate
