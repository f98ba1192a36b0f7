"""Guests sign in with their booking reference or room number and last name, and out."""

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from hotel.guest import bp
from hotel.guest.forms import SignInForm
from hotel.services.errors import DomainError
from hotel.services.plain_text import isolate
from hotel.services.sign_in import SignInBusy, Throttled, sign_in_guest
from hotel.web.forms import show_error
from hotel.web.sessions import (
    end_guest_session,
    safe_next,
    session_language,
    start_guest_session,
)


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Sign a guest in with booking reference or room number and last name."""
    if g.get("stay") is not None:
        return redirect(url_for("guest.my_bookings"))
    form = SignInForm()
    if form.validate_on_submit():
        try:
            stay = sign_in_guest(form.identifier.data, form.last_name.data,
                                 request.remote_addr or "unknown")
        except (Throttled, SignInBusy) as error:
            # Not checked at all: the form is fine, so the message goes above it.
            flash(error.message, "error")
            return render_template("guest/sign_in.html", form=form), error.status
        except DomainError as error:
            show_error(form, error, "last_name")
        else:
            start_guest_session(stay)
            # The next page speaks the stay's language unless the guest chose one: so does
            # the welcome on it.
            with force_locale(session_language(stay)):
                flash(_("Welcome, %(name)s.", name=isolate(stay.first_name)), "success")
            return redirect(safe_next(request.args.get("next"), url_for("guest.home")))
    status = 422 if form.is_submitted() else 200
    return render_template("guest/sign_in.html", form=form), status


@bp.post("/sign-out")
def sign_out():
    """Sign the guest out."""
    end_guest_session()  # CSRFProtect has checked the token already
    flash(_("You have signed out."), "info")
    return redirect(url_for("guest.home"))

