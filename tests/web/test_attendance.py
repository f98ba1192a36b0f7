"""Attendance at a slot: staff check each child in and out on a tablet, and the booking is
completed or marked no-show from there, once."""

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today, hotel_zone
from hotel.models import Attendance, AuditEntry, BookingItem, ItemState, Role
from tests.factories import (
    add_slot,
    check_in_all,
    make_booking_item,
    make_department,
    make_service,
    make_staff,
    make_stay,
)
from tests.helpers import post_form


@pytest.fixture
def club(db):
    """A kids club slot today with two families booked, and staff of two departments."""
    kids = make_department("kids-club", "Kids club")
    stables = make_department("stables", "Stables")
    service = make_service("kids-club", department=kids, max_age=12,
                           texts={"en": ("Kids club", "Play.")})
    slot = add_slot(service, hotel_today(), time(10, 0), capacity=8)
    kim = make_stay("LP1", last_name="Kim", children=[6, 9], room="204")
    kim.members[2].first_name, kim.members[2].allergies = "Mia", "Peanuts and tree nuts"
    kim.members[2].collected_by = "Mother or grandmother"
    kim.phone = "+43 660 111 2233"
    brown = make_stay("LP2", last_name="Brown", children=[7], room="118")
    items = {"kim": make_booking_item(kim, service, slot=slot, participants=kim.children),
             "brown": make_booking_item(brown, service, slot=slot, participants=brown.children)}
    make_staff("kids", Role.STAFF, kids)
    make_staff("stable", Role.STAFF, stables)
    db.session.commit()
    return {"slot": slot, "items": items, "kim": kim, "brown": brown}


def page_of(club) -> str:
    return f"/desk/schedule/slots/{club['slot'].id}/attendance"


def tap(client, club, action: str, data: dict):
    return post_form(client, f"{page_of(club)}/{action}", data, token_from=page_of(club))


def state_of(db, item) -> ItemState:
    db.session.expire_all()
    return db.session.get(BookingItem, item.id).state


def test_the_page_lists_each_child_with_age_care_notes_and_the_phone(client, auth, club):
    auth.staff_login(username="kids")
    page = client.get(page_of(club)).text
    for text in ["Mia", "6 years", "Peanuts and tree nuts", "Must be collected by",
                 "Mother or grandmother", "+43 660 111 2233", "204", "118", "Check in Mia"]:
        assert text in page, text


def test_checking_in_and_out_records_the_times_in_the_hotels_zone(app, client, auth, club,
                                                                 db):
    auth.staff_login(username="kids")
    item, mia = club["items"]["kim"], club["kim"].children[0]
    answer = tap(client, club, "check-in", {"item_id": item.id, "member_id": mia.id})
    assert answer.status_code == 303
    row = db.session.scalar(select(Attendance).where(Attendance.party_member_id == mia.id))
    assert row.checked_in_at.tzinfo is not None and row.checked_out_at is None
    with app.app_context():
        shown = row.checked_in_at.astimezone(hotel_zone())
    page = client.get(page_of(club)).text
    # The desk shows "16:56" (en_AT for a hotel in Vienna): its wall clock, not UTC's.
    assert f"In at {shown:%H:%M}" in page, page[page.find("attendance-in"):][:200]
    assert state_of(db, item) == ItemState.CONFIRMED  # checking in completes nothing

    answer = tap(client, club, "check-out", {"item_id": item.id, "member_id": mia.id,
                                             "collected_by": "Grandmother Soon-ja"})
    assert answer.status_code == 303
    page = client.get(page_of(club)).text
    assert "Collected by" in page and "Grandmother Soon-ja" in page and "Out at" in page
    assert state_of(db, item) == ItemState.CONFIRMED


def test_a_second_check_in_of_the_same_child_is_refused(client, auth, club, db):
    auth.staff_login(username="kids")
    item, mia = club["items"]["kim"], club["kim"].children[0]
    tap(client, club, "check-in", {"item_id": item.id, "member_id": mia.id})
    again = tap(client, club, "check-in", {"item_id": item.id, "member_id": mia.id})
    assert again.status_code == 409 and "Mia is checked in already." in again.text
    assert db.session.scalar(select(func.count()).select_from(Attendance)) == 1


def test_completed_only_once_everyone_has_checked_out(client, auth, club, db):
    auth.staff_login(username="kids")
    item = club["items"]["kim"]
    check_in_all(item)
    db.session.commit()
    early = tap(client, club, "finish", {"item_id": item.id, "outcome": "completed"})
    assert early.status_code == 422 and "Everyone must check out" in early.text
    for member in club["kim"].children:
        tap(client, club, "check-out", {"item_id": item.id, "member_id": member.id})
    assert tap(client, club, "finish", {"item_id": item.id,
                                        "outcome": "completed"}).status_code == 303
    assert state_of(db, item) == ItemState.COMPLETED
    twice = tap(client, club, "finish", {"item_id": item.id, "outcome": "completed"})
    assert twice.status_code == 422
    assert db.session.scalar(select(func.count()).where(
        AuditEntry.action == "item.completed")) == 1


def test_no_show_only_when_no_one_came(client, auth, club, db):
    auth.staff_login(username="kids")
    kim, brown = club["items"]["kim"], club["items"]["brown"]
    tap(client, club, "check-in", {"item_id": kim.id, "member_id": club["kim"].children[0].id})
    refused = tap(client, club, "finish", {"item_id": kim.id, "outcome": "no_show"})
    assert refused.status_code == 422
    assert tap(client, club, "finish", {"item_id": brown.id,
                                        "outcome": "no_show"}).status_code == 303
    assert state_of(db, brown) == ItemState.NO_SHOW
    assert state_of(db, kim) == ItemState.CONFIRMED


def test_staff_of_another_department_cannot_open_or_tap(client, auth, club, db):
    auth.staff_login(username="stable")
    assert client.get(page_of(club)).status_code == 403
    item, mia = club["items"]["kim"], club["kim"].children[0]
    answer = tap_with_token_of(client, club, "/desk/", "check-in",
                               {"item_id": item.id, "member_id": mia.id})
    assert answer.status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Attendance)) == 0


def tap_with_token_of(client, club, token_page: str, action: str, data: dict):
    return post_form(client, f"{page_of(club)}/{action}", data, token_from=token_page)


@pytest.mark.parametrize("data", [
    {"item_id": 999999, "member_id": 1},
    {"item_id": "x", "member_id": "y"},
    {"item_id": 2**40, "member_id": 1},
])
def test_items_and_people_not_of_the_slot_are_refused_with_a_message(client, auth, club,
                                                                      db, data):
    auth.staff_login(username="kids")
    answer = tap(client, club, "check-in", data)
    assert 400 <= answer.status_code < 500
    assert 'role="alert"' in answer.text
    assert db.session.scalar(select(func.count()).select_from(Attendance)) == 0


def test_a_child_of_another_booking_cannot_be_checked_in_on_this_one(client, auth, club, db):
    auth.staff_login(username="kids")
    answer = tap(client, club, "check-in", {"item_id": club["items"]["kim"].id,
                                            "member_id": club["brown"].children[0].id})
    assert answer.status_code == 404
    assert db.session.scalar(select(func.count()).select_from(Attendance)) == 0


def test_a_slot_of_another_kind_or_none_is_not_found(client, auth, club):
    auth.staff_login(Role.RECEPTION)
    assert client.get("/desk/schedule/slots/999999/attendance").status_code == 404


def test_the_run_sheet_links_each_slot_to_its_attendance(client, auth, club):
    auth.staff_login(username="kids")
    assert page_of(club) in client.get("/desk/schedule").text


def test_the_page_takes_as_many_statements_with_2_as_with_40_bookings(client, auth, club, db,
                                                                      count_queries):
    auth.staff_login(username="kids")
    counts = []
    for extra in (0, 38):
        for number in range(extra):
            stay = make_stay(children=[5 + number % 6])
            check_in_all(make_booking_item(stay, club["slot"].service, slot=club["slot"],
                                           participants=stay.children))
        club["slot"].capacity = 100
        db.session.commit()
        with count_queries() as counter:
            assert client.get(page_of(club)).status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1]


def test_hotel_day_of_the_slot_is_kept_at_a_late_hour(client, auth, db, club):
    # A slot late in the evening is still on its own day's run sheet link.
    late = add_slot(club["slot"].service, hotel_today() + timedelta(days=1), time(23, 30))
    db.session.commit()
    auth.staff_login(username="kids")
    page = client.get(f"/desk/schedule/slots/{late.id}/attendance").text
    assert (hotel_today() + timedelta(days=1)).isoformat() in page
