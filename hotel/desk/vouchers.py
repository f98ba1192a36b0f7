"""Managers' voucher codes: the list with how often each was used, a new code, withdrawing."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from hotel.desk import bp
from hotel.desk.forms.vouchers import VoucherActiveForm, VoucherForm
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.i18n import localized, text_locales
from hotel.models import Role, Service, VoucherKind
from hotel.services.catalogue import service_loaders
from hotel.services.errors import DomainError
from hotel.services.vouchers import all_vouchers, create_voucher, set_voucher_active
from hotel.web.forms import show_error


def _form() -> VoucherForm:
    form = VoucherForm()
    services = db.session.scalars(select(Service).options(
        *service_loaders(text_locales(), bands=False)).order_by(Service.position, Service.id))
    form.services.choices = [(service.id, localized(service)) for service in services]
    return form


@bp.route("/vouchers", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def vouchers():
    """List the voucher codes, and create a new one."""
    form = _form()
    status = 200
    if form.validate_on_submit():
        try:
            voucher = create_voucher(
                current_user, code=form.code.data, kind=VoucherKind(form.kind.data),
                value=form.value.data, valid_from=form.valid_from.data,
                valid_until=form.valid_until.data, max_uses=form.max_uses.data,
                service_ids=form.services.data or [])
        except DomainError as error:
            show_error(form, error)
        else:
            flash(_("The voucher %(code)s was created.", code=voucher.code), "success")
            return redirect(url_for("desk.vouchers"), 303)
    if form.is_submitted():
        status = 422
    return render_template("desk/vouchers/index.html", form=form, vouchers=all_vouchers(),
                           action_form=VoucherActiveForm(formdata=None)), status


@bp.post("/vouchers/<int:voucher_id>/active")
@staff_required(Role.MANAGER)
def voucher_active(voucher_id: int):
    """Withdraw a voucher code, or offer it again."""
    form = VoucherActiveForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        set_voucher_active(voucher_id, form.active.data == "1", current_user)
    except DomainError:
        abort(404)
    return redirect(url_for("desk.vouchers"), 303)
