"""Managers keep the standard reasons given for a decline, a closure or units out of
service, in every language."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hotel.desk import bp
from hotel.desk.forms.reasons import reason_form_class
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.i18n import localized
from hotel.models import Role, StandardReason
from hotel.services.errors import DomainError
from hotel.services.reasons import save_reason, standard_reasons
from hotel.web.forms import show_error


def reason_text(reason_id: int | None) -> str:
    """Return a standard reason in the reader's language ("" for none or a deleted one).

    Each reason is read once a request (the session keeps it), however many rows name it.
    """
    reason = db.session.get(StandardReason, reason_id) if reason_id else None
    return localized(reason) if reason is not None else ""


@bp.get("/reasons")
@staff_required(Role.MANAGER)
def reasons():
    """List the standard reasons, offered or not, with their missing languages."""
    return render_template("desk/reasons/index.html",
                           reasons=standard_reasons(include_inactive=True))


def _save(reason: StandardReason | None):
    form = reason_form_class()(obj=reason)
    if reason is not None and not form.is_submitted():
        for text in reason.texts:
            if f"text_{text.locale}" in form:
                form[f"text_{text.locale}"].data = text.name
    if form.validate_on_submit():
        try:
            reason = save_reason(reason.id if reason else None, form.code.data,
                                 form.text_values(), form.active.data, current_user)
        except DomainError as error:
            show_error(form, error)
            if reason is not None:
                db.session.refresh(reason)
        else:
            flash(_("The reason %(code)s was saved.", code=reason.code), "success")
            return redirect(url_for("desk.reasons"), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("desk/reasons/form.html", form=form, reason=reason), status


@bp.route("/reasons/new", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def new_reason():
    """Add a standard reason with its text in each language."""
    return _save(None)


@bp.route("/reasons/<int:reason_id>", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def edit_reason(reason_id: int):
    """Change a standard reason's code, texts, or whether it is offered."""
    reason = db.session.get(StandardReason, reason_id)
    if reason is None:
        abort(404)
    return _save(reason)
