"""Personal links the hotel sends a guest: sign in without typing, rebook, unsubscribe.

Each link carries a value signed with the application's secret key, for one stay only,
so that changing any character of it, or using it for another stay, gets nothing. The
sign-in and rebook links end with the stay; the unsubscribe link never does, since a
guest may want to stop offers after leaving.
"""

from datetime import datetime
from urllib.parse import urlsplit

from flask import current_app
from itsdangerous import BadData, URLSafeSerializer

from hotel.extensions import db
from hotel.models import Slot, Stay
from hotel.models.types import utcnow
from hotel.services.sign_in import stay_session_ends_at

SIGN_IN, REBOOK, UNSUBSCRIBE, WAITLIST = "sign-in", "rebook", "unsubscribe", "waitlist"


def _serializer(purpose: str) -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=f"hotel.link.{purpose}")


def public_url(endpoint: str, **values) -> str:
    """Return the full address of a page as guests reach it (PUBLIC_URL)."""
    base = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/",
                                       url_scheme=base.scheme or "https")
    return adapter.build(endpoint, values, force_external=True)


def _token(purpose: str, stay: Stay, *extra: int) -> str:
    return _serializer(purpose).dumps([stay.id, stay.reference, *extra])


def _read(purpose: str, token: str, now: datetime | None, lasts: bool) -> tuple[Stay, list]:
    """Return the stay a token was made for and the values it carries.

    :raises LookupError: the token is altered, of another kind, its stay is gone or
        (for a link that ends with the stay) the stay has ended.
    """
    try:
        values = _serializer(purpose).loads(token)
    except BadData:
        raise LookupError(token) from None
    if not isinstance(values, list) or len(values) < 2 or not isinstance(values[0], int):
        raise LookupError(token)
    stay = db.session.get(Stay, values[0])
    if stay is None or stay.reference != values[1]:
        raise LookupError(token)
    if not lasts and stay_session_ends_at(stay) <= (now or utcnow()):
        raise LookupError(token)
    return stay, values[2:]


def sign_in_url(stay: Stay) -> str:
    """Return the link that signs the guest in to their stay, until the stay ends."""
    return public_url("guest.sign_in_link", token=_token(SIGN_IN, stay))


def stay_of_sign_in_link(token: str, now: datetime | None = None) -> Stay:
    """:raises LookupError: the link signs nobody in."""
    return _read(SIGN_IN, token, now, lasts=False)[0]


def rebook_url(stay: Stay, item_id: int, slot: Slot) -> str:
    """Return the link that books the slot instead of the cancelled item, for that stay."""
    return public_url("guest.rebook", token=_token(REBOOK, stay, item_id, slot.id))


def read_rebook_link(token: str, now: datetime | None = None) -> tuple[Stay, int, int]:
    """Return the stay, the cancelled item's id and the slot's id of a rebook link.

    :raises LookupError: the link is not valid (any more).
    """
    stay, values = _read(REBOOK, token, now, lasts=False)
    if len(values) != 2 or not all(isinstance(value, int) for value in values):
        raise LookupError(token)
    return stay, values[0], values[1]


def unsubscribe_url(stay: Stay) -> str:
    """Return the one-click link that stops offers to the stay."""
    return public_url("guest.unsubscribe", token=_token(UNSUBSCRIBE, stay))


def stay_of_unsubscribe_link(token: str) -> Stay:
    """:raises LookupError: the link is not one of ours."""
    return _read(UNSUBSCRIBE, token, None, lasts=True)[0]


def waitlist_offer_url(stay: Stay, entry_id: int) -> str:
    """Return the link to a waiting-list offer of the stay, to accept or decline it."""
    return public_url("guest.waitlist_offer", token=_token(WAITLIST, stay, entry_id))


def read_waitlist_offer_link(token: str, now: datetime | None = None) -> tuple[Stay, int]:
    """Return the stay and the entry's id of a waiting-list offer link.

    :raises LookupError: the link is not valid (any more).
    """
    stay, values = _read(WAITLIST, token, now, lasts=False)
    if len(values) != 1 or not isinstance(values[0], int):
        raise LookupError(token)
    return stay, values[0]
