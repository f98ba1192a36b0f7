"""Signing guests in with their booking reference or room and last name, with throttling."""

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select
from werkzeug.security import check_password_hash, generate_password_hash

from hotel.clock import day_starts_at, hotel_today
from hotel.extensions import db
from hotel.models import SignInFailure, StaffUser, Stay, fold_name
from hotel.models.types import utcnow
from hotel.services.errors import DomainError

WINDOW = timedelta(hours=1)
# Failures allowed per hour: from one client, and against one stay or username.
CLIENT_LIMIT = 20
ACCOUNT_LIMIT = 10


class Throttled(DomainError):
    """Too many failed attempts; try again later."""

    code = "throttled"
    status = 429


def failures_since(keys: list[str], since: datetime) -> dict[str, int]:
    """Return the number of failures per key since a moment (one query)."""
    rows = db.session.execute(
        select(SignInFailure.key, func.count())
        .where(SignInFailure.key.in_(keys), SignInFailure.created_at >= since)
        .group_by(SignInFailure.key)
    )
    return dict(rows.all())


def check_not_throttled(client_key: str, account_key: str | None = None) -> None:
    """:raises Throttled: the client, or the stay or account, failed too often lately."""
    keys = [client_key] + ([account_key] if account_key else [])
    counts = failures_since(keys, utcnow() - WINDOW)
    if counts.get(client_key, 0) >= CLIENT_LIMIT or (
        account_key and counts.get(account_key, 0) >= ACCOUNT_LIMIT
    ):
        raise Throttled(_("Too many attempts. Please wait a while and try again, "
                          "or ask reception for help."))


def record_failure(*keys: str) -> None:
    """Count a failed attempt against each key, and forget failures older than a day."""
    now = utcnow()
    db.session.execute(delete(SignInFailure).where(SignInFailure.created_at < now - 24 * WINDOW))
    db.session.add_all(SignInFailure(key=key, created_at=now) for key in keys if key)
    db.session.commit()


def find_stay(identifier: str, last_name: str | None = None) -> Stay | None:
    """Return the current or next stay with this booking reference or room number.

    A room can have two such stays (on changeover day, or a guest booked for later):
    given ``last_name``, the stay of the lead guest with that name is preferred.
    """
    identifier = identifier.strip()
    if not identifier:
        return None
    query = (
        select(Stay)
        .where(or_(func.upper(Stay.reference) == identifier.upper(), Stay.room == identifier))
        .where(Stay.departure_on >= hotel_today())
        .order_by(Stay.arrival_on, Stay.id)
    )
    stays = db.session.scalars(query).all()
    if last_name is not None:
        key = fold_name(last_name)
        named = [stay for stay in stays if stay.last_name_key == key]
        stays = named or stays
    return stays[0] if stays else None


def sign_in_guest(identifier: str, last_name: str, client: str) -> Stay:
    """Return the stay whose reference (or room) and lead guest's last name match.

    The name is compared without regard to case or accents.

    :raises Throttled: too many failures from this client or for this stay.
    :raises DomainError: no current stay matches.
    """
    client_key = f"guest-client:{client}"
    check_not_throttled(client_key)
    stay = find_stay(identifier, last_name)
    account_key = f"stay:{stay.id}" if stay is not None else None
    if account_key:
        check_not_throttled(client_key, account_key)
    if stay is None or stay.last_name_key != fold_name(last_name):
        record_failure(client_key, account_key)
        raise DomainError(_("We could not find a current stay with these details. Please "
                            "check your booking reference or room number and last name."))
    return stay


def stay_session_ends_at(stay: Stay) -> datetime:
    """Return when a guest's session ends: the end of the departure day at the hotel."""
    return day_starts_at(stay.departure_on + timedelta(days=1))


# Checked when the username is unknown, so that a wrong username takes as long as a
# wrong password and does not tell which usernames exist.
_NO_PASSWORD_HASH = generate_password_hash("no account has this password")


def sign_in_staff(username: str, password: str, client: str) -> StaffUser:
    """Return the active member of staff with this username and password.

    :raises Throttled: too many failures from this client or for this username.
    :raises DomainError: the username or password is wrong, or the account is inactive.
    """
    username = (username or "").strip().lower()
    client_key, account_key = f"staff-client:{client}", f"staff:{username}"
    check_not_throttled(client_key, account_key)
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == username))
    valid = (user.check_password(password) if user is not None
             else check_password_hash(_NO_PASSWORD_HASH, password))
    if user is None or not valid or not user.active:
        record_failure(client_key, account_key)
        raise DomainError(_("The username or password is not right."), "password")
    return user
