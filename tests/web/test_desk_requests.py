"""Reception answers requests; the Today page and the list stay fast with many bookings."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from flask import current_app
from sqlalchemy import func, inspect, select

from hotel.clock import hotel_today
from hotel.models import AuditEntry, BookingItem, ItemState, Kind, PricingUnit, Role, Slot
from hotel.models.types import utcnow
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import insert_bookings, make_service, make_slot, make_staff, make_stay
from tests.helpers import post_form, sign_in_as


@pytest.fixture
def desk(db):
    """A transfer on request, a kids club slot, a crib, reception and a Korean family."""
    transfer = make_service("transfer", kind=Kind.ON_REQUEST,
                            pricing_unit=PricingUnit.PER_BOOKING, price="85.00",
                            requires_approval=True, request_fields=["pickup_place"],
                            texts={"en": ("Transfer", ""), "ko": ("공항 픽업", "")})
    club = make_service("kids-club", price="15.00", max_quantity=50, requires_approval=True,
                        texts={"en": ("Kids club", ""), "ko": ("키즈 클럽", "")})
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        price="8.00", stock=500, texts={"en": ("Crib", "")},
                        delivered_on_arrival=True)
    slot = make_slot(club, utcnow() + timedelta(days=2), capacity=5000)
    make_staff("desk", Role.RECEPTION)
    family = make_stay("LP30001", last_name="Park", language="ko", children=[5])
    db.session.commit()
    return {"transfer": transfer, "club": club, "slot": slot, "family": family, "crib": crib}


def ask_transfer(stay, transfer):
    starts_at = utcnow() + timedelta(days=1)
    return create_booking(stay, [ItemRequest(transfer, starts_at=starts_at,
                                             details={"pickup_place": "Airport"})], stay)


def test_declined_request_shows_the_reason_to_the_guest_as_written(client, auth, desk, db):
    booking = ask_transfer(desk["family"], desk["transfer"])
    item_id = booking.items[0].id
    auth.staff_login(Role.RECEPTION)
    response = post_form(client, "/desk/requests/action?lang=de",
                         {"item_ids": [item_id], "action": "decline",
                          "reason": "Kein Fahrer frei an diesem Abend."}, token_from="/desk/")
    assert response.status_code == 303
    item = db.session.get(BookingItem, item_id)
    assert item.state == ItemState.DECLINED
    assert item.reason_language == "de"
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "item.declined"))
    assert [entry.staff.username for entry in entries] == ["desk"]

    client.post("/desk/logout", data={"csrf_token": "x"})
    guest = client.application.test_client()
    sign_in_as(guest, desk["family"])
    page = guest.get("/my-bookings").text
    assert "거절됨" in page  # "Declined", in the guest's Korean
    assert '<span lang="de" dir="auto">Kein Fahrer frei an diesem Abend.</span>' in page


def test_decline_needs_a_reason_and_changes_nothing_without_one(client, auth, desk, db):
    booking = ask_transfer(desk["family"], desk["transfer"])
    auth.staff_login(Role.RECEPTION)
    response = post_form(client, "/desk/requests/action",
                         {"item_ids": [booking.items[0].id], "action": "decline"},
                         token_from="/desk/")
    assert response.status_code == 422
    assert "reason" in response.text
    assert db.session.get(BookingItem, booking.items[0].id).state == ItemState.REQUESTED


def test_several_items_are_confirmed_at_once_or_none_is(client, auth, desk, db):
    first = ask_transfer(desk["family"], desk["transfer"]).items[0].id
    second = ask_transfer(desk["family"], desk["transfer"]).items[0].id
    auth.staff_login(Role.RECEPTION)
    response = post_form(client, "/desk/requests/action",
                         {"item_ids": [first, second], "action": "confirm"}, token_from="/desk/")
    assert response.status_code == 303
    states = {db.session.get(BookingItem, i).state for i in (first, second)}
    assert states == {ItemState.CONFIRMED}
    third = ask_transfer(desk["family"], desk["transfer"]).items[0].id
    response = post_form(client, "/desk/requests/action",
                         {"item_ids": [first, third], "action": "confirm"}, token_from="/desk/")
    assert response.status_code == 422  # the first one is confirmed already
    assert db.session.get(BookingItem, third).state == ItemState.REQUESTED


def test_decline_releases_the_places_and_completion_keeps_them(client, auth, desk, db):
    family = desk["family"]
    booking = create_booking(family, [ItemRequest(desk["club"], slot_id=desk["slot"].id,
                                                  participant_ids=[family.children[0].id])],
                             family)
    item_id = booking.items[0].id
    auth.staff_login(Role.RECEPTION)
    post_form(client, "/desk/requests/action",
              {"item_ids": [item_id], "action": "confirm"}, token_from="/desk/")
    post_form(client, "/desk/requests/action",
              {"item_ids": [item_id], "action": "complete"}, token_from="/desk/")
    assert db.session.get(Slot, desk["slot"].id).booked == 1
    other = create_booking(family, [ItemRequest(desk["club"], slot_id=desk["slot"].id,
                                                participant_ids=[family.children[0].id])],
                           family).items[0].id
    post_form(client, "/desk/requests/action",
              {"item_ids": [other], "action": "decline", "reason": "Full group"},
              token_from="/desk/")
    assert db.session.get(Slot, desk["slot"].id).booked == 1


def test_reception_books_for_a_walk_in_guest_and_confirms_at_once(client, auth, desk, db):
    auth.staff_login(Role.RECEPTION)
    found = client.get("/desk/book?q=park").text
    assert "LP30001" in found
    family = desk["family"]
    response = post_form(client, f"/desk/book/{family.reference}/kids-club",
                         {"slot_id": desk["slot"].id, "participants": [family.children[0].id],
                          "confirm_now": "y"}, token_from="/desk/")
    assert response.status_code == 302
    item = db.session.scalar(select(BookingItem))
    assert item.state == ItemState.CONFIRMED
    assert item.booking.created_by.username == "desk"
    audit = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "booking.created"))
    assert audit.staff.username == "desk"


def test_booking_for_a_guest_cannot_exceed_capacity(client, auth, desk, db):
    family = desk["family"]
    small = make_slot(desk["club"], utcnow() + timedelta(days=1), capacity=1, booked=1)
    db.session.commit()
    auth.staff_login(Role.RECEPTION)
    response = post_form(client, f"/desk/book/{family.reference}/kids-club",
                         {"slot_id": small.id, "participants": [family.children[0].id]},
                         token_from="/desk/")
    assert response.status_code == 422
    assert "not enough places" in response.text
    assert db.session.get(Slot, small.id).booked == 1


def _many_bookings(desk, db, count: int) -> None:
    """Book a club slot, a crib and a transfer ``count`` times for a new family."""
    # Once through the booking service, and then as copies of that booking, in bulk.
    stay = make_stay(arrival_on=hotel_today(), children=[4, 6])
    db.session.commit()
    starts = [utcnow() + timedelta(days=2, minutes=n) for n in range(count)]
    slots = [Slot(service=desk["club"], starts_at=at, ends_at=at + timedelta(minutes=60),
                  capacity=5, booked=0, closed=False, closed_reason="")
             for at in starts]  # nobody takes two places at the same time
    db.session.add_all(slots)
    db.session.commit()
    first = create_booking(stay, [
        ItemRequest(desk["club"], slot_id=slots[0].id,
                    participant_ids=[stay.children[0].id]),
        ItemRequest(desk["crib"], start_on=hotel_today(), end_on=hotel_today()),
        ItemRequest(desk["transfer"], starts_at=utcnow() + timedelta(days=1),
                    details={"pickup_place": "Station"}),
    ], stay)
    columns = [c.key for c in inspect(BookingItem).column_attrs
               if c.key not in ("id", "booking_id", "updated_at")]
    template = [{**{key: getattr(item, key) for key in columns},
                 "participants": list(item.participants)} for item in first.items]
    zone = ZoneInfo(current_app.config["HOTEL_TIMEZONE"])

    def on(slot, fields: dict) -> dict:
        """The fields of a copy of a slot's item, moved to another slot."""
        return {**fields, "slot_id": slot.id, "starts_at": slot.starts_at,
                "start_on": slot.starts_at.astimezone(zone).date(),
                "end_on": slot.starts_at.astimezone(zone).date()}

    insert_bookings([(stay, [on(slot, fields) if fields["slot_id"] else fields
                             for fields in template]) for slot in slots[1:]])
    db.session.commit()


@pytest.mark.parametrize("path", ["/desk/", "/desk/requests", "/desk/requests?state=confirmed"])
def test_today_and_requests_use_a_constant_number_of_queries(client, auth, desk, db, count_queries,
                                                            path):
    auth.staff_login(Role.RECEPTION)
    _many_bookings(desk, db, 4)  # 12 items
    cache = client.application.extensions["catalogue_cache"]
    cache.clear()  # both counted as a process meets the page first
    with count_queries() as few:
        assert client.get(path).status_code == 200
    _many_bookings(desk, db, 330)  # about 1,000 items
    total = db.session.scalar(select(func.count(BookingItem.id)))
    assert total >= 1000
    cache.clear()
    with count_queries() as many:
        assert client.get(path).status_code == 200
    assert many.count == few.count


def test_long_lists_say_more_than_a_thousand_rather_than_count_every_item(client, auth, desk,
                                                                          db):
    auth.staff_login(Role.RECEPTION)
    desk["crib"].stock = 1000
    db.session.commit()
    _many_bookings(desk, db, 510)  # 1,530 items, 1,020 of them waiting for an answer
    today = client.get("/desk/").get_data(as_text=True)
    assert '<span class="count-badge">more than 1000</span>' in today
    waiting = client.get("/desk/requests").get_data(as_text=True)
    assert "More than 1000 items found." in waiting
    assert "Page 1 of more than 20" in waiting
    assert "?page=2" in waiting
    beyond = client.get("/desk/requests?state=requested&page=21").get_data(as_text=True)
    assert "Page 21 of more than 20" in beyond and "?state=requested&amp;page=20" in beyond
    few = client.get("/desk/requests?state=confirmed").get_data(as_text=True)
    assert "510 items found." in few and "Page 1 of 11" in few
