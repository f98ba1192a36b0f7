"""API sign-in: guests with booking reference (or room) and last name, staff with a password."""

from flask import request

from hotel.api import bp, schemas
from hotel.api.tokens import TokenError, issue_guest_token, issue_staff_token
from hotel.services.errors import DomainError
from hotel.services.sign_in import sign_in_guest, sign_in_staff


def _client() -> str:
    return request.remote_addr or "unknown"


def _token_json(token_and_expiry) -> dict:
    token, expires_at = token_and_expiry
    return {"token": token, "expires_at": expires_at.isoformat()}


def _refused(error: DomainError) -> Exception:
    """Turn a sign-in refusal into a 401; being throttled stays a 429, a busy database 503."""
    if error.code != "invalid":
        return error
    return TokenError(error.message)


@bp.post("/auth/guest")
def sign_in_guest_token():
    """Give a guest a token for their stay, found by booking reference or room and last name."""
    reference, last_name = schemas.credentials(schemas.json_object(), "reference", "last_name")
    try:
        stay = sign_in_guest(reference, last_name, _client())
    except DomainError as error:
        raise _refused(error) from None
    return _token_json(issue_guest_token(stay))


@bp.post("/auth/staff")
def sign_in_staff_token():
    """Give an active member of staff a token for 12 hours."""
    username, password = schemas.credentials(schemas.json_object(), "username", "password")
    try:
        user = sign_in_staff(username, password, _client())
    except DomainError as error:
        raise _refused(error) from None
    return _token_json(issue_staff_token(user))
