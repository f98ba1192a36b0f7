"""A guest's waiting lists: join a full time or full days, list the entries, accept an
offer, leave."""

from flask import g
from flask_babel import gettext as _

from hotel.api import bp, schemas, serialize
from hotel.api.tokens import guest_required
from hotel.i18n import text_locales
from hotel.services import waitlist, waitlist_lists
from hotel.services.errors import DomainError, NotFound

WAITLIST_KEYS = frozenset({"service", "slot_id", "start_date", "end_date", "quantity",
                           "participants"})
MAX_ENTRY_ID = 2**31 - 1


def _entry_json(row: waitlist_lists.Waiting) -> dict:
    entry = row.entry
    return {
        "id": entry.id,
        "service": entry.service.slug,
        "slot_id": entry.slot_id,
        "start_date": serialize.day(entry.start_on),
        "end_date": serialize.day(entry.end_on),
        "quantity": entry.quantity,
        "participants": list(entry.participant_ids),
        "state": entry.state.value,
        "position": row.position,
        "offer_expires_at": serialize.moment(entry.offer_expires_at)
        if entry.state.value == "offered" else None,
    }


def _row_of(entry_id: int) -> waitlist_lists.Waiting:
    """:raises NotFound: the guest has no such entry."""
    for row in waitlist_lists.entries_of_stay(g.api_stay.id, text_locales(),
                                              states=tuple(waitlist.WaitingState)):
        if row.entry.id == entry_id:
            return row
    raise NotFound(_("We could not find this place on the waiting list."))


@bp.post("/waitlist")
@guest_required
def join_waitlist():
    """Put the signed-in guest on the waiting list of a full slot or full rental days."""
    data = schemas.json_object()
    for key in data:
        if key not in WAITLIST_KEYS:
            raise DomainError(_("This field is not known."), str(key)[:60])
    request = schemas.item_request(data, None)
    entry = waitlist.join_waiting_list(g.api_stay, request, g.api_stay)
    return _entry_json(_row_of(entry.id)), 201


@bp.get("/waitlist")
@guest_required
def list_waitlist():
    """List the signed-in guest's waiting-list entries, with their places in the queue."""
    rows = waitlist_lists.entries_of_stay(g.api_stay.id, text_locales(),
                                          states=tuple(waitlist.WaitingState))
    return {"entries": [_entry_json(row) for row in rows]}


@bp.post(f"/waitlist/<int(max={MAX_ENTRY_ID}):entry_id>/accept")
@guest_required
def accept_waitlist_offer(entry_id: int):
    """Book what an offer holds for the signed-in guest."""
    booking = waitlist.accept_offer(entry_id, g.api_stay)
    return serialize.booking_json(booking), 201


@bp.delete(f"/waitlist/<int(max={MAX_ENTRY_ID}):entry_id>")
@guest_required
def leave_waitlist(entry_id: int):
    """Take the signed-in guest off a waiting list, or let an offer go."""
    waitlist.leave_waiting_list(entry_id, g.api_stay)
    return _entry_json(_row_of(entry_id))
