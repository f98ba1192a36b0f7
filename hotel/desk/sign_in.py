"""Staff sign-in and sign-out."""

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from hotel.desk import bp
from hotel.desk.forms.sign_in import LoginForm
from hotel.services.errors import DomainError
from hotel.services.sign_in import SignInBusy, Throttled, sign_in_staff, sign_out_staff
from hotel.web.forms import show_error
from hotel.web.sessions import safe_next


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign a member of staff in with username and password."""
    if current_user.is_authenticated:
        return redirect(url_for("desk.today"))
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = sign_in_staff(form.username.data, form.password.data,
                                 request.remote_addr or "unknown")
        except (Throttled, SignInBusy) as error:
            # Not checked at all: the form is fine, so the message goes above it.
            flash(error.message, "error")
            return render_template("desk/sign_in/index.html", form=form), error.status
        except DomainError as error:
            show_error(form, error, "password")
        else:
            chosen = session.get("lang")
            session.clear()  # a new session: nothing from before signing in is kept
            # A language picked on the sign-in page wins over the account's own.
            session["lang"] = chosen or user.language
            login_user(user)
            return redirect(safe_next(request.args.get("next"), url_for("desk.today")))
    status = 422 if form.is_submitted() else 200
    return render_template("desk/sign_in/index.html", form=form), status


@bp.post("/logout")
def logout():
    """Sign the member of staff out, on every device: a copied cookie stops working too."""
    if current_user.is_authenticated:
        sign_out_staff(current_user)
    logout_user()
    session.clear()
    flash(_("You have signed out."), "info")
    return redirect(url_for("desk.login"))
