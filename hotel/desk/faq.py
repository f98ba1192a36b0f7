"""Managers edit the FAQ and policies guests read, and the categories of tickets."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hotel.desk import bp
from hotel.desk.forms.tickets import category_form_class, faq_entry_form_class
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.i18n import localized
from hotel.models import Department, FaqEntry, Role, TicketCategory
from hotel.services.errors import DomainError
from hotel.services.faq import save_faq_entry, save_ticket_category


@bp.get("/faq")
@staff_required(Role.MANAGER)
def faq():
    """List the FAQ entries, policies and ticket categories, with missing languages."""
    entries = db.session.scalars(
        select(FaqEntry).options(selectinload(FaqEntry.category))
        .order_by(FaqEntry.kind, FaqEntry.position, FaqEntry.id)).all()
    categories = db.session.scalars(
        select(TicketCategory).options(selectinload(TicketCategory.department))
        .order_by(TicketCategory.position, TicketCategory.id)).all()
    return render_template("desk/faq/index.html", entries=entries, categories=categories)


def _show_error(form, error: DomainError) -> None:
    field = form._fields.get({"category_id": "category", "department_id": "department"}
                             .get(error.field or "", error.field or ""))
    (field.errors if field is not None else form.form_errors).append(error.message)


def _save_entry(entry: FaqEntry | None):
    form = faq_entry_form_class()(obj=entry)
    categories = db.session.scalars(
        select(TicketCategory).order_by(TicketCategory.position, TicketCategory.id)).all()
    form.category.choices = [(0, _("None"))] + [(c.id, localized(c)) for c in categories]
    if entry is not None and not form.is_submitted():
        form.kind.data = entry.kind.value
        form.category.data = entry.category_id or 0
        form.fill_texts(entry.texts)
    if form.validate_on_submit():
        data = {"kind": form.kind.data, "category_id": form.category.data or None,
                "position": form.position.data or 0, "active": form.active.data,
                "texts": form.text_values()}
        try:
            entry = save_faq_entry(entry, data, current_user)
        except DomainError as error:
            _show_error(form, error)
            if entry is not None:
                db.session.refresh(entry)
        else:
            flash(_("The entry was saved."), "success")
            return redirect(url_for("desk.edit_faq_entry", entry_id=entry.id), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("desk/faq/entry.html", form=form, entry=entry), status


@bp.route("/faq/new", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def new_faq_entry():
    """Write a new FAQ entry or policy."""
    return _save_entry(None)


@bp.route("/faq/<int:entry_id>", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def edit_faq_entry(entry_id: int):
    """Change an FAQ entry or policy: texts per language, keywords, order, shown or not."""
    entry = db.session.get(FaqEntry, entry_id)
    if entry is None:
        abort(404)
    return _save_entry(entry)


def _save_category(category: TicketCategory | None):
    form = category_form_class()(obj=category)
    departments = db.session.scalars(select(Department).order_by(Department.slug)).all()
    form.department.choices = [(d.id, localized(d)) for d in departments]
    if category is not None and not form.is_submitted():
        form.department.data = category.department_id
        for text in category.texts:
            if f"name_{text.locale}" in form:
                form[f"name_{text.locale}"].data = text.name
    if form.validate_on_submit():
        data = {"slug": form.slug.data, "department_id": form.department.data,
                "response_hours": form.response_hours.data, "texts": form.name_values()}
        try:
            category = save_ticket_category(category, data, current_user)
        except DomainError as error:
            _show_error(form, error)
            if category is not None:
                db.session.refresh(category)
        else:
            flash(_("The category was saved."), "success")
            return redirect(url_for("desk.faq"), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("desk/faq/category.html", form=form, category=category), status


@bp.route("/faq/categories/new", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def new_ticket_category():
    """Add a ticket category with its department and response-time target."""
    return _save_category(None)


@bp.route("/faq/categories/<int:category_id>", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def edit_ticket_category(category_id: int):
    """Change a ticket category's department, response-time target or names."""
    category = db.session.get(TicketCategory, category_id)
    if category is None:
        abort(404)
    return _save_category(category)
