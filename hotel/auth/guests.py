"""The signed-in guest: kept in the session until the end of the stay."""

from datetime import datetime
from functools import wraps

from flask import g, redirect, request, session, url_for

from hotel.extensions import db
from hotel.models import Stay
from hotel.models.types import utcnow
from hotel.services.access import stay_session_ends_at


def start_guest_session(stay: Stay) -> None:
    """Remember the guest in a fresh session that ends with the stay."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    session["stay_id"] = stay.id
    session["stay_until"] = stay_session_ends_at(stay).isoformat()
    session.permanent = True


def end_guest_session() -> None:
    """Forget the guest, keeping only the chosen language."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


def load_guest() -> None:
    """Put the signed-in guest's stay on ``g.stay``, or None; end an expired session."""
    g.stay = None
    stay_id = session.get("stay_id")
    if stay_id is None:
        return
    until = session.get("stay_until")
    try:
        expired = until is None or datetime.fromisoformat(until) <= utcnow()
    except (TypeError, ValueError):
        expired = True
    stay = None if expired else db.session.get(Stay, stay_id)
    if stay is None:
        end_guest_session()
        return
    g.stay = stay


def guest_required(view):
    """Send guests who are not signed in to the sign-in page, and back afterwards."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("stay") is None:
            return redirect(url_for("guest.sign_in", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped
