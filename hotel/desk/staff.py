"""Managers keep the staff accounts: create, change role or department, reset, deactivate."""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user
from sqlalchemy import select

from hotel.desk import bp
from hotel.desk.forms.staff import (
    NewStaffForm,
    PasswordResetForm,
    StaffActiveForm,
    StaffDetailsForm,
)
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.i18n import localized
from hotel.models import Department, Role, StaffUser
from hotel.services import staff as staff_service
from hotel.services.errors import DomainError
from hotel.web.forms import show_error


def _with_choices(form):
    departments = db.session.scalars(select(Department).order_by(Department.slug)).all()
    form.department.choices = [("", _("None"))] + [(str(d.id), localized(d))
                                                   for d in departments]
    form.language.choices = list(current_app.config["LANGUAGES"].items())
    return form


def _account(user_id: int) -> StaffUser:
    return db.session.get(StaffUser, user_id) or abort(404)


@bp.get("/staff")
@staff_required(Role.MANAGER)
def staff_accounts():
    """List the staff accounts, active ones first."""
    return render_template("desk/staff/index.html", accounts=staff_service.staff_accounts())


@bp.route("/staff/new", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def new_staff_account():
    """Create a staff account with an initial password."""
    form = _with_choices(NewStaffForm())
    if not form.is_submitted():
        form.language.data = current_app.config["DEFAULT_LANGUAGE"]
    if form.validate_on_submit():
        try:
            user = staff_service.add_staff_account(form.staff_values(), current_user)
        except DomainError as error:
            show_error(form, error)
        else:
            flash(_("The account %(username)s was created.", username=user.username), "success")
            return redirect(url_for("desk.edit_staff_account", user_id=user.id), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("desk/staff/new.html", form=form), status


def _edit_page(user: StaffUser, details=None, password=None, status: int = 200):
    if details is None:
        details = _with_choices(StaffDetailsForm(formdata=None, obj=user))
        details.department.data = str(user.department_id or "")
        details.role.data = user.role.value
    return render_template("desk/staff/edit.html", account=user, form=details,
                           password_form=password or PasswordResetForm(formdata=None),
                           active_form=StaffActiveForm(formdata=None)), status


@bp.route("/staff/<int:user_id>", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def edit_staff_account(user_id: int):
    """Change a staff member's role, department, language or full name."""
    user = _account(user_id)
    if not StaffDetailsForm().is_submitted():
        return _edit_page(user)
    form = _with_choices(StaffDetailsForm())
    if form.validate_on_submit():
        try:
            staff_service.update_staff_user(user, form.staff_values(), current_user)
        except DomainError as error:
            show_error(form, error)
            return _edit_page(user, details=form, status=error.status)
        flash(_("The account %(username)s was saved.", username=user.username), "success")
        return redirect(url_for("desk.edit_staff_account", user_id=user.id), 303)
    return _edit_page(user, details=form, status=422)


@bp.post("/staff/<int:user_id>/password")
@staff_required(Role.MANAGER)
def reset_staff_password(user_id: int):
    """Give a staff member a new password."""
    user = _account(user_id)
    form = PasswordResetForm()
    if form.validate_on_submit():
        try:
            staff_service.reset_staff_password(user, form.password.data, current_user)
        except DomainError as error:
            show_error(form, error)
        else:
            if user.id == current_user.id:
                # The reset ended every session of the account; this one goes on.
                login_user(user)
            flash(_("The password of %(username)s was reset.", username=user.username),
                  "success")
            return redirect(url_for("desk.edit_staff_account", user_id=user.id), 303)
    return _edit_page(user, password=form, status=422)


@bp.post("/staff/<int:user_id>/active")
@staff_required(Role.MANAGER)
def set_staff_active(user_id: int):
    """Deactivate or reactivate a staff account."""
    user = _account(user_id)
    form = StaffActiveForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        staff_service.set_staff_active(user, form.active.data == "1", current_user)
    except DomainError as error:
        flash(error.message, "error")
        return _edit_page(user, status=error.status)
    if user.active:
        flash(_("The account %(username)s is active again.", username=user.username), "success")
    else:
        flash(_("The account %(username)s was deactivated.", username=user.username),
              "success")
    return redirect(url_for("desk.edit_staff_account", user_id=user.id), 303)
