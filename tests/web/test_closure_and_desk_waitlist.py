"""Closing a slot that three families booked, in three languages: reception sees whom it
cancels first; each family is told in its language with other times; one rebooks with
the link, one waits, and the closure shows it. And the desk's waiting lists: offer by
hand, remove, Today, and unmet demand in the reports."""

from datetime import time, timedelta

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today, local_to_utc
from hotel.models import Message, MessageKind, Role, WaitingEntry, WaitingState
from hotel.services import waitlist
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import make_service, make_slot, make_standard_reason, make_stay
from tests.helpers import post_form

FAMILIES = [("Weber", "de", "Schlechtes Wetter"), ("Kim", "ko", "기상 악화"),
            ("Haddad", "ar", "سوء الأحوال الجوية")]


@pytest.fixture
def riding(db):
    """Riding at 10:00 in two days booked by three families; 15:00 with room; 17:00 full."""
    service = make_service("riding", price="30.00", cutoff_hours=1,
                           texts={"en": ("Riding", ""), "de": ("Reiten", ""),
                                  "ko": ("승마", ""), "ar": ("ركوب الخيل", "")})
    day = hotel_today() + timedelta(days=2)
    closing = make_slot(service, local_to_utc(day, time(10)), capacity=6)
    later = make_slot(service, local_to_utc(day, time(15)), capacity=6)
    full = make_slot(service, local_to_utc(day, time(17)), capacity=1, booked=1)
    weather = make_standard_reason("weather", {"en": "Bad weather", **{
        language: text for _name, language, text in FAMILIES}})
    families = []
    for last_name, language, _text in FAMILIES:
        stay = make_stay(last_name=last_name, language=language, arrival_on=hotel_today(),
                         nights=4, room=f"3{len(families)}1")
        create_booking(stay, [ItemRequest(service=service, slot_id=closing.id,
                                          participant_ids=[m.id for m in stay.members])], stay)
        families.append(stay)
    return {"service": service, "closing": closing, "later": later, "full": full,
            "weather": weather, "families": families}


def test_closing_a_slot_of_three_families_in_three_languages(client, auth, db, riding):
    auth.staff_login(Role.RECEPTION)
    closing = riding["closing"]
    preview = client.get(f"/desk/inventory/slots/{closing.id}/closure").text
    for stay in riding["families"]:
        assert stay.last_name in preview and stay.room in preview
    assert "Closing this slot cancels 3 bookings" in preview
    for language in ("German", "Korean", "Arabic"):
        assert language in preview
    assert db.session.get(type(closing), closing.id).closed is False  # nothing done yet

    response = post_form(client, f"/desk/inventory/slots/{closing.id}/close",
                         {"standard_reason": str(riding["weather"].id)},
                         token_from=f"/desk/inventory/slots/{closing.id}/closure")
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/desk/inventory/slots/{closing.id}/closure")

    links = {}
    for stay, (_name, language, reason) in zip(riding["families"], FAMILIES, strict=True):
        message = db.session.scalar(select(Message).where(
            Message.stay_id == stay.id, Message.kind == MessageKind.CANCELLED_BY_HOTEL))
        assert message.language == language
        assert reason in message.text  # the standard reason in the family's language
        assert "/rebook/" in message.text  # the 15:00 slot has room for the party
        links[stay.id] = "/rebook/" + message.text.split("/rebook/")[1].split()[0]
    weber, kim, _haddad = riding["families"]

    auth.logout()
    rebook = post_form(client, links[weber.id], token_from=links[weber.id])
    assert rebook.status_code == 302 and "/bookings/" in rebook.headers["Location"]
    waitlist.join_waiting_list(kim, ItemRequest(
        service=riding["service"], slot_id=riding["full"].id,
        participant_ids=[m.id for m in kim.members]), kim)
    db.session.commit()

    auth.staff_login(Role.RECEPTION)
    page = client.get(f"/desk/inventory/slots/{closing.id}/closure").text
    weber_row, kim_row, haddad_row = page.split('class="closure-row')[1:4]
    assert "closure-row--rebooked" in 'class="closure-row' + weber_row and "Weber" in weber_row
    assert "Rebooked" in weber_row
    assert "Kim" in kim_row and "Waiting" in kim_row
    assert "Haddad" in haddad_row and "Not rebooked yet" in haddad_row


def test_reception_offers_by_hand_and_removes_entries(client, auth, db, riding):
    full = riding["full"]
    weber, kim, haddad = riding["families"]
    entries = [waitlist.join_waiting_list(stay, ItemRequest(
        service=riding["service"], slot_id=full.id, participant_ids=[stay.members[0].id]),
        stay) for stay in (weber, kim, haddad)]
    db.session.commit()
    auth.staff_login(Role.RECEPTION)
    page = client.get("/desk/waitlist/riding").text
    assert page.count("Offer a place now") == 3 and "Number 3 in the queue" in page
    inventory = client.get("/desk/inventory/services/riding").text
    assert "Offer or remove" in inventory and "Haddad" in inventory

    refused = post_form(client, f"/desk/waitlist/entries/{entries[2].id}/offer",
                        token_from="/desk/waitlist/riding", follow_redirects=True)
    assert "There is not enough room to offer to this guest." in refused.text
    table = type(full).__table__
    db.session.execute(table.update().where(table.c.id == full.id).values(capacity=2))
    db.session.commit()
    post_form(client, f"/desk/waitlist/entries/{entries[2].id}/offer",
              token_from="/desk/waitlist/riding")
    post_form(client, f"/desk/waitlist/entries/{entries[0].id}/remove",
              token_from="/desk/waitlist/riding")
    db.session.expire_all()
    states = [db.session.get(WaitingEntry, entry.id).state for entry in entries]
    assert states == [WaitingState.LEFT, WaitingState.WAITING, WaitingState.OFFERED]

    today = client.get("/desk/").text
    assert "Waiting lists for today" not in today  # they wait for the day after tomorrow
    auth.logout()
    auth.staff_login(Role.MANAGER)
    first, last = hotel_today(), hotel_today() + timedelta(days=7)
    report = client.get(f"/desk/reports?from={first}&to={last}").text
    assert "Unmet demand: guests who waited" in report
    section = report.split('id="unmet-demand-heading"')[1].split("</section>")[0]
    assert "Riding" in section and '<td data-label="Guests who waited" class="num">3</td>' \
        in section


def test_department_staff_cannot_touch_the_waiting_list(client, auth, db, riding):
    entry = waitlist.join_waiting_list(riding["families"][0], ItemRequest(
        service=riding["service"], slot_id=riding["full"].id,
        participant_ids=[riding["families"][0].members[0].id]), riding["families"][0])
    db.session.commit()
    auth.staff_login(Role.STAFF, department=riding["service"].department)
    assert client.get("/desk/waitlist/riding").status_code == 403
    response = post_form(client, f"/desk/waitlist/entries/{entry.id}/remove",
                         token_from="/desk/")
    assert response.status_code == 403
