"""Signing guests in with their booking reference or room and last name, and staff with a
password, slowed down so that guessing does not pay and no one is locked out by others.

Every attempt is recorded as a failure before its credentials are checked, in a short
write transaction that also counts the failures and refuses the attempt if a limit is
reached; a lock on each counter makes parallel attempts count one after another, so
no more guesses are ever checked than the limits allow. Right credentials then take
the attempt back. Limits count by what was typed, never by what exists, so the
answers tell nothing about which references or usernames are real.
"""

import hashlib
import hmac
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, true
from sqlalchemy.exc import OperationalError
from werkzeug.security import check_password_hash, generate_password_hash

from hotel.clock import day_starts_at, hotel_today
from hotel.database import lock_names, try_lock_name, write_transaction
from hotel.extensions import db
from hotel.models import SignInFailure, StaffUser, Stay, fold_name
from hotel.models.types import utcnow
from hotel.services.errors import DomainError

log = logging.getLogger(__name__)

HOUR = timedelta(hours=1)
MEMORY = timedelta(days=1)  # how long failures are kept, and count towards delays
# One client guessing one reference or username: a few failures are free, then each
# further attempt waits twice as long as the one before (10 an hour, 34 a day at most).
FREE_FAILURES = 5
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = HOUR
# One client trying many references or usernames: at most this many failures an hour.
CLIENT_LIMIT = 20
# One reference or username tried from many clients: past this many failures an hour,
# only clients that have not failed against it yet are still let try.
IDENTIFIER_LIMIT = 10
KEY_LENGTH = 160  # SignInFailure.key


class Throttled(DomainError):
    """Too many failed attempts; try again later."""

    code = "throttled"
    status = 429


class SignInBusy(DomainError):
    """The attempt could not be counted because the database was busy; try again."""

    code = "busy"
    status = 503


@dataclass(frozen=True)
class AttemptKeys:
    """The counters an attempt is counted on: its pair, its client and its identifier."""

    pair: str
    client: str
    identifier: str

    @classmethod
    def of(cls, kind: str, identifier: str, client: str) -> "AttemptKeys":
        """Return the keys of an attempt of a kind ("guest" or "staff")."""
        return cls(pair=_key(f"{kind}-pair", client, identifier),
                   client=_key(f"{kind}-client", client),
                   identifier=_key(f"{kind}-id", identifier))

    @property
    def all(self) -> tuple[str, str, str]:
        """Return the three keys."""
        return (self.pair, self.client, self.identifier)


def _key(prefix: str, *parts: str) -> str:
    """Return a counter's key; one too long for the column becomes a hash of itself."""
    key = ":".join((prefix, "|".join(parts)))
    if len(key) <= KEY_LENGTH:
        return key
    return f"{prefix}:#{hashlib.sha256(key.encode()).hexdigest()}"


@dataclass
class Attempt:
    """An attempt being checked: recorded as a failure until its credentials prove right."""

    keys: AttemptKeys
    failure_ids: list[int]


@dataclass(frozen=True)
class Tally:
    """The failures recorded before an attempt, on each of its counters."""

    pair_today: int
    pair_last_at: datetime | None
    pair_this_hour: int
    client_this_hour: int
    identifier_this_hour: int


def tally(keys: AttemptKeys, now: datetime, leave_out: list[int] = ()) -> Tally:
    """Count the failures on an attempt's keys, leaving out the given ones (one query)."""
    earlier = SignInFailure.id.not_in(leave_out) if leave_out else true()
    this_hour = SignInFailure.created_at >= now - HOUR
    rows = db.session.execute(
        select(SignInFailure.key, func.count().filter(earlier),
               func.max(SignInFailure.created_at).filter(earlier),
               func.count().filter(earlier, this_hour))
        .where(SignInFailure.key.in_(keys.all), SignInFailure.created_at >= now - MEMORY)
        .group_by(SignInFailure.key)
    ).all()
    found = {key: (today, last_at, hour) for key, today, last_at, hour in rows}
    pair_today, pair_last_at, pair_hour = found.get(keys.pair, (0, None, 0))
    return Tally(pair_today=pair_today, pair_last_at=pair_last_at, pair_this_hour=pair_hour,
                 client_this_hour=found.get(keys.client, (0, None, 0))[2],
                 identifier_this_hour=found.get(keys.identifier, (0, None, 0))[2])


def delay_after(failures: int) -> timedelta:
    """Return how long a pair waits after this many failures: nothing, then doubling."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    doublings = min(failures - FREE_FAILURES, 12)
    return min(FIRST_DELAY * 2 ** doublings, LONGEST_DELAY)


def must_refuse(counted: Tally, now: datetime) -> bool:
    """Tell whether an attempt must be refused unchecked, given the failures before it."""
    if counted.client_this_hour >= CLIENT_LIMIT:
        return True
    if counted.pair_today >= FREE_FAILURES and now < (counted.pair_last_at
                                                      + delay_after(counted.pair_today)):
        return True
    # Others' failures only hold back clients that have failed against this identifier
    # too: a guest typing their own details at their own address always gets in.
    return counted.pair_this_hour > 0 and counted.identifier_this_hour >= IDENTIFIER_LIMIT


def too_many_attempts() -> Throttled:
    """Return the error that refuses an attempt without checking it."""
    return Throttled(_("Too many attempts. Please wait a while and try again, "
                       "or ask reception for help."))


@contextmanager
def _counting_transaction():
    """Run the block in a write transaction; a database too busy to count answers 503.

    :raises SignInBusy: the database stayed locked (SQLite) or refused the transaction.
    """
    try:
        with write_transaction():
            yield
    except OperationalError:
        db.session.rollback()
        log.warning("sign-in attempt not counted: the database was busy", exc_info=True)
        raise SignInBusy(_("Signing in is not possible for a moment. Please try again "
                           "shortly.")) from None


def begin_attempt(kind: str, identifier: str, client: str) -> Attempt:
    """Record an attempt as a failure before its credentials are checked, unless refused.

    Recording and counting share one write transaction, under a lock on each of the
    attempt's keys. A refused attempt is rolled back: only checked guesses count.

    :raises Throttled: a limit is reached; the credentials must not be checked.
    :raises SignInBusy: the database was too busy to count the attempt.
    """
    keys, now = AttemptKeys.of(kind, identifier, client), utcnow()
    with _counting_transaction():
        lock_names(*keys.all)
        failures = [SignInFailure(key=key, created_at=now) for key in keys.all]
        db.session.add_all(failures)
        db.session.flush()
        ids = [failure.id for failure in failures]
        if must_refuse(tally(keys, now, leave_out=ids), now):
            raise too_many_attempts()
        _forget_old_failures(now)
    return Attempt(keys, ids)


def _forget_old_failures(now: datetime) -> None:
    """Delete the failures older than a day, unless another attempt is doing so."""
    # One cleaner at a time: two deleting the same rows could deadlock on PostgreSQL.
    if try_lock_name("sign-in failures: cleanup"):
        db.session.execute(delete(SignInFailure).where(SignInFailure.created_at < now - MEMORY))


def forgive_attempt(attempt: Attempt) -> None:
    """Take back an attempt whose credentials were right, and its pair's earlier failures."""
    try:
        with _counting_transaction():
            lock_names(attempt.keys.pair)
            db.session.execute(delete(SignInFailure).where(or_(
                SignInFailure.id.in_(attempt.failure_ids),
                SignInFailure.key == attempt.keys.pair)))
    except SignInBusy:
        pass  # the person is who they say; the attempt stays counted as one failure


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


# Compared with when no stay has the reference, so that an invented reference costs the
# same comparison as a real one.
_NO_STAY_NAME_KEY = fold_name("no stay has this name")


def _is_lead_guest(stay: Stay | None, last_name: str) -> bool:
    """Tell whether the last name is the stay's lead guest's, comparing even without a stay."""
    expected = stay.last_name_key if stay is not None else _NO_STAY_NAME_KEY
    same = hmac.compare_digest(fold_name(last_name).encode(), expected.encode())
    return stay is not None and same


def sign_in_guest(identifier: str, last_name: str, client: str) -> Stay:
    """Return the stay whose reference (or room) and lead guest's last name match.

    The name is compared without regard to case or accents.

    :raises Throttled: too many failures from this client or for what it typed.
    :raises SignInBusy: the attempt could not be counted; nothing was checked.
    :raises DomainError: no current stay matches.
    """
    attempt = begin_attempt("guest", (identifier or "").strip().upper(), client)
    stay = find_stay(identifier, last_name)
    if not _is_lead_guest(stay, last_name):
        raise DomainError(_("We could not find a current stay with these details. Please "
                            "check your booking reference or room number and last name."))
    forgive_attempt(attempt)
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
    :raises SignInBusy: the attempt could not be counted; nothing was checked.
    :raises DomainError: the username or password is wrong, or the account is inactive.
    """
    username = (username or "").strip().lower()
    attempt = begin_attempt("staff", username, client)
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == username))
    valid = (user.check_password(password) if user is not None
             else check_password_hash(_NO_PASSWORD_HASH, password))
    if user is None or not valid or not user.active:
        raise DomainError(_("The username or password is not right."), "password")
    forgive_attempt(attempt)
    return user


def sign_out_staff(user: StaffUser) -> None:
    """End every session of a member of staff: this one, and any copy of its cookie."""
    with write_transaction():
        user.end_sessions()
