"""Today's arrivals with what they booked ahead, and departures with the rentals to collect:
one stay query and one grouped query of their items for both."""

from datetime import timedelta

from hotel.clock import hotel_today
from hotel.models import ItemState, Kind, PricingUnit, Role
from tests.factories import make_booking_item, make_service, make_stay


def section(page: str, heading: str) -> str:
    return page.split(heading, 1)[1].split("</section>", 1)[0]


def test_arrivals_show_what_they_booked_and_departures_the_rentals_to_collect(
        client, auth, db):
    today = hotel_today()
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        texts={"en": ("Crib", "")}, stock=5)
    bikes = make_service("bikes", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_DAY,
                         texts={"en": ("Bikes", "")}, stock=5)
    tour = make_service("tour", kind=Kind.ON_REQUEST, texts={"en": ("Lake tour", "")})
    arriving = make_stay(last_name="Arrives", arrival_on=today, room="101")
    leaving = make_stay(last_name="Leaves", arrival_on=today - timedelta(3), nights=3,
                        room="202")
    make_booking_item(arriving, crib, start_on=today, end_on=today + timedelta(2), quantity=1)
    make_booking_item(arriving, crib, start_on=today + timedelta(3),
                      end_on=today + timedelta(3), quantity=1)
    make_booking_item(arriving, tour, start_on=today + timedelta(1))
    make_booking_item(arriving, bikes, start_on=today, end_on=today, quantity=2,
                      state=ItemState.CANCELLED)
    make_booking_item(leaving, crib, start_on=today - timedelta(3), end_on=today - timedelta(1),
                      quantity=1)
    make_booking_item(leaving, bikes, start_on=today - timedelta(3), end_on=today - timedelta(3),
                      quantity=1)  # back two days ago: nothing to collect
    make_booking_item(leaving, tour, start_on=today - timedelta(1))  # not a rental
    db.session.commit()
    auth.staff_login(Role.RECEPTION)

    page = client.get("/desk/").get_data(as_text=True)

    arrivals = section(page, 'id="arrivals-heading"')
    assert "Arrives" in arrivals and "Leaves" not in arrivals
    assert "Crib × 2" in arrivals and "Lake tour" in arrivals  # two crib items, summed
    assert "Bikes" not in arrivals  # cancelled
    departures = section(page, 'id="departures-heading"')
    assert "Leaves" in departures and "Arrives" not in departures
    assert "Crib × 1" in departures
    assert "Bikes" not in departures and "Lake tour" not in departures
