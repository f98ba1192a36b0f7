"""What the hotel wrote to the guest, and the personal links its messages carry: sign in
without typing, rebook a cancelled time, stop offers.
"""

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from hotel.extensions import csrf, db
from hotel.guest import bp
from hotel.guest.forms import ActionForm
from hotel.models import BookingItem, Slot
from hotel.services import links, messages
from hotel.services.bookings import create_booking
from hotel.services.errors import DomainError
from hotel.services.plain_text import isolate
from hotel.services.rules import ItemRequest
from hotel.services.stays import set_marketing_consent
from hotel.web.sessions import guest_required, start_guest_session


@bp.get("/messages")
@guest_required
def show_messages():
    """List what the hotel wrote to the guest, newest first, and mark it read."""
    stay_messages = messages.messages_of_stay(g.stay.id)
    unread = {message.id for message in stay_messages if message.unread}
    messages.mark_read(g.stay.id)
    g.unread_counted = (g.stay.id, 0)
    return render_template("guest/messages.html", messages=stay_messages, unread=unread)


def _link_not_valid():
    return render_template("guest/link_not_valid.html"), 404


def _sign_in_from_link(stay) -> None:
    if g.get("stay") is None or g.stay.id != stay.id:
        start_guest_session(stay)
        g.stay = stay


@bp.get("/welcome/<token>")
def sign_in_link(token: str):
    """Sign the guest in with the personal link of a message or the welcome card."""
    try:
        stay = links.stay_of_sign_in_link(token)
    except LookupError:
        return _link_not_valid()
    _sign_in_from_link(stay)
    flash(_("Welcome, %(name)s.", name=isolate(stay.first_name)), "success")
    return redirect(url_for("guest.my_bookings"))


def _rebooking(token: str):
    """Return the stay, the cancelled item and the slot a rebook link offers, or None."""
    try:
        stay, item_id, slot_id = links.read_rebook_link(token)
    except LookupError:
        return None
    item, slot = db.session.get(BookingItem, item_id), db.session.get(Slot, slot_id)
    if item is None or slot is None or item.booking.stay_id != stay.id \
            or slot.service_id != item.service_id:
        return None
    return stay, item, slot


@bp.route("/rebook/<token>", methods=["GET", "POST"])
def rebook(token: str):
    """Offer the time of a rebook link for the party of the cancelled item, and book it."""
    found = _rebooking(token)
    if found is None:
        return _link_not_valid()
    stay, item, slot = found
    _sign_in_from_link(stay)
    form = ActionForm()
    status = 200
    if form.validate_on_submit():
        line = ItemRequest(service=item.service, quantity=item.quantity, slot_id=slot.id,
                           participant_ids=[member.id for member in item.participants],
                           details=dict(item.details or {}), note=item.note or "")
        try:
            booking = create_booking(stay, [line], stay,
                                     submission_key=f"rebook-{item.id}-{slot.id}")
        except DomainError as error:
            flash(error.message, "error")
            status = error.status
        else:
            flash(_("Booked. We have sent you the details."), "success")
            return redirect(url_for("guest.confirmation", reference=booking.reference))
    return render_template("guest/rebook.html", item=item, slot=slot, form=form), status


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed link is the proof; mail programs post to it with no form
def unsubscribe(token: str):
    """Stop offers to a stay: a page with a button, or one click from the mail program."""
    try:
        stay = links.stay_of_unsubscribe_link(token)
    except LookupError:
        return _link_not_valid()
    if request.method == "POST":
        set_marketing_consent(stay, False)
        return render_template("guest/unsubscribed.html", stay=stay)
    return render_template("guest/unsubscribe.html", stay=stay, token=token)


def unread_messages() -> int:
    """Return how many messages the signed-in guest has not read (for the menu)."""
    stay = g.get("stay")
    if stay is None:
        return 0
    counted = g.get("unread_counted")  # with the stay, when the request began
    if counted is None or counted[0] != stay.id:
        counted = g.unread_counted = (stay.id, messages.unread_count(stay.id))
    return counted[1]
