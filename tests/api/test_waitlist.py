"""The waiting list through the API: join a full time (409 when there is room), list with
the place in the queue, accept an offer, leave."""

from sqlalchemy import select

from hotel.extensions import db
from hotel.models import Slot, WaitingEntry, WaitingState


def book(api, token, slot, participants):
    return api.call("POST", "/api/v1/bookings", token, json={"items": [
        {"service": "kids-club", "slot_id": slot.id, "participants": participants}]})


def join(api, token, slot, participants):
    return api.call("POST", "/api/v1/waitlist", token, json={
        "service": "kids-club", "slot_id": slot.id, "participants": participants})


def test_joining_a_time_with_room_answers_409_book_instead(api, hotel, kim_token):
    slot = hotel["slots"][0]
    response = join(api, kim_token, slot, [hotel["kim"].children[0].id])
    assert response.status_code == 409
    assert response.json["error"] == "room_left"


def test_a_guest_waits_is_offered_and_accepts(api, hotel, kim_token, brown_token):
    slot = hotel["slots"][1]  # one place
    amy_child = hotel["brown"].children[0].id
    booking = book(api, brown_token, slot, [amy_child]).json
    kim_child = hotel["kim"].children[0].id
    response = join(api, kim_token, slot, [kim_child])
    assert response.status_code == 201, response.json
    assert response.json["state"] == "waiting" and response.json["position"] == 1
    entry_id = response.json["id"]

    listed = api.call("GET", "/api/v1/waitlist", kim_token).json["entries"]
    assert [(e["id"], e["state"], e["offer_expires_at"]) for e in listed] == [
        (entry_id, "waiting", None)]
    assert api.call("GET", "/api/v1/waitlist", brown_token).json["entries"] == []
    # Not offered yet: nothing to accept.
    assert api.call("POST", f"/api/v1/waitlist/{entry_id}/accept", kim_token).status_code == 409

    item = booking["items"][0]["id"]
    cancel = api.call("POST", f"/api/v1/bookings/{booking['reference']}/items/{item}/cancel",
                      brown_token)
    assert cancel.status_code == 200
    [offered] = api.call("GET", "/api/v1/waitlist", kim_token).json["entries"]
    assert offered["state"] == "offered" and offered["offer_expires_at"]
    # The held place is nobody else's.
    assert book(api, brown_token, slot, [amy_child]).status_code == 409
    assert api.call("POST", f"/api/v1/waitlist/{entry_id}/accept",
                    brown_token).status_code == 404
    accepted = api.call("POST", f"/api/v1/waitlist/{entry_id}/accept", kim_token)
    assert accepted.status_code == 201, accepted.json
    assert accepted.json["items"][0]["participants"] == [kim_child]
    assert db.session.scalar(select(Slot.booked).where(Slot.id == slot.id)) == 1
    [booked] = api.call("GET", "/api/v1/waitlist", kim_token).json["entries"]
    assert booked["state"] == "booked"


def test_leaving_the_waiting_list(api, hotel, kim_token, brown_token):
    slot = hotel["slots"][1]
    book(api, brown_token, slot, [hotel["brown"].children[0].id])
    entry_id = join(api, kim_token, slot, [hotel["kim"].children[0].id]).json["id"]
    assert api.call("DELETE", f"/api/v1/waitlist/{entry_id}", brown_token).status_code == 404
    left = api.call("DELETE", f"/api/v1/waitlist/{entry_id}", kim_token)
    assert left.status_code == 200 and left.json["state"] == "left"
    assert api.call("DELETE", f"/api/v1/waitlist/{entry_id}", kim_token).status_code == 409
    assert db.session.get(WaitingEntry, entry_id).state == WaitingState.LEFT


def test_bad_waiting_list_input_is_a_422_naming_the_member(api, hotel, kim_token):
    for body, member in [({"service": "kids-club", "slot_id": "x"}, "slot_id"),
                         ({"service": "kids-club", "note": "hi"}, "note"),
                         ({"service": "nothing-like-it"}, "service"),
                         ({"service": "transfer"}, "service")]:
        response = api.call("POST", "/api/v1/waitlist", kim_token, json=body)
        assert response.status_code == 422, (body, response.json)
        assert member in response.json["fields"], (body, response.json)
    assert api.call("POST", "/api/v1/waitlist", None, json={"service": "crib"}).status_code == 401
