"""Signing in: staff through Flask-Login."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from hotel.extensions import db, login
from hotel.models import StaffUser


def init_app(app: Flask) -> None:
    """Tell Flask-Login how to load staff and where they sign in."""
    login.login_message = _l("Please sign in to see this page.")
    login.login_message_category = "info"
    login.login_view = "desk.login"

    from hotel.auth.guests import load_guest

    app.before_request(load_guest)

    @login.user_loader
    def load_staff(user_id: str) -> StaffUser | None:
        kind, _, number = user_id.partition(":")
        if kind != "staff" or not number.isdigit():
            return None
        user = db.session.get(StaffUser, int(number))
        # A deactivated account's open sessions end with it.
        return user if user is not None and user.active else None
