"""The desk's tickets: guests' questions, requests and complaints, and their handling."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from hotel.desk import bp
from hotel.desk.forms.tickets import (
    AnswerForm,
    NoteForm,
    ReassignForm,
    StateForm,
    TicketFilterForm,
)
from hotel.desk.roles import check_department, department_scope, staff_required
from hotel.extensions import db
from hotel.i18n import localized
from hotel.labels import TICKET_STATE_LABELS
from hotel.models import Department, TicketCategory
from hotel.models.types import utcnow
from hotel.services import tickets as ticket_service
from hotel.services.errors import DomainError
from hotel.web.forms import show_error

PAGE_SIZE = 50


@bp.context_processor
def ticket_helpers():
    """Give desk pages the overdue test and response times of tickets."""
    return {"ticket_overdue": ticket_service.is_overdue,
            "response_time": ticket_service.response_time,
            "format_timedelta": format_timedelta}


def _categories() -> list[TicketCategory]:
    return db.session.scalars(
        select(TicketCategory).order_by(TicketCategory.position, TicketCategory.id)).all()


def _departments() -> list[Department]:
    return db.session.scalars(select(Department).order_by(Department.slug)).all()


def _filter_form() -> TicketFilterForm:
    form = TicketFilterForm(request.args)
    form.state.choices = [("", _("Any state"))] + [
        (s.value, label) for s, label in TICKET_STATE_LABELS.items()]
    form.department.choices = [("", _("Any department"))] + [
        (str(d.id), localized(d)) for d in _departments()]
    form.category.choices = [("", _("Any category"))] + [
        (str(c.id), localized(c)) for c in _categories()]
    return form


@bp.get("/tickets")
@staff_required()
def tickets():
    """List guests' tickets with filters; overdue and oldest first."""
    form = _filter_form()
    valid = form.validate()
    data = form.data if valid else {}
    scope = department_scope(current_user)
    department = scope if scope is not None else (int(data["department"])
                                                  if data.get("department") else None)
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    now = utcnow()
    found, total = ticket_service.desk_tickets(
        department_id=department, state=data.get("state") or None,
        category_id=int(data["category"]) if data.get("category") else None,
        overdue=bool(data.get("overdue")), now=now, limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE)
    return render_template("desk/tickets/index.html", form=form, tickets=found, total=total,
                           page=page, pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
                           now=now), 200 if valid else 422


def _ticket(number: str):
    ticket = ticket_service.find_ticket(number)
    if ticket is None:
        abort(404)
    check_department(current_user, ticket.department_id)
    return ticket


def _forms(ticket, **given) -> dict:
    """Return the detail page's forms, with those given (carrying errors) in their place."""
    forms = {"state_form": StateForm(), "answer_form": AnswerForm(), "note_form": NoteForm(),
             "reassign_form": ReassignForm()}
    for name, form in given.items():
        forms[name] = form
    forms["state_form"].state.choices = [
        (s.value, TICKET_STATE_LABELS[s]) for s in ticket_service.TRANSITIONS[ticket.state]]
    forms["answer_form"].language.choices = [
        (code, name) for code, name in current_app.config["LANGUAGES"].items()]
    if "answer_form" not in given:
        forms["answer_form"].language.data = ticket.language
        forms["answer_form"].answer.data = ticket.answer or None
    forms["reassign_form"].category.choices = [(c.id, localized(c)) for c in _categories()]
    forms["reassign_form"].department.choices = [(0, _("The category's department"))] + [
        (d.id, localized(d)) for d in _departments()]
    if "reassign_form" not in given:
        forms["reassign_form"].category.data = ticket.category_id
        forms["reassign_form"].department.data = ticket.department_id
    return forms


def _detail(ticket, status: int = 200, **given):
    return render_template("desk/tickets/detail.html", ticket=ticket, now=utcnow(),
                           **_forms(ticket, **given)), status


@bp.get("/tickets/<number>")
@staff_required()
def ticket_detail(number: str):
    """Show a ticket: the guest's text, the booking, notes, and what can be done."""
    return _detail(_ticket(number))


def _act(number: str, form_name: str, form, action, done: str):
    """Validate a form, run one service call, then go back to the ticket (or show why not)."""
    ticket = _ticket(number)
    _forms(ticket, **{form_name: form})  # fill the choices the form validates against
    if form.validate_on_submit():
        try:
            action(ticket, form)
        except DomainError as error:
            show_error(form, error)
            db.session.rollback()
            return _detail(_ticket(number), error.status, **{form_name: form})
        flash(done, "success")
        if department_scope(current_user) not in (None, ticket.department_id):
            return redirect(url_for("desk.tickets"), 303)  # handed to another department
        return redirect(url_for("desk.ticket_detail", number=ticket.number), 303)
    return _detail(ticket, 422, **{form_name: form})


@bp.post("/tickets/<number>/state")
@staff_required()
def ticket_state(number: str):
    """Start work on a ticket, close it, or reopen it."""
    return _act(number, "state_form", StateForm(),
                lambda t, f: ticket_service.change_state(t, f.state.data, current_user),
                _("The ticket's state was changed."))


@bp.post("/tickets/<number>/answer")
@staff_required()
def ticket_answer(number: str):
    """Answer the guest."""
    return _act(number, "answer_form", AnswerForm(),
                lambda t, f: ticket_service.answer_ticket(t, f.answer.data, f.language.data,
                                                          current_user),
                _("The answer was sent to the guest."))


@bp.post("/tickets/<number>/notes")
@staff_required()
def ticket_note(number: str):
    """Add an internal note to a ticket."""
    return _act(number, "note_form", NoteForm(),
                lambda t, f: ticket_service.add_note(t, f.note.data, current_user),
                _("The note was added."))


@bp.post("/tickets/<number>/reassign")
@staff_required()
def ticket_reassign(number: str):
    """Give a ticket another category or department."""
    return _act(number, "reassign_form", ReassignForm(),
                lambda t, f: ticket_service.reassign_ticket(t, f.category.data,
                                                            f.department.data, current_user),
                _("The ticket was reassigned."))
