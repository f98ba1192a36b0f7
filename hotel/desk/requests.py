"""The list of booking items, filtered, and the actions on them."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.forms.reasons import offer_reasons
from hotel.desk.forms.requests import ItemActionForm, RequestFilterForm
from hotel.desk.roles import department_scope, staff_required
from hotel.extensions import db
from hotel.i18n import current_language, localized
from hotel.labels import STATE_LABELS
from hotel.models import Department, ItemState, Service
from hotel.services.errors import DomainError
from hotel.services.item_rows import department_names, service_names
from hotel.services.requests import ACTION_LABELS, Action, ItemFilters, handle_items, items_page
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


def _filter_form() -> RequestFilterForm:
    form = RequestFilterForm(request.args)
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


@bp.get("/requests")
@staff_required()
def requests_list():
    """List booking items with filters; requested ones first, oldest first."""
    form = _filter_form()
    if not request.args:  # by default, what waits for an answer
        form.state.data = ItemState.REQUESTED.value
    page = items_page(_filters(form), department_scope(current_user),
                      max(request.args.get("page", 1, type=int) or 1, 1))
    action_form = offer_reasons(ItemActionForm())
    action_form.action.choices = [(a.value, ACTION_LABELS[a]) for a in Action]
    status = 422 if form.errors else 200
    return render_template("desk/requests/index.html", form=form, page=page,
                           action_form=action_form, today=hotel_today()), status


@bp.post("/requests/action")
@staff_required()
def requests_action():
    """Apply an action to the chosen items, then go back to the list as it was."""
    form = offer_reasons(ItemActionForm())
    form.action.choices = [(a.value, ACTION_LABELS[a]) for a in Action]
    back = request.form.get("back") or url_for("desk.requests_list")
    if not form.validate_on_submit():
        return render_template("desk/action_failed.html", message=first_error(form),
                               back=_safe_back(back)), 422
    try:
        items = handle_items(form.item_ids.data or [], Action(form.action.data), current_user,
                             reason=form.reason.data or "", reason_language=current_language(),
                             standard_reason_id=form.standard_reason.data or None)
    except DomainError as error:
        return render_template("desk/action_failed.html", message=error.message,
                               back=_safe_back(back)), error.status
    flash(ngettext("%(num)d item updated.", "%(num)d items updated.", len(items)), "success")
    return redirect(_safe_back(back)), 303


def _safe_back(target: str) -> str:
    return safe_next(target, url_for("desk.requests_list"))
