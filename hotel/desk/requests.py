"""The list of booking items, filtered, and the actions on them."""

from urllib.parse import parse_qsl, urlencode, urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.forms.requests import FailedAction, ItemActionForm, RequestFilterForm, action_form
from hotel.desk.roles import department_scope, staff_required
from hotel.desk.today import render_today
from hotel.extensions import db
from hotel.i18n import current_language, localized
from hotel.labels import STATE_LABELS
from hotel.models import Department, ItemState, Service
from hotel.services.errors import DomainError
from hotel.services.item_rows import department_names, service_names
from hotel.services.requests import Action, ItemFilters, handle_items, items_page
from hotel.web.catalogue_cache import cached
from hotel.web.forms import first_error
from hotel.web.sessions import safe_next


def _catalogue_choices() -> tuple[list, list]:
    """Return the services and the departments as (slug, name) in the reader's language."""
    services = db.session.scalars(select(Service).order_by(Service.position)
                                  .options(*service_names())).all()
    departments = db.session.scalars(
        select(Department).order_by(Department.slug).options(department_names())).all()
    return ([(s.slug, localized(s)) for s in services],
            [(d.slug, localized(d)) for d in departments])


def _filter_form(args: MultiDict) -> RequestFilterForm:
    form = RequestFilterForm(args)
    form.state.choices = [("", _("Any state"))] + [(s.value, STATE_LABELS[s]) for s in ItemState]
    # The same for every reader of a language until the catalogue changes.
    services, departments = cached("desk-request-filters", render=_catalogue_choices)
    form.service.choices = [("", _("Any service"))] + services
    form.department.choices = [("", _("Any department"))] + departments
    return form


def _filters(form: RequestFilterForm) -> ItemFilters:
    data = form.data if form.validate() else {}
    return ItemFilters(
        state=ItemState(data["state"]) if data.get("state") else None, day=data.get("day"),
        service=data.get("service") or "", department=data.get("department") or "",
        room=data.get("room") or "", guest=data.get("guest") or "")


def render_requests(args: MultiDict, failed: FailedAction | None = None, status: int = 200):
    """Render the list for these query arguments; after a refused action, with its message
    and the items that were chosen still chosen."""
    form = _filter_form(args)
    # By default, what waits for an answer: the filter form always sends a state ("" for
    # any), so only its absence means the default, whatever else the address carries.
    if "state" not in args:
        form.state.data = ItemState.REQUESTED.value
    page = items_page(_filters(form), department_scope(current_user),
                      max(args.get("page", 1, type=int) or 1, 1))
    if form.errors:
        status = 422
    return render_template("desk/requests/index.html", form=form, page=page,
                           action_form=failed.form if failed else action_form(),
                           failed=failed, back=_here(args), today=hotel_today()), status


def _here(args: MultiDict) -> str:
    """Return this list's address with its query, for the actions to come back to."""
    query = urlencode(list(args.items(multi=True)))
    return url_for("desk.requests_list") + (f"?{query}" if query else "")


@bp.get("/requests")
@staff_required()
def requests_list():
    """List booking items with filters; requested ones first, oldest first."""
    return render_requests(request.args)


@bp.post("/requests/action")
@staff_required()
def requests_action():
    """Apply an action to the chosen items, then go back to the list as it was."""
    form = action_form()
    back = _safe_back(request.form.get("back") or url_for("desk.requests_list"))
    if not form.validate_on_submit():
        return _refused(form, first_error(form), back, 422)
    try:
        items = handle_items(form.item_ids.data or [], Action(form.action.data), current_user,
                             reason=form.reason.data or "", reason_language=current_language(),
                             standard_reason_id=form.standard_reason.data or None)
    except DomainError as error:
        return _refused(form, error.message, back, error.status)
    flash(ngettext("%(num)d item updated.", "%(num)d items updated.", len(items)), "success")
    return redirect(back), 303


def _refused(form: ItemActionForm, message: str, back: str, status: int):
    """Show the page the action came from again with the message, nothing lost."""
    failed = FailedAction(form, message)
    address = urlsplit(back)
    if address.path == url_for("desk.requests_list"):
        args = MultiDict(parse_qsl(address.query, keep_blank_values=True))
        return render_requests(args, failed, status)
    if address.path == url_for("desk.today"):
        return render_today(failed, status)
    return render_template("desk/action_failed.html", message=message, back=back), status


def _safe_back(target: str) -> str:
    return safe_next(target, url_for("desk.requests_list"))
