"""Desk actions on a rental: its stock, and units out of service for a period."""

from flask import abort, flash
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from hotel.desk import bp
from hotel.desk.forms.inventory import ConfirmForm, OutOfServiceForm, StockForm
from hotel.desk.forms.reasons import offer_reasons
from hotel.desk.inventory import back_to_service, failed, render_service, service_or_404
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.models import OutOfService, Role
from hotel.services import rentals
from hotel.services.errors import DomainError


@bp.post("/inventory/services/<slug>/stock")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_stock(slug):
    """Change a rental's stock."""
    service = service_or_404(slug)
    form = StockForm()
    if not service.is_rental:
        abort(404)
    if not form.validate_on_submit():
        return render_service(service, 422, error=_("Please correct the stock."), stock_form=form)
    try:
        rentals.change_stock(service.id, form.stock.data, current_user)
    except DomainError as error:
        return failed(service, error, "stock_form", form)
    flash(_("The stock is now %(num)d.", num=form.stock.data), "success")
    return back_to_service(service)


@bp.post("/inventory/services/<slug>/out-of-service")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_out_of_service(slug):
    """Take units of a rental out of service for a period."""
    service = service_or_404(slug)
    form = offer_reasons(OutOfServiceForm())
    if not service.is_rental:
        abort(404)
    if not form.validate_on_submit():
        return render_service(service, 422, error=_("Please correct the period."), out_form=form)
    try:
        rentals.put_out_of_service(service.id, form.units.data, form.starts_on.data,
                                   form.ends_on.data, form.reason.data or "", current_user,
                                   standard_reason_id=form.standard_reason.data or None)
    except DomainError as error:
        return failed(service, error, "out_form", form)
    flash(ngettext("%(num)d unit is out of service for the period.",
                   "%(num)d units are out of service for the period.", form.units.data),
          "success")
    return back_to_service(service)


@bp.post("/inventory/out-of-service/<int:period_id>/end")
@staff_required(Role.RECEPTION, Role.MANAGER)
def inventory_end_out_of_service(period_id):
    """Bring a period's units back into service from today."""
    period = db.get_or_404(OutOfService, period_id)
    service = period.service
    if not ConfirmForm().validate_on_submit():
        return render_service(service, 422, error=_("The form has expired. Please try again."))
    try:
        rentals.end_out_of_service(period.id, current_user)
    except DomainError as error:
        return failed(service, error)
    flash(_("The units are back in service."), "success")
    return back_to_service(service)
