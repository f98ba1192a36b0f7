"""Managers' log of webhooks to the PMS: each delivery with the answer of every try,
sending one again, and where webhooks go."""

import json
from urllib.parse import parse_qsl, urlsplit

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from hotel.desk import bp
from hotel.desk.forms.webhooks import DeliveryFilterForm, PmsAddressForm, SendAgainForm
from hotel.desk.roles import staff_required
from hotel.models import DeliveryState, Role
from hotel.services import webhook_log
from hotel.services.errors import DomainError, NotFound
from hotel.web.forms import first_error, show_error
from hotel.web.sessions import safe_next


def _render_log(args: MultiDict, back: str, status: int = 200,
                address_form: PmsAddressForm | None = None):
    form = DeliveryFilterForm(args)
    valid = form.validate()
    state = DeliveryState(form.state.data) if valid and form.state.data else None
    event = form.event.data if valid and form.event.data else ""
    result = webhook_log.delivery_page(state, event,
                                       page=args.get("page", 1, type=int) or 1)
    setting, url, has_secret = webhook_log.current_setting()
    if address_form is None:
        address_form = PmsAddressForm(formdata=None, url=setting.url if setting else url)
    return render_template("desk/webhooks/index.html", form=form, result=result,
                           error=None if valid else first_error(form), setting=setting,
                           url=url, has_secret=has_secret, address_form=address_form,
                           send_form=SendAgainForm(formdata=None), back=back), (
        status if valid else 422)


@bp.get("/webhooks")
@staff_required(Role.MANAGER)
def webhook_log_page():
    """List the webhooks to the PMS, newest first, with the last answer of each."""
    return _render_log(request.args, request.full_path.rstrip("?"))


@bp.get("/webhooks/<int:delivery_id>")
@staff_required(Role.MANAGER)
def webhook_detail(delivery_id: int):
    """Show one delivery: what was sent, and what the PMS answered to each try."""
    try:
        delivery = webhook_log.delivery(delivery_id)
    except NotFound:
        abort(404)
    # Shown indented to be read; the PMS gets the compact bytes the signature is of.
    body = json.dumps(json.loads(delivery.body), indent=2, ensure_ascii=False)
    return render_template("desk/webhooks/detail.html", delivery=delivery, body=body,
                           send_form=SendAgainForm(formdata=None),
                           back=url_for("desk.webhook_detail", delivery_id=delivery_id))


@bp.post("/webhooks/<int:delivery_id>/send-again")
@staff_required(Role.MANAGER)
def webhook_send_again(delivery_id: int):
    """Put a delivery back in line with the same body, then show the page it came from."""
    form = SendAgainForm()
    back = safe_next(form.back.data or "", url_for("desk.webhook_log_page"))
    if not form.validate_on_submit():
        flash(_("The form has expired. Please try again."), "error")
        return _render_log(_query_of(back), back, 400)
    try:
        webhook_log.send_again(delivery_id, current_user)
    except DomainError as error:
        flash(error.message, "error")
        return _render_log(_query_of(back), back, error.status)
    flash(_("The delivery is waiting to be sent again."), "success")
    return redirect(back, 303)


@bp.post("/webhooks/address")
@staff_required(Role.MANAGER)
def webhook_address():
    """Set where webhooks to the PMS go and the secret that signs them."""
    form = PmsAddressForm()
    back = url_for("desk.webhook_log_page")
    if form.validate_on_submit():
        try:
            webhook_log.save_address(form.url.data or "", form.secret.data or "",
                                     current_user)
        except DomainError as error:
            show_error(form, error)
        else:
            flash(_("The PMS address was saved.") if form.url.data
                  else _("Webhooks to the PMS are switched off."), "success")
            return redirect(back, 303)
    return _render_log(MultiDict(), back, 422, address_form=form)


def _query_of(address: str) -> MultiDict:
    """Return the filters of a log address, to show the log as it was."""
    parts = urlsplit(address)
    if parts.path != url_for("desk.webhook_log_page"):
        return MultiDict()
    return MultiDict(parse_qsl(parts.query))
