"""Care notes: the guest writes them for their own party on "My party" and reads them on
each booking; reception writes them on the stay's page; the phone is checked."""

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.models import AuditEntry, PartyMember, Stay
from tests.factories import add_slot, make_booking_item, make_department, make_service, make_stay
from tests.helpers import csrf_token, post_form, snapshot


@pytest.fixture
def family(db):
    """The Kims with two children, one booked for the kids club; the Browns next door."""
    club = make_service("kids-club", department=make_department("kids-club"), max_age=12,
                        texts={"en": ("Kids club", "Play.")})
    slot = add_slot(club, hotel_today() + timedelta(days=1), time(10, 0))
    kim = make_stay("LP1", last_name="Kim", children=[6, 9], arrival_on=hotel_today())
    brown = make_stay("LP2", last_name="Brown", children=[5], arrival_on=hotel_today())
    brown.children[0].allergies = "Shellfish of the Browns"
    make_booking_item(kim, club, slot=slot, participants=kim.children[:1])
    db.session.commit()
    return {"kim": kim, "brown": brown}


def party_form(stay: Stay, phone: str = "+43 660 123 4567", **first_child) -> dict:
    """The My party form as a guest fills it: notes for the first child, none for others."""
    data = {"phone": phone, "version": str(stay.version)}
    for index, member in enumerate(stay.members):
        data[f"members-{index}-member_id"] = str(member.id)
        data[f"members-{index}-leaving"] = "collected"
        if member is stay.children[0]:
            for key, value in first_child.items():
                data[f"members-{index}-{key}"] = value
    return data


def kim_booking_reference(stay: Stay) -> str:
    from hotel.extensions import db
    from hotel.models import Booking

    return db.session.scalar(select(Booking.reference).where(Booking.stay_id == stay.id))


def reload(stay: Stay) -> Stay:
    from hotel.extensions import db

    db.session.expire_all()
    return db.session.get(Stay, stay.id)


def test_the_guest_writes_care_notes_and_reads_them_on_the_booking(client, auth, family):
    auth.guest_login(family["kim"])
    assert "My party" in client.get("/my-bookings").text
    response = post_form(client, "/my-party", party_form(
        family["kim"], allergies="Peanuts", collected_by="Mum or Grandma"),
        token_from="/my-party")
    assert response.status_code == 303
    kim = reload(family["kim"])
    assert kim.phone == "+43 660 123 4567"
    assert (kim.children[0].allergies, kim.children[0].collected_by) == ("Peanuts",
                                                                         "Mum or Grandma")
    bookings = client.get("/my-bookings").text
    assert "Allergies: <bdi>Peanuts</bdi>" in bookings and "Mum or Grandma" in bookings
    reference = kim_booking_reference(kim)
    assert "Allergies: <bdi>Peanuts</bdi>" in client.get(f"/bookings/{reference}").text
    page = client.get("/my-party").text
    assert 'value="Peanuts"' in page and "Shellfish of the Browns" not in page


def test_a_guest_cannot_write_notes_for_another_party(client, auth, family, db):
    auth.guest_login(family["kim"])
    data = party_form(family["kim"])
    data["members-0-member_id"] = str(family["brown"].children[0].id)
    data["members-0-allergies"] = "Written by the Kims"
    before = snapshot(db)
    response = post_form(client, "/my-party", data, token_from="/my-party")
    assert response.status_code == 422
    assert 'role="alert"' in response.text
    assert snapshot(db) == before
    assert db.session.get(PartyMember, family["brown"].children[0].id).allergies == \
        "Shellfish of the Browns"


@pytest.mark.parametrize("phone", ["call me", "12", "+43 660 123 4567 ext 9", "9" * 33])
def test_a_bad_phone_gets_a_translated_message_and_nothing_is_written(client, auth, family,
                                                                       db, phone):
    auth.guest_login(family["kim"])
    before = snapshot(db)
    response = post_form(client, "/my-party?lang=de", party_form(family["kim"], phone=phone,
                                                                 allergies="Peanuts"),
                         token_from="/my-party")
    assert response.status_code == 422
    errors = response.text[response.text.find("field-errors"):][:300]
    assert "Telefonnummer" in errors or "Zeichen" in errors, errors
    assert snapshot(db) == before


def test_a_form_opened_before_another_save_is_refused(client, auth, family, db):
    auth.guest_login(family["kim"])
    stale = party_form(family["kim"], allergies="First")
    post_form(client, "/my-party", party_form(family["kim"], allergies="Second"),
              token_from="/my-party")
    response = post_form(client, "/my-party", stale, token_from="/my-party")
    assert response.status_code == 409
    assert reload(family["kim"]).children[0].allergies == "Second"


def test_reception_writes_care_notes_on_the_stays_page(client, auth, family, db):
    user = auth.staff_login()
    page = client.get("/desk/stays/LP1").text
    assert "/desk/stays/LP1/party" in page
    response = post_form(client, "/desk/stays/LP1/party", party_form(
        family["kim"], medical_notes="Asthma", leaving="alone"),
        token_from="/desk/stays/LP1/party")
    assert response.status_code == 303
    kim = reload(family["kim"])
    assert (kim.children[0].medical_notes, kim.children[0].may_leave_alone) == ("Asthma", True)
    entry = db.session.scalar(select(AuditEntry).where(
        AuditEntry.action == "stay.care_notes_saved"))
    assert entry.staff_id == user.id
    assert "Medical: <bdi>Asthma</bdi>" in client.get("/desk/stays/LP1").text


def test_the_desk_stay_form_takes_the_phone_and_checks_it(client, auth, family, db):
    auth.staff_login()
    form = client.get("/desk/stays/LP1/edit").text
    assert 'name="phone"' in form
    token = csrf_token(client, "/desk/stays/LP1/edit")
    kim = family["kim"]
    data = {"csrf_token": token, "reference": "LP1", "room": kim.room, "first_name": "Minji",
            "last_name": "Kim", "arrival_date": kim.arrival_on.isoformat(),
            "departure_date": kim.departure_on.isoformat(), "language": "en",
            "phone": "phone: none", "version": str(kim.version)}
    assert client.post("/desk/stays/LP1/edit", data=data).status_code == 422
    assert reload(kim).phone == ""
    assert db.session.scalar(select(func.count()).where(
        AuditEntry.action == "stay.updated")) == 0


def test_the_phone_is_typed_left_to_right_in_arabic_too(client, auth, family):
    auth.guest_login(family["kim"])

    page = client.get("/my-party?lang=ar").text

    assert 'dir="rtl"' in page.split("<body")[0]
    field = page.split('name="phone"')[0].rsplit("<input", 1)[1] + page.split(
        'name="phone"')[1].split(">", 1)[0]
    assert 'dir="ltr"' in field and 'type="tel"' in field and 'autocomplete="tel"' in field
