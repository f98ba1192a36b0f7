"""The basket rechecks every line each time it is shown: a line another guest has taken
meanwhile is marked, with the nearest times that still have room."""

from datetime import time, timedelta

from hotel.clock import hotel_today, local_to_utc
from hotel.models import Kind, PricingUnit
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import make_service, make_slot, make_stay
from tests.helpers import post_form


def test_a_basket_line_taken_meanwhile_shows_the_nearest_times(client, auth, db):
    riding = make_service("riding", price="30.00", texts={"en": ("Riding", "")})
    day = hotel_today() + timedelta(days=2)
    wanted = make_slot(riding, local_to_utc(day, time(10)), capacity=1)
    make_slot(riding, local_to_utc(day, time(12)), capacity=2)  # the nearest with room
    make_slot(riding, local_to_utc(day, time(14)), capacity=1, booked=1)  # full: not offered
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=1, texts={"en": ("Crib", "")})
    kim = make_stay("LP30001", last_name="Kim", arrival_on=hotel_today(), nights=4)
    other = make_stay("LP30002", last_name="Roth", arrival_on=hotel_today(), nights=4)
    db.session.commit()
    auth.guest_login(kim)
    post_form(client, "/services/riding/add", {"slot_id": wanted.id,
                                               "participants": [kim.members[0].id]},
              token_from="/services/riding")
    post_form(client, "/services/crib/add", {"start_date": day.isoformat(),
                                             "end_date": day.isoformat(), "quantity": 1},
              token_from="/services/crib")
    page = client.get("/basket").text
    assert "row--error" not in page

    create_booking(other, [ItemRequest(service=riding, slot_id=wanted.id,
                                       participant_ids=[other.members[0].id]),
                           ItemRequest(service=crib, start_on=day, end_on=day)], other)
    page = client.get("/basket").text
    assert page.count("row--error") == 2
    assert "This time has just been taken by other guests." in page
    assert "Not enough units are free on these days any more." in page
    alternatives = page.split('class="basket-alternatives"')[1].split("</div>")[0]
    assert "12:00" in alternatives and "14:00" not in alternatives
