"""Desk pages for stays: the list with search, one stay, create and edit, and the CSV import."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.forms.stays import StayFilterForm, StayForm, StayImportForm
from hotel.desk.roles import OPERATIONS, staff_required
from hotel.extensions import db
from hotel.models import Booking, BookingItem, Role, Service, Stay, fold_name
from hotel.services.errors import DomainError
from hotel.services.messages import messages_of_stay
from hotel.services.pages import page_of
from hotel.services.stay_import import ImportRejected, import_stays
from hotel.services.stays import StayChanged, StayNotFound, save_stay
from hotel.web.care_notes_form import PartyCareForm, save_care_form

PAGE_SIZE = 50
STAY_MESSAGES = 100  # the newest messages of a stay, on its page
ORDERS = {
    "in_house": (Stay.room, Stay.reference),
    "arriving": (Stay.arrival_on, Stay.room, Stay.reference),
    "departed": (Stay.departure_on.desc(), Stay.reference),
    "all": (Stay.arrival_on.desc(), Stay.reference),
}


def _word_matches(word: str):
    folded = fold_name(word)
    return or_(func.upper(Stay.room) == word.upper(),
               func.upper(Stay.reference).contains(word.upper(), autoescape=True),
               Stay.last_name_key.contains(folded, autoescape=True),
               func.lower(Stay.first_name).contains(folded, autoescape=True),
               func.lower(Stay.first_name).contains(word.lower(), autoescape=True))


def _filtered(when: str, search: str):
    today = hotel_today()
    periods = {"in_house": and_(Stay.arrival_on <= today, Stay.departure_on >= today),
               "arriving": Stay.arrival_on >= today, "departed": Stay.departure_on < today}
    query = select(Stay)
    if when in periods:
        query = query.where(periods[when])
    for word in search.split():
        query = query.where(_word_matches(word))
    return query


@bp.get("/stays")
@staff_required(Role.RECEPTION, Role.MANAGER)
def stays():
    """List stays, searched by room, reference or name and filtered by when they are here."""
    form = StayFilterForm(request.args)
    valid = form.validate()
    when = form.when.data if valid and form.when.data else "in_house"
    query = _filtered(when, (form.q.data or "") if valid else "").order_by(*ORDERS[when])
    page = page_of(query, max(request.args.get("page", 1, type=int) or 1, 1), PAGE_SIZE)
    return render_template("desk/stays/index.html", form=form, page=page), 200 if valid else 422


def stay_or_404(reference: str) -> Stay:
    """Return the stay with this reference, or answer 404."""
    stay = db.session.scalar(select(Stay).where(Stay.reference == reference))
    if stay is None:
        abort(404)
    return stay


@bp.get("/stays/<reference>")
@staff_required(*OPERATIONS)
def stay_detail(reference: str):
    """Show a stay with its party, what it has booked and what the hotel wrote to it."""
    stay = stay_or_404(reference)
    items = db.session.scalars(
        select(BookingItem).join(BookingItem.booking).where(Booking.stay_id == stay.id)
        .options(selectinload(BookingItem.service).selectinload(Service.texts),
                 selectinload(BookingItem.booking).selectinload(Booking.stay),
                 selectinload(BookingItem.participants),
                 selectinload(BookingItem.standard_reason))
        .order_by(BookingItem.start_on, BookingItem.starts_at, BookingItem.id)
    ).all()
    return render_template("desk/stays/detail.html", stay=stay, items=items, today=hotel_today(),
                           stay_messages=messages_of_stay(stay.id, limit=STAY_MESSAGES))


def _save(form: StayForm, reference: str | None):
    """Save the form through the service; on a wrong field, show the form again (422)."""
    if form.validate_on_submit():
        try:
            stay = save_stay(form.stay_data(), current_user, reference=reference)
        except StayNotFound:
            abort(404)
        except StayChanged as error:
            return _changed_meanwhile(error)
        except DomainError as error:
            form.show_error(error.field, error.message)
        else:
            flash(_("Stay %(reference)s saved.", reference=stay.reference), "success")
            return redirect(url_for("desk.stay_detail", reference=stay.reference), 303)
    return render_template("desk/stays/form.html", form=form, reference=reference,
                           failed=True), 422


def _changed_meanwhile(error: StayChanged):
    """Show the stay as it is saved now, and why the form's changes were not saved (409)."""
    stay = db.session.get(Stay, error.stay_id) or abort(404)
    form = StayForm.for_stay(stay)
    form.form_errors.append(error.message)
    form.form_errors.append(_("The form now shows the stay as it is saved; please make "
                              "your changes again."))
    return render_template("desk/stays/form.html", form=form, reference=stay.reference), 409


@bp.route("/stays/new", methods=["GET", "POST"])
@staff_required(*OPERATIONS)
def stay_new():
    """Create a stay with its party."""
    form = StayForm()
    if request.method == "GET":
        return render_template("desk/stays/form.html", form=form, reference=None)
    return _save(form, None)


@bp.route("/stays/<reference>/edit", methods=["GET", "POST"])
@staff_required(*OPERATIONS)
def stay_edit(reference: str):
    """Edit a stay and its party."""
    stay = stay_or_404(reference)
    if request.method == "GET":
        return render_template("desk/stays/form.html", form=StayForm.for_stay(stay),
                               reference=reference)
    return _save(StayForm(), reference)


@bp.route("/stays/<reference>/party", methods=["GET", "POST"])
@staff_required(*OPERATIONS)
def stay_party(reference: str):
    """Edit the care notes of a stay's party and the stay's contact phone."""
    stay = stay_or_404(reference)
    if request.method == "GET":
        return render_template("desk/stays/party.html", stay=stay,
                               form=PartyCareForm.for_stay(stay))
    form = PartyCareForm()
    saved, status = save_care_form(form, stay, current_user)
    if saved:
        flash(_("Care notes of %(reference)s saved.", reference=stay.reference), "success")
        return redirect(url_for("desk.stay_detail", reference=stay.reference), 303)
    return render_template("desk/stays/party.html", stay=stay, form=form), status


@bp.route("/stays/import", methods=["GET", "POST"])
@staff_required(*OPERATIONS)
def stays_import():
    """Import a CSV export of the property-management system: every row, or none."""
    form = StayImportForm()
    if request.method == "GET":
        return render_template("desk/stays/import.html", form=form)
    if not form.validate_on_submit():
        return render_template("desk/stays/import.html", form=form), 422
    try:
        result = import_stays(form.file.data.read(), current_user)
    except ImportRejected as rejected:
        return render_template("desk/stays/import.html", form=form, rejected=rejected), 422
    except DomainError as error:
        form.file.errors = [*form.file.errors, error.message]
        return render_template("desk/stays/import.html", form=form), 422
    flash(_("Import done. Created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d.",
            created=len(result.created), updated=len(result.updated),
            unchanged=len(result.unchanged)), "success")
    if result.ignored_columns:
        flash(_("These columns were not understood and were left out: %(names)s.",
                names=", ".join(result.ignored_columns)), "warning")
    return redirect(url_for("desk.stays", when="all"), 303)
