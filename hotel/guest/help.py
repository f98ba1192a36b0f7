"""Guests' help pages: FAQ and policies, asking the hotel, and following their tickets."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hotel.extensions import db
from hotel.guest import bp
from hotel.guest.forms_help import AskForm, SatisfactionForm
from hotel.i18n import current_language, day_label, localized
from hotel.models import Booking, BookingItem, FaqEntry, FaqKind, Service, TicketCategory
from hotel.services import tickets
from hotel.services.errors import DomainError
from hotel.services.faq import match_faq
from hotel.web.sessions import guest_required


@bp.get("/help")
def help_page():
    """List the answers to common questions and the hotel's policies."""
    entries = db.session.scalars(
        select(FaqEntry).where(FaqEntry.active.is_(True))
        .order_by(FaqEntry.position, FaqEntry.id)).all()
    return render_template("guest/help/index.html",
                           faqs=[e for e in entries if e.kind == FaqKind.FAQ],
                           policies=[e for e in entries if e.kind == FaqKind.POLICY])


def _ask_form() -> AskForm:
    form = AskForm()
    categories = db.session.scalars(
        select(TicketCategory).order_by(TicketCategory.position, TicketCategory.id)).all()
    form.category.choices = [(c.id, localized(c)) for c in categories]
    items = db.session.scalars(
        select(BookingItem).join(BookingItem.booking).where(Booking.stay_id == g.stay.id)
        .options(selectinload(BookingItem.service).selectinload(Service.texts))
        .order_by(BookingItem.start_on, BookingItem.id)).all()
    form.booking_item.choices = [(0, _("None"))] + [
        (item.id, _("%(service)s on %(day)s", service=localized(item.service),
                    day=_day(item))) for item in items]
    return form


def _day(item: BookingItem) -> str:
    when = item.starts_at or item.start_on
    return day_label(when) if when else ""


@bp.route("/help/ask", methods=["GET", "POST"])
@guest_required
def help_ask():
    """Take a question, request or complaint; show matching FAQ answers first."""
    form = _ask_form()
    if not form.validate_on_submit():
        status = 422 if form.is_submitted() else 200
        return render_template("guest/help/ask.html", form=form, matches=None), status
    decision = request.form.get("decision", "")
    if decision == "solved":
        flash(_("We are glad it helped."), "success")
        return redirect(url_for("guest.help_page"), 303)
    if decision != "send":
        matches = match_faq(form.text.data, current_language())
        if matches:
            return render_template("guest/help/ask.html", form=form, matches=matches)
    try:
        ticket = tickets.create_ticket(
            g.stay, kind=form.kind.data, category_id=form.category.data, text=form.text.data,
            language=current_language(), booking_item_id=form.booking_item.data or None)
    except DomainError as error:
        field = form._fields.get(error.field or "")
        (field.errors if field is not None else form.form_errors).append(error.message)
        return render_template("guest/help/ask.html", form=form, matches=None), 422
    flash(_("Thank you. Your tracking number is %(number)s.", number=ticket.number), "success")
    return redirect(url_for("guest.help_ticket", number=ticket.number), 303)


@bp.get("/help/tickets")
@guest_required
def help_tickets():
    """List the guest's own tickets with their state and answer."""
    return render_template("guest/help/tickets.html", tickets=tickets.tickets_of_stay(g.stay))


def _own_ticket(number: str):
    ticket = tickets.find_ticket(number, stay=g.stay)
    if ticket is None:
        abort(404)
    return ticket


@bp.get("/help/tickets/<number>")
@guest_required
def help_ticket(number: str):
    """Show one of the guest's tickets; once closed, ask how it was handled."""
    ticket = _own_ticket(number)
    return render_template("guest/help/ticket.html", ticket=ticket, form=SatisfactionForm())


@bp.post("/help/tickets/<number>/satisfaction")
@guest_required
def help_rate(number: str):
    """Store how satisfied the guest is with how a closed ticket was handled."""
    ticket = _own_ticket(number)
    form = SatisfactionForm()
    if form.validate_on_submit():
        try:
            tickets.rate_handling(ticket, g.stay, form.score.data, form.comment.data or "")
        except DomainError as error:
            form.score.errors = [*form.score.errors, error.message]
        else:
            flash(_("Thank you for telling us."), "success")
            return redirect(url_for("guest.help_ticket", number=ticket.number), 303)
    db.session.refresh(ticket)
    return render_template("guest/help/ticket.html", ticket=ticket, form=form), 422
