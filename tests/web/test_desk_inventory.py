"""The desk's inventory pages: who may open them, what they show, and what reception changes."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today, local_to_utc
from hotel.i18n import day_label
from hotel.models import (
    AuditEntry,
    ItemState,
    Kind,
    OutOfService,
    PricingUnit,
    Role,
    Slot,
    SlotRule,
)
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import (
    make_department,
    make_out_of_service,
    make_service,
    make_slot,
    make_stay,
)
from tests.helpers import csrf_token, post_form, sign_in_as

VIENNA = ZoneInfo("Europe/Vienna")


def desk_day(client, day) -> str:
    """Return a day as the desk writes it (in the hotel's region's conventions)."""
    with client.application.test_request_context("/desk/"):
        return day_label(day)


@pytest.fixture
def today(db):
    return hotel_today()


@pytest.fixture
def cribs(db):
    return make_service("cribs", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=3, texts={"en": ("Baby crib", "")})


@pytest.fixture
def club(db):
    return make_service("kids-club", texts={"en": ("Kids club", "")})


@pytest.fixture
def stay(db, today):
    return make_stay("LP30001", arrival_on=today, nights=7, children=[4, 6])


@pytest.fixture
def reception(auth):
    """A receptionist, signed in."""
    return auth.staff_login(Role.RECEPTION, username="user-reception")


def post(client, path, data):
    return post_form(client, path, data, token_from="/desk/inventory")


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def audit_count(db) -> int:
    return count(db, AuditEntry)


# Who may open the pages


def paths():
    return ["/desk/inventory", "/desk/inventory/services/cribs",
            "/desk/inventory/services/kids-club"]


@pytest.mark.parametrize("path", paths())
def test_anonymous_visitors_are_sent_to_the_login(client, cribs, club, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/desk/login" in response.headers["Location"]


@pytest.mark.parametrize("path", paths())
def test_department_staff_may_not_open_the_inventory(client, auth, db, cribs, club, path):
    auth.staff_login(Role.STAFF, club.department)
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/desk/inventory/services/kids-club/slots",
                                  "/desk/inventory/services/cribs/stock"])
def test_department_staff_may_not_change_the_inventory(client, auth, db, cribs, club, path):
    auth.staff_login(Role.STAFF, club.department)
    token = csrf_token(client, "/desk/login")
    assert client.post(path, data={"csrf_token": token, "stock": "9"}).status_code == 403
    db.session.refresh(cribs)
    assert cribs.stock == 3


@pytest.mark.parametrize("role", [Role.RECEPTION, Role.MANAGER])
@pytest.mark.parametrize("path", paths())
def test_reception_and_managers_open_the_inventory(client, auth, db, cribs, club, role, path):
    auth.staff_login(role)
    assert client.get(path).status_code == 200


def test_unknown_services_and_slots_are_not_found(client, reception, club):
    assert client.get("/desk/inventory/services/nothing").status_code == 404
    token = csrf_token(client, "/desk/inventory")
    for path in ["/desk/inventory/slots/999/capacity", "/desk/inventory/slots/999/close",
                 "/desk/inventory/slots/999/reopen", "/desk/inventory/out-of-service/999/end"]:
        response = client.post(path, data={"csrf_token": token, "capacity": "3",
                                           "reason": "x"})
        assert response.status_code == 404, path


# Rentals


def test_the_overview_shows_stock_periods_and_free_units(client, db, reception, cribs, stay,
                                                         today):
    create_booking(stay, [ItemRequest(cribs, quantity=3, start_on=today + timedelta(days=1))],
                   stay)
    make_out_of_service(cribs, today + timedelta(days=2), today + timedelta(days=3),
                        reason="Wobbly leg")
    db.session.commit()

    page = client.get("/desk/inventory").get_data(as_text=True)

    assert "Baby crib" in page
    assert "Stock: 3 units" in page
    assert "Wobbly leg" in page
    assert "0 / 3" in page and "full" in page  # tomorrow is fully booked
    assert "2 / 2" in page  # one unit out of service
    assert "3 / 3" in page


def test_the_overview_takes_as_many_queries_for_3_as_for_12_rentals(client, db, reception,
                                                                    count_queries, today):
    def rentals(number):
        for _ in range(number):
            service = make_service(kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_DAY,
                                   stock=4)
            make_out_of_service(service, today + timedelta(days=1),
                                reason="Service", ends_on=today + timedelta(days=2))
            make_slot(make_service(), local_to_utc(today + timedelta(days=1), time(10)))
        db.session.commit()

    def queries():
        with count_queries() as counter:
            response = client.get("/desk/inventory")
        assert response.status_code == 200
        return counter.count

    rentals(3)
    few = queries()
    rentals(9)
    assert queries() == few


def test_the_stock_cannot_go_below_what_is_booked(client, db, reception, cribs, stay, today):
    busy = today + timedelta(days=2)
    create_booking(stay, [ItemRequest(cribs, quantity=2, start_on=busy)], stay)
    db.session.commit()
    before = audit_count(db)

    response = post(client, "/desk/inventory/services/cribs/stock", {"stock": "1"})

    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "the stock cannot be less than 2" in page
    assert desk_day(client, busy) in page
    db.session.refresh(cribs)
    assert cribs.stock == 3
    assert audit_count(db) == before


def test_changing_the_stock_shows_on_the_page(client, db, reception, cribs):
    response = post(client, "/desk/inventory/services/cribs/stock", {"stock": "5"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The stock is now 5." in page
    assert "5 / 5" in page


@pytest.mark.parametrize("value", ["-1", "abc", ""])
def test_a_bad_stock_is_refused(client, db, reception, cribs, value):
    response = post(client, "/desk/inventory/services/cribs/stock", {"stock": value})
    assert response.status_code == 422
    assert "Please enter a whole number" in response.get_data(as_text=True)
    db.session.refresh(cribs)
    assert cribs.stock == 3


def out_of_service(client, today, units, first, last, reason="Repair"):
    return post(client, "/desk/inventory/services/cribs/out-of-service", {
        "units": str(units), "starts_on": (today + timedelta(days=first)).isoformat(),
        "ends_on": (today + timedelta(days=last)).isoformat(), "reason": reason})


def test_out_of_service_that_cuts_into_bookings_is_refused(client, db, reception, cribs, stay,
                                                           today):
    busy = today + timedelta(days=2)
    create_booking(stay, [ItemRequest(cribs, quantity=2, start_on=busy)], stay)
    db.session.commit()

    response = out_of_service(client, today, 2, 1, 3)

    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert desk_day(client, busy) in page
    assert "2 of the 3 units in service are booked" in page
    assert count(db, OutOfService) == 0


def test_out_of_service_is_shown_in_the_availability(client, db, reception, cribs, today):
    response = out_of_service(client, today, 2, 1, 2, reason="Cleaning")
    assert response.status_code == 303
    page = client.get("/desk/inventory/services/cribs").get_data(as_text=True)
    assert "Cleaning" in page
    assert "1 / 1" in page  # two of three cribs out on those days
    assert "by <bdi>user-reception</bdi>" in page  # who did it, isolated as typed
    period = db.session.scalar(select(OutOfService))

    response = post(client, f"/desk/inventory/out-of-service/{period.id}/end", {})

    assert response.status_code == 303
    assert count(db, OutOfService) == 0
    assert "1 / 1" not in client.get("/desk/inventory/services/cribs").get_data(as_text=True)


@pytest.mark.parametrize("units, first, last, message", [
    ("0", 1, 2, "Please enter a whole number from 1"),
    ("abc", 1, 2, "Please enter a whole number"),
    ("1", 3, 1, "The period must end on or after its first day."),
    ("1", -2, 1, "The period cannot start in the past."),
])
def test_a_bad_period_is_refused_and_nothing_written(client, db, reception, cribs, today,
                                                     units, first, last, message):
    before = audit_count(db)
    response = out_of_service(client, today, units, first, last)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert count(db, OutOfService) == 0
    assert audit_count(db) == before


# Activities


@pytest.fixture
def slot(club, today):
    return make_slot(club, local_to_utc(today + timedelta(days=2), time(10)), capacity=6)


def book(stay, slot, people):
    members = [member.id for member in stay.members[:people]]
    return create_booking(stay, [ItemRequest(slot.service, slot_id=slot.id,
                                             participant_ids=members)], stay)


def test_the_activity_page_lists_the_coming_slots(client, db, reception, club, slot, stay):
    book(stay, slot, 2)
    db.session.commit()
    page = client.get("/desk/inventory/services/kids-club").get_data(as_text=True)
    assert "2 / 6" in page
    # A booked slot is closed from the page that shows whom it would cancel.
    assert f"/desk/inventory/slots/{slot.id}/closure" in page
    overview = client.get("/desk/inventory").get_data(as_text=True)
    assert "Kids club" in overview


def test_slot_capacity_below_what_is_booked_is_refused(client, db, reception, slot, stay):
    book(stay, slot, 3)
    db.session.commit()
    before = audit_count(db)

    response = post(client, f"/desk/inventory/slots/{slot.id}/capacity", {"capacity": "2"})

    assert response.status_code == 409
    assert "3 places are already booked" in response.get_data(as_text=True)
    db.session.refresh(slot)
    assert (slot.capacity, slot.booked) == (6, 3)
    assert audit_count(db) == before

    response = post(client, f"/desk/inventory/slots/{slot.id}/capacity", {"capacity": "4"})
    assert response.status_code == 303
    db.session.refresh(slot)
    assert slot.capacity == 4


@pytest.mark.parametrize("value", ["-1", "abc", ""])
def test_a_bad_slot_capacity_is_refused(client, db, reception, slot, value):
    response = post(client, f"/desk/inventory/slots/{slot.id}/capacity", {"capacity": value})
    assert response.status_code == 422
    assert "Please enter a whole number" in response.get_data(as_text=True)
    db.session.refresh(slot)
    assert slot.capacity == 6


def test_closing_a_slot_tells_the_guests_why(app, client, db, reception, slot, stay):
    item = book(stay, slot, 2).items[0]
    db.session.commit()

    response = post(client, f"/desk/inventory/slots/{slot.id}/close",
                    {"reason": "Thunderstorm expected"})

    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 booking was cancelled" in page
    assert "Thunderstorm expected" in page
    db.session.refresh(slot)
    db.session.refresh(item)
    assert (slot.closed, slot.booked) == (True, 0)
    assert (item.state, item.reason, item.reason_language) == (
        ItemState.CANCELLED_BY_HOTEL, "Thunderstorm expected", "en")
    actions = set(db.session.scalars(select(AuditEntry.action)))
    assert {"slot.closed", "item.cancelled_by_hotel"} <= actions

    guest = app.test_client()
    sign_in_as(guest, stay)
    mine = guest.get("/my-bookings").get_data(as_text=True)
    assert "Cancelled by the hotel" in mine
    assert "Thunderstorm expected" in mine

    response = post(client, f"/desk/inventory/slots/{slot.id}/reopen", {})
    assert response.status_code == 303
    db.session.refresh(slot)
    db.session.refresh(item)
    assert not slot.closed
    assert item.state == ItemState.CANCELLED_BY_HOTEL


def test_closing_without_a_reason_is_refused(client, db, reception, slot):
    response = post(client, f"/desk/inventory/slots/{slot.id}/close", {"reason": ""})
    assert response.status_code == 422
    assert "Please choose a reason or write one." in response.get_data(as_text=True)
    db.session.refresh(slot)
    assert not slot.closed


def test_adding_one_slot(client, db, reception, club, today):
    day = today + timedelta(days=3)
    response = post(client, "/desk/inventory/services/kids-club/slots", {
        "day": day.isoformat(), "start_time": "16:15", "duration_minutes": "90",
        "capacity": "8"})
    assert response.status_code == 303
    slot = db.session.scalar(select(Slot))
    assert slot.starts_at.astimezone(VIENNA).replace(tzinfo=None) == datetime.combine(
        day, time(16, 15))
    assert (slot.capacity, slot.ends_at - slot.starts_at) == (8, timedelta(minutes=90))


def rule_form(today, times="09:00, 14:30", **changes):
    form = {"weekdays": ["0", "3"], "times": times, "duration_minutes": "60", "capacity": "5",
            "valid_from": (today + timedelta(days=1)).isoformat(),
            "valid_until": (today + timedelta(days=14)).isoformat()}
    form.update(changes)
    return form


def test_a_rule_makes_slots_once(client, db, reception, club, today):
    response = post(client, "/desk/inventory/services/kids-club/rules", rule_form(today))
    assert response.status_code == 303
    days = [today + timedelta(days=n) for n in range(1, 15)]
    wanted = sorted(datetime.combine(day, at) for day in days if day.weekday() in (0, 3)
                    for at in (time(9), time(14, 30)))
    starts = sorted(slot.starts_at.astimezone(VIENNA).replace(tzinfo=None)
                    for slot in db.session.scalars(select(Slot)))
    assert starts == wanted
    assert f"{len(wanted)} slots were made." in client.get(
        response.headers["Location"]).get_data(as_text=True)

    again = post(client, "/desk/inventory/services/kids-club/rules", rule_form(today))

    assert again.status_code == 303
    assert count(db, Slot) == len(wanted)
    assert count(db, SlotRule) == 2


@pytest.mark.parametrize("changes, message", [
    ({"times": "9am"}, "“9am” is not a time"),
    ({"weekdays": []}, "Please choose at least one weekday."),
    ({"capacity": "-3"}, "Please enter a whole number from 1"),
    ({"valid_until": "2000-01-01"}, "The period must end on or after its first day."),
])
def test_a_bad_rule_is_refused_and_makes_nothing(client, db, reception, club, today, changes,
                                                 message):
    response = post(client, "/desk/inventory/services/kids-club/rules",
                    rule_form(today, **changes))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert count(db, Slot) == 0
    assert count(db, SlotRule) == 0


def test_rental_forms_do_not_apply_to_activities(client, db, reception, club, cribs):
    assert post(client, "/desk/inventory/services/kids-club/stock",
                {"stock": "3"}).status_code == 404
    assert post(client, "/desk/inventory/services/cribs/slots", {}).status_code == 404


def test_department_staff_cannot_close_a_slot(client, auth, db, club, slot):
    auth.staff_login(Role.STAFF, make_department("other", "Other"))
    token = csrf_token(client, "/desk/login")
    response = client.post(f"/desk/inventory/slots/{slot.id}/close",
                           data={"csrf_token": token, "reason": "no"})
    assert response.status_code == 403
    db.session.refresh(slot)
    assert not slot.closed


@pytest.mark.parametrize("capacity", ["99999999999999999999", "-3000000000"])
def test_a_capacity_no_column_can_hold_is_refused_as_bad_input(client, db, reception, slot,
                                                               capacity):
    """A number beyond what the database stores is a 422 with a message, not a 500."""
    response = post(client, f"/desk/inventory/slots/{slot.id}/capacity", {"capacity": capacity})
    assert response.status_code == 422
    assert "Please enter a number." in response.get_data(as_text=True)
    db.session.refresh(slot)
    assert slot.capacity == 6
