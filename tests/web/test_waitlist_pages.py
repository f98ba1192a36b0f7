"""The waiting list on the guest's pages: join beside a full time or full days, see the
place in the queue on My bookings, leave, and book an offer from its link or the list."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.models import Kind, Message, MessageKind, PricingUnit, WaitingEntry, WaitingState
from hotel.models.types import utcnow
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.rules import ItemRequest
from tests.factories import make_service, make_slot, make_stay
from tests.helpers import post_form


@pytest.fixture
def hotel(db):
    """A full riding lesson, a crib with none left tomorrow, and two families."""
    today = hotel_today()
    riding = make_service("riding", price="30.00", cutoff_hours=1,
                          texts={"en": ("Riding", "Horses."), "ko": ("승마", "말.")})
    slot = make_slot(riding, utcnow() + timedelta(days=2), capacity=1)
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=1, cutoff_hours=0,
                        texts={"en": ("Crib", "A cot."), "ko": ("아기 침대", "침대.")})
    holder = make_stay("LP20001", last_name="Weber", arrival_on=today, nights=4)
    kim = make_stay("LP20002", last_name="Kim", arrival_on=today, nights=4, children=[6])
    tomorrow = today + timedelta(days=1)
    booking = create_booking(holder, [
        ItemRequest(service=riding, slot_id=slot.id, participant_ids=[holder.members[0].id]),
        ItemRequest(service=crib, start_on=tomorrow, end_on=tomorrow)], holder)
    db.session.commit()
    return {"riding": riding, "slot": slot, "crib": crib, "holder": holder, "kim": kim,
            "booking": booking, "tomorrow": tomorrow}


def test_a_full_time_is_shown_disabled_with_the_waiting_list_beside_it(client, auth, hotel):
    auth.guest_login(hotel["kim"])
    page = client.get("/services/riding").text
    assert "There are no free times left during your stay." in page
    assert "Join the waiting list" in page
    assert f'name="waitlist-slot_id" required type="radio" value="{hotel["slot"].id}"' in page


def test_a_guest_joins_sees_the_place_in_the_queue_and_leaves(client, auth, hotel):
    auth.guest_login(hotel["kim"])
    kim = hotel["kim"]
    response = post_form(client, "/services/riding/waitlist", {
        "waitlist-slot_id": hotel["slot"].id, "waitlist-participants": [kim.members[0].id]},
        token_from="/services/riding")
    assert response.status_code == 302, response.text
    page = client.get("/my-bookings").text
    assert "Waiting lists" in page and "Number 1 in the queue" in page
    entry = client.application.extensions["sqlalchemy"].session.scalar(select(WaitingEntry))
    response = post_form(client, f"/my-bookings/waitlist/{entry.id}/leave",
                         token_from="/my-bookings")
    assert response.status_code == 302
    assert "Number 1 in the queue" not in client.get("/my-bookings").text


def test_my_bookings_reads_the_waiting_lists_only_for_a_stay_on_one(
        client, auth, hotel, count_queries):
    auth.guest_login(hotel["kim"])
    client.get("/my-bookings")
    with count_queries() as counter:
        assert "Waiting lists" not in client.get("/my-bookings").text
    assert not [s for s in counter.statements if s.startswith("SELECT waiting_entry.")]
    post_form(client, "/services/riding/waitlist", {
        "waitlist-slot_id": hotel["slot"].id,
        "waitlist-participants": [hotel["kim"].members[0].id]}, token_from="/services/riding")
    with count_queries() as counter:
        assert "Number 1 in the queue" in client.get("/my-bookings").text
    assert [s for s in counter.statements if s.startswith("SELECT waiting_entry.")]


def test_a_bad_join_is_answered_next_to_the_form_and_writes_nothing(client, auth, db, hotel):
    auth.guest_login(hotel["kim"])
    response = post_form(client, "/services/riding/waitlist", {
        "waitlist-slot_id": hotel["slot"].id,
        "waitlist-participants": [hotel["holder"].members[0].id]},  # not in Kim's party
        token_from="/services/riding")
    assert response.status_code == 422
    assert "Only people staying with you can take part." in response.text
    assert db.session.scalar(select(WaitingEntry.id)) is None


def test_rental_days_with_none_left_offer_the_waiting_list(client, auth, db, hotel):
    auth.guest_login(hotel["kim"])
    day = hotel["tomorrow"].isoformat()
    page = client.get("/services/crib").text
    assert "Join the waiting list" in page
    response = post_form(client, "/services/crib/waitlist", {
        "waitlist-start_date": day, "waitlist-end_date": day, "waitlist-quantity": 1},
        token_from="/services/crib")
    assert response.status_code == 302, response.text
    entry = db.session.scalar(select(WaitingEntry))
    assert (entry.start_on, entry.quantity, entry.state) == (hotel["tomorrow"], 1,
                                                             WaitingState.WAITING)


def test_the_offer_is_on_the_messages_page_and_books_from_its_link(client, auth, db, hotel):
    auth.guest_login(hotel["kim"])
    kim = hotel["kim"]
    post_form(client, "/services/riding/waitlist", {
        "waitlist-slot_id": hotel["slot"].id, "waitlist-participants": [kim.members[0].id]},
        token_from="/services/riding")
    riding_item = hotel["booking"].items[0]
    cancel_booking_item(db.session.merge(riding_item), hotel["holder"])
    message = db.session.scalar(select(Message).where(
        Message.kind == MessageKind.WAITLIST_OFFER))
    messages_page = client.get("/messages").text
    link = messages_page.split('href="http://127.0.0.1:5000')[1].split('"')[0] \
        if 'href="http://127.0.0.1:5000/waitlist/' in messages_page else None
    offer_path = "/waitlist/" + message.text.split("/waitlist/")[1].split()[0]
    assert link is None or link.startswith("/waitlist/")
    page = client.get(offer_path)
    assert page.status_code == 200
    entry = db.session.scalar(select(WaitingEntry))
    response = post_form(client, f"/my-bookings/waitlist/{entry.id}/accept",
                         token_from=offer_path)
    assert response.status_code == 302 and "/bookings/" in response.headers["Location"]
    db.session.expire_all()
    assert db.session.scalar(select(WaitingEntry.state)) == WaitingState.BOOKED


def test_another_guest_cannot_act_on_an_entry(client, auth, db, hotel):
    kim = hotel["kim"]
    auth.guest_login(kim)
    post_form(client, "/services/riding/waitlist", {
        "waitlist-slot_id": hotel["slot"].id, "waitlist-participants": [kim.members[0].id]},
        token_from="/services/riding")
    entry_id = db.session.scalar(select(WaitingEntry.id))
    auth.logout()
    other = make_stay("LP20003", last_name="Park", arrival_on=hotel_today(), nights=2)
    db.session.commit()
    auth.guest_login(other)
    for action in ("leave", "accept"):
        response = post_form(client, f"/my-bookings/waitlist/{entry_id}/{action}",
                             token_from="/my-bookings")
        assert response.status_code == 303
    assert db.session.scalar(select(WaitingEntry.state)) == WaitingState.WAITING
