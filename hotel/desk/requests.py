"""The list of booking items, filtered, and the actions on them."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.forms.reasons import offer_reasons
from hotel.desk.forms.requests import ItemActionForm, RequestFilterForm
from hotel.desk.roles import department_scope, staff_required
from hotel.extensions import db
from hotel.i18n import current_language, localized
from hotel.labels import STATE_LABELS
from hotel.models import Booking, BookingItem, Department, ItemState, Service, Stay, fold_name
from hotel.services.errors import DomainError
from hotel.services.requests import ACTION_LABELS, Action, handle_items
from hotel.web.forms import first_error
from hotel.web.sessions import safe_next

PAGE_SIZE = 50


def _filter_form() -> RequestFilterForm:
    form = RequestFilterForm(request.args)
    form.state.choices = [("", _("Any state"))] + [(s.value, STATE_LABELS[s]) for s in ItemState]
    services = db.session.scalars(select(Service).order_by(Service.position)).all()
    form.service.choices = [("", _("Any service"))] + [(s.slug, localized(s)) for s in services]
    departments = db.session.scalars(select(Department).order_by(Department.slug)).all()
    form.department.choices = [("", _("Any department"))] + [
        (d.slug, localized(d)) for d in departments]
    return form


def _filtered(form: RequestFilterForm):
    query = select(BookingItem).join(BookingItem.service).join(BookingItem.booking).join(
        Booking.stay)
    scope = department_scope(current_user)
    if scope is not None:
        query = query.where(Service.department_id == scope)
    data = form.data if form.validate() else {}
    if data.get("state"):
        query = query.where(BookingItem.state == ItemState(data["state"]))
    if data.get("day"):
        day = data["day"]
        query = query.where(BookingItem.start_on <= day,
                            func.coalesce(BookingItem.end_on, BookingItem.start_on) >= day)
    if data.get("service"):
        query = query.where(Service.slug == data["service"])
    if data.get("department"):
        query = query.where(Service.department.has(Department.slug == data["department"]))
    if data.get("room"):
        query = query.where(Stay.room == data["room"].strip())
    if data.get("guest"):
        needle = f"%{fold_name(data['guest'])}%"
        query = query.where(or_(Stay.last_name_key.like(needle),
                                func.lower(Stay.first_name).like(needle),
                                func.upper(Stay.reference) == data["guest"].strip().upper()))
    return query


@bp.get("/requests")
@staff_required()
def requests_list():
    """List booking items with filters; requested ones first, oldest first."""
    form = _filter_form()
    if not request.args:  # by default, what waits for an answer
        form.state.data = ItemState.REQUESTED.value
    query = _filtered(form)
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    items = db.session.scalars(
        query.options(
            selectinload(BookingItem.service).selectinload(Service.texts),
            selectinload(BookingItem.booking).selectinload(Booking.stay),
            selectinload(BookingItem.participants),
            selectinload(BookingItem.standard_reason),
        )
        .order_by(Booking.created_at, BookingItem.id)
        .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    ).all()
    action_form = offer_reasons(ItemActionForm())
    action_form.action.choices = [(a.value, ACTION_LABELS[a]) for a in Action]
    status = 422 if form.errors else 200
    return render_template("desk/requests/index.html", form=form, items=items, total=total,
                           page=page, pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
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
