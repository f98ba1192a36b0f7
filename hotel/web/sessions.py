"""Who is signed in: staff through Flask-Login, guests in the session until their stay ends."""

import re
from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, current_app, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, exists, func, select
from sqlalchemy.orm import joinedload

from hotel.extensions import db, login
from hotel.models import Message, StaffUser, Stay, WaitingEntry
from hotel.models.types import utcnow
from hotel.services.catalogue_version import VERSION_NOW
from hotel.services.plain_text import is_control
from hotel.services.sign_in import stay_session_ends_at
from hotel.services.waitlist_lists import SHOWN_TO_GUEST
from hotel.web.catalogue_cache import version_read

WITH_PARTY = (joinedload(Stay.members),)  # the stay and its party in one statement
# ... and how many of its messages are unread, for the menu of every page.
_UNREAD = (select(func.count(Message.id))
           .where(Message.stay_id == Stay.id, Message.read_at.is_(None))
           .correlate(Stay).scalar_subquery())
# ... and whether it is on a waiting list, for "My bookings" (most stays never are).
_WAITING = (exists().where(WaitingEntry.stay_id == Stay.id,
                           WaitingEntry.state.in_(SHOWN_TO_GUEST))
            .correlate(Stay))
# Built once: a statement made afresh on every request costs more than running it. It
# reads the catalogue's version as well, which the guest's pages key what they keep by.
_SIGNED_IN_GUEST = (select(Stay, _UNREAD, _WAITING, VERSION_NOW)
                    .where(Stay.id == bindparam("stay_id")).options(*WITH_PARTY))

# ... and a member of staff, with the catalogue's version that the desk's pages key by.
_SIGNED_IN_STAFF = select(StaffUser, VERSION_NOW).where(StaffUser.id == bindparam("user_id"))

# What StaffUser.get_id() gives: the account, and its session generation at sign-in.
STAFF_SESSION_ID = re.compile(r"staff:(?P<number>\d+):(?P<generation>\d+)")


def init_app(app: Flask) -> None:
    """Tell Flask-Login how to load staff and where they sign in; load the guest first."""
    login.login_message = _l("Please sign in to see this page.")
    login.login_message_category = "info"
    login.login_view = "desk.login"
    login.user_loader(load_staff)
    app.before_request(load_guest)


def load_staff(user_id: str) -> StaffUser | None:
    """Return the active member of staff a session names, or None if that session ended.

    The session names the account's session generation at sign-in; signing out,
    a new password or deactivation raise it, and so end every older session and
    every copy of its cookie. The catalogue's version is read with the account.
    """
    found = STAFF_SESSION_ID.fullmatch(user_id)
    if found is None:
        return None
    row = db.session.execute(_SIGNED_IN_STAFF, {"user_id": int(found["number"])}).first()
    if row is None:
        return None
    user, version = row
    version_read(version)
    if not user.active or user.session_generation != int(found["generation"]):
        return None
    return user


def safe_next(target: str | None, default: str) -> str:
    """Return ``target`` if it is a path on this site, else ``default``."""
    if not target:
        return default
    target = target.strip().replace("\\", "/")
    # A CR or LF would end the Location header (a 500, or a header of the sender's
    # choosing), and browsers drop tabs and line breaks from addresses, so "/\t/evil"
    # would lead to another site.
    if any(is_control(char) for char in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def start_guest_session(stay: Stay) -> None:
    """Remember the guest in a fresh session that ends with the stay."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    session["stay_id"] = stay.id
    session.permanent = True


def session_language(stay: Stay) -> str:
    """Return the language the signed-in guest's pages speak: the one chosen, else the stay's."""
    languages = current_app.config["LANGUAGES"]
    for language in (session.get("lang"), stay.language):
        if language in languages:
            return language
    return current_app.config["DEFAULT_LANGUAGE"]


def end_guest_session() -> None:
    """Forget the guest, keeping only the chosen language."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


def load_guest() -> None:
    """Put the signed-in guest's stay on ``g.stay``, or None; end an expired session.

    The end is worked out from the stay as it is now, on every request, so a stay
    shortened or deleted since the guest signed in ends their session with it.
    """
    g.stay = None
    stay_id = session.get("stay_id")
    if stay_id is None:
        return
    row = db.session.execute(
        _SIGNED_IN_GUEST, {"stay_id": stay_id}
    ).unique().first() if isinstance(stay_id, int) else None
    stay, unread, waiting, version = row if row is not None else (None, 0, False, None)
    if stay is None or stay_session_ends_at(stay) <= utcnow():
        end_guest_session()
        return
    g.stay = stay
    g.unread_counted = (stay.id, unread)
    g.stay_waiting = bool(waiting)
    version_read(version)


def guest_required(view):
    """Send guests who are not signed in to the sign-in page, and back afterwards."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("stay") is None:
            return redirect(url_for("guest.sign_in", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped
