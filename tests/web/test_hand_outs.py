"""The desk's hand-out pages: reception or the rental's department hands a unit out from
the run sheet, takes it back damaged, and the unit shows everywhere it should."""

import csv
import io
from datetime import timedelta

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.models import HandOut, Kind, OutOfService, PricingUnit, RentalUnit, Role
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import make_department, make_service, make_staff, make_stay
from tests.helpers import csrf_token


@pytest.fixture
def rental(db):
    """Strollers of housekeeping, a family that booked one for today and tomorrow, and
    staff of housekeeping and of the kids club."""
    today = hotel_today()
    house = make_department("housekeeping", "Housekeeping")
    kids = make_department("kids", "Kids club")
    strollers = make_service("stroller", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_DAY,
                             stock=2, department=house, cutoff_hours=0,
                             texts={"en": ("Stroller", ""), "ko": ("유모차", "")})
    stay = make_stay("LP30001", room="214", last_name="Park", arrival_on=today, nights=3)
    desk = make_staff("desk", Role.RECEPTION)
    make_staff("maid", Role.STAFF, house)
    make_staff("kids", Role.STAFF, kids)
    db.session.commit()
    booking = create_booking(stay, [ItemRequest(strollers, quantity=1, start_on=today,
                                                end_on=today + timedelta(days=1))], desk)
    units = db.session.scalars(select(RentalUnit).order_by(RentalUnit.number)).all()
    return {"item": booking.items[0], "service": strollers, "units": units, "today": today}


def page_of(rental) -> str:
    return f"/desk/rentals/items/{rental['item'].id}"


def hand_out(client, rental, unit, **fields):
    token = csrf_token(client, page_of(rental))
    return client.post(f"{page_of(rental)}/hand-out",
                       data={"csrf_token": token, "unit": unit.id, **fields})


def test_the_department_hands_out_from_the_run_sheet_and_it_shows_everywhere(
        client, auth, db, rental):
    auth.staff_login(username="maid")
    sheet = client.get("/desk/schedule").get_data(as_text=True)
    assert page_of(rental) in sheet
    assert "Stroller 1" in client.get(page_of(rental)).get_data(as_text=True)
    response = hand_out(client, rental, rental["units"][1], deposit="40.00")
    assert response.status_code == 303
    page = client.get(page_of(rental)).get_data(as_text=True)
    assert "Stroller 2" in page and "40.00" in page
    assert "Units:" in client.get("/desk/schedule").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(client.get("/desk/schedule.csv")
                                       .get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][-1] == "Units" and rows[1][-1] == "Stroller 2"


def test_a_unit_taken_already_is_refused_with_409_and_a_message(client, auth, db, rental):
    auth.staff_login(username="desk")
    other = make_stay("LP30002", arrival_on=rental["today"], nights=2)
    db.session.commit()
    second = create_booking(other, [ItemRequest(rental["service"], quantity=1,
                                                start_on=rental["today"],
                                                end_on=rental["today"])], other).items[0]
    assert hand_out(client, rental, rental["units"][0]).status_code == 303
    token = csrf_token(client, page_of(rental))
    response = client.post(f"/desk/rentals/items/{second.id}/hand-out",
                           data={"csrf_token": token, "unit": rental["units"][0].id})
    assert response.status_code == 409
    assert "already handed out" in response.get_data(as_text=True)
    assert db.session.scalar(select(HandOut.id).where(HandOut.item_id == second.id)) is None


def test_a_damaged_return_puts_the_unit_out_of_service_until_reception_repairs_it(
        client, auth, db, rental):
    auth.staff_login(username="maid")
    hand_out(client, rental, rental["units"][0], deposit="25")
    given = db.session.scalar(select(HandOut))
    token = csrf_token(client, page_of(rental))
    refused = client.post(f"/desk/hand-outs/{given.id}/return",
                          data={"csrf_token": token, f"r{given.id}-condition": "damaged"})
    assert refused.status_code == 422
    assert "what is damaged" in refused.get_data(as_text=True)
    response = client.post(f"/desk/hand-outs/{given.id}/return", data={
        "csrf_token": token, f"r{given.id}-condition": "damaged",
        f"r{given.id}-note": "Brake does not hold", f"r{given.id}-deposit_returned": "y"})
    assert response.status_code == 303
    assert "back, damaged" in client.get(page_of(rental)).get_data(as_text=True)
    auth.logout()
    auth.staff_login(username="desk")
    page = client.get("/desk/inventory/services/stroller").get_data(as_text=True)
    assert "Brake does not hold" in page and "Mark repaired" in page
    unit = rental["units"][0]
    token = csrf_token(client, "/desk/inventory/services/stroller")
    assert client.post(f"/desk/rental-units/{unit.id}/repaired",
                       data={"csrf_token": token}).status_code == 303
    assert db.session.scalar(select(OutOfService)) is None  # begun today: deleted
    assert "Mark repaired" not in client.get("/desk/inventory/services/stroller").get_data(
        as_text=True)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_staff_of_another_department_cannot_reach_the_item(client, auth, rental, method):
    auth.staff_login(username="kids")
    if method == "GET":
        assert client.get(page_of(rental)).status_code == 403
    else:
        token = csrf_token(client, "/desk/")
        response = client.post(f"{page_of(rental)}/hand-out",
                               data={"csrf_token": token, "unit": rental["units"][0].id})
        assert response.status_code == 403


def test_bad_units_and_deposits_are_refused_without_a_500(client, auth, db, rental):
    auth.staff_login(username="desk")
    token = csrf_token(client, page_of(rental))
    for data in ({"unit": "999999"}, {"unit": "x"}, {"unit": str(2**40)},
                 {"unit": rental["units"][0].id, "deposit": "-5"},
                 {"unit": rental["units"][0].id, "deposit": "NaN"},
                 {"unit": rental["units"][0].id, "deposit": "1e9"}):
        response = client.post(f"{page_of(rental)}/hand-out", data={"csrf_token": token, **data})
        assert 400 <= response.status_code < 500, (data, response.status_code)
    assert db.session.scalar(select(HandOut)) is None


def test_today_for_department_staff_is_their_department_s_day(client, auth, db, rental):
    arriving = make_stay("LP30003", room="999", last_name="Elsewhere", arrival_on=rental["today"])
    db.session.commit()
    auth.staff_login(username="maid")
    page = client.get("/desk/").get_data(as_text=True)
    assert "Hand-outs and returns" in page and "214" in page
    assert "Arriving today" not in page and arriving.room not in page
    auth.logout()
    auth.staff_login(username="desk")
    page = client.get("/desk/").get_data(as_text=True)
    assert "Arriving today" in page and "999" in page
    assert "Units due back today and overdue" in page


def test_today_lists_units_due_back_and_overdue_with_room_and_guest(client, auth, db, rental):
    auth.staff_login(username="desk")
    hand_out(client, rental, rental["units"][0])
    given = db.session.scalar(select(HandOut))
    given.due_on = rental["today"] - timedelta(days=1)  # kept past its day
    db.session.commit()
    for path in ("/desk/", "/desk/schedule"):
        page = client.get(path).get_data(as_text=True)
        assert "overdue" in page and "Stroller 1" in page and "214" in page, path
    assert "Park" in client.get("/desk/").get_data(as_text=True)


def test_a_manager_names_a_unit(client, auth, db, rental):
    auth.staff_login(Role.MANAGER)
    unit = rental["units"][1]
    token = csrf_token(client, "/desk/inventory/services/stroller")
    response = client.post(f"/desk/rental-units/{unit.id}/label",
                           data={"csrf_token": token, f"u{unit.id}-label": "Twin stroller"})
    assert response.status_code == 303
    assert "Twin stroller" in client.get("/desk/inventory/services/stroller").get_data(
        as_text=True)
