"""The messages of a stay through the API: the guest's own, and any stay's for the desk."""

from datetime import time, timedelta

from hotel.models import MessageKind
from hotel.services.messages import tell
from tests.factories import add_slot


def test_a_guest_reads_their_own_messages_and_no_one_elses(api, hotel, kim_token, db):
    slot = hotel["slots"][0]
    kim = hotel["kim"]
    booked = api.call("POST", "/api/v1/bookings", kim_token, json={"items": [
        {"service": "kids-club", "slot_id": slot.id,
         "participants": [member.id for member in kim.children]}]})
    assert booked.status_code == 201
    tell(hotel["brown"], MessageKind.REQUEST_CONFIRMED, items=[])
    db.session.commit()

    response = api.call("GET", "/api/v1/messages", kim_token)
    assert response.status_code == 200
    [message] = response.json["messages"]
    assert message["kind"] == "booking_received"
    assert booked.json["reference"] in message["subject"]
    assert "Kids club" in message["text"] and message["read_at"] is None
    assert "state" not in message and "email" not in message


def test_reception_reads_a_stays_messages_with_their_delivery(api, hotel, db):
    add_slot(hotel["club"], hotel["today"] + timedelta(days=3), time(9, 0))
    tell(hotel["kim"], MessageKind.REQUEST_CONFIRMED, items=[])
    db.session.commit()
    token = api.staff_token("reception")

    response = api.call("GET", "/api/v1/stays/LP1001/messages", token)
    assert response.status_code == 200
    [message] = response.json["messages"]
    assert message["state"] == "kept" and message["attempts"] == 0
    assert api.call("GET", "/api/v1/stays/NOPE/messages", token).status_code == 404
    assert api.call("GET", "/api/v1/stays/%00/messages", token).status_code in (404, 422)


def test_only_reception_and_managers_read_a_stays_messages(api, hotel, kim_token):
    assert api.call("GET", "/api/v1/stays/LP1001/messages", kim_token).status_code == 403
    staff = api.staff_token("kidsclub")
    assert api.call("GET", "/api/v1/stays/LP1001/messages", staff).status_code == 403
    assert api.call("GET", "/api/v1/messages", staff).status_code == 403
    assert api.call("GET", "/api/v1/messages").status_code == 401
