"""Returning guests: who counts as the same guest, which stay is theirs, what they get offered."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.demo.returning import load_returning_demo
from hotel.demo.stays import earlier_stays
from hotel.extensions import db
from hotel.models import ItemState, Stay
from hotel.services.returning import find_previous_stay, mark_returning, suggestions_for
from hotel.services.stays import save_stay
from tests.factories import make_booking_item, make_service, make_staff, make_stay

DAY = date(2030, 6, 1)


def stay_on(arrival_on: date, *, email: str = "", first_name: str = "Minji",
            last_name: str = "Kim", birth_date: date | None = None, nights: int = 4,
            language: str = "en") -> Stay:
    stay = make_stay(arrival_on=arrival_on, first_name=first_name, last_name=last_name,
                     nights=nights, language=language)
    stay.email = email
    stay.members[0].birth_date = birth_date
    db.session.flush()
    return stay


def test_the_same_email_makes_a_returning_guest_whatever_the_case(db):
    earlier = stay_on(DAY - timedelta(days=60), email="Minji.Kim@example.com",
                      first_name="Min", last_name="Other")
    stay = stay_on(DAY, email="minji.kim@EXAMPLE.com")
    assert mark_returning(stay) == earlier
    assert stay.previous_stay_id == earlier.id


def test_an_empty_email_matches_nobody(db):
    stay_on(DAY - timedelta(days=60), email="")
    stay = stay_on(DAY, email="")
    assert mark_returning(stay) is None
    assert stay.previous_stay_id is None


def test_the_same_name_and_birth_date_make_a_returning_guest(db):
    born = date(1988, 3, 14)
    earlier = stay_on(DAY - timedelta(days=90), email="old@example.com", first_name="José",
                      last_name="Núñez", birth_date=born)
    stay = stay_on(DAY, email="new@example.com", first_name="jose", last_name="NUNEZ",
                   birth_date=born)
    assert find_previous_stay(stay) == earlier


@pytest.mark.parametrize("earlier_born, now_born", [
    (date(1988, 3, 14), date(1988, 3, 15)),
    (None, date(1988, 3, 14)),
    (date(1988, 3, 14), None),
    (None, None),
])
def test_the_same_name_without_the_same_birth_date_is_another_guest(db, earlier_born,
                                                                    now_born):
    stay_on(DAY - timedelta(days=90), email="a@example.com", birth_date=earlier_born)
    stay = stay_on(DAY, email="b@example.com", birth_date=now_born)
    assert mark_returning(stay) is None


def test_the_same_birth_date_with_another_first_name_is_another_guest(db):
    born = date(1988, 3, 14)
    stay_on(DAY - timedelta(days=90), first_name="Junho", birth_date=born)
    stay = stay_on(DAY, first_name="Minji", birth_date=born)
    assert find_previous_stay(stay) is None


def test_later_and_overlapping_stays_are_never_previous(db):
    stay = stay_on(DAY, email="kim@example.com", nights=4)
    stay_on(DAY + timedelta(days=30), email="kim@example.com")  # later
    stay_on(DAY - timedelta(days=2), email="kim@example.com", nights=2)  # leaves on arrival
    assert find_previous_stay(stay) is None


def test_the_most_recent_earlier_stay_is_chosen(db):
    stay_on(DAY - timedelta(days=400), email="kim@example.com")
    recent = stay_on(DAY - timedelta(days=40), email="kim@example.com")
    stay_on(DAY - timedelta(days=200), email="kim@example.com")
    stay = stay_on(DAY, email="kim@example.com")
    assert mark_returning(stay) == recent


def test_a_corrected_email_unmarks_the_stay(db):
    stay_on(DAY - timedelta(days=60), email="kim@example.com")
    stay = stay_on(DAY, email="kim@example.com")
    mark_returning(stay)
    stay.email = "someone.else@example.com"
    assert mark_returning(stay) is None
    assert stay.previous_stay_id is None


# --------------------------------------------------------------------- suggestions


@pytest.fixture
def returning_guest(db):
    """A guest back for a second stay, with services used on the first."""
    earlier = stay_on(DAY - timedelta(days=60), email="kim@example.com", nights=6)
    stay = stay_on(DAY, email="kim@example.com")
    mark_returning(stay)
    services = {slug: make_service(slug) for slug in
                ("crib", "kids-club", "childrens-menu", "sauna", "boat-trip", "pony-ride")}
    return earlier, stay, services


def used(stay, service, times=1, state=ItemState.COMPLETED):
    for _ in range(times):
        make_booking_item(stay, service, state=state, start_on=stay.arrival_on)


def test_suggestions_are_the_most_used_services_first_and_three_at_most(returning_guest):
    earlier, stay, services = returning_guest
    used(earlier, services["crib"], 1)
    used(earlier, services["kids-club"], 3)
    used(earlier, services["childrens-menu"], 2, ItemState.CONFIRMED)
    used(earlier, services["sauna"], 1)
    assert [s.slug for s in suggestions_for(stay)] == ["kids-club", "childrens-menu", "crib"]


def test_cancelled_declined_and_unused_items_are_not_suggested(returning_guest):
    earlier, stay, services = returning_guest
    used(earlier, services["crib"])
    for state in (ItemState.CANCELLED, ItemState.DECLINED, ItemState.CANCELLED_BY_HOTEL,
                  ItemState.NO_SHOW, ItemState.REQUESTED):
        used(earlier, services["sauna"], 2, state)
    assert [s.slug for s in suggestions_for(stay)] == ["crib"]


def test_services_no_longer_offered_are_not_suggested(returning_guest):
    earlier, stay, services = returning_guest
    used(earlier, services["crib"])
    used(earlier, services["boat-trip"], 2)
    services["boat-trip"].active = False
    db.session.flush()
    assert [s.slug for s in suggestions_for(stay)] == ["crib"]


def test_services_already_booked_on_this_stay_are_left_out(returning_guest):
    earlier, stay, services = returning_guest
    used(earlier, services["crib"], 2)
    used(earlier, services["kids-club"])
    used(earlier, services["pony-ride"])
    used(stay, services["crib"], 1, ItemState.REQUESTED)
    used(stay, services["pony-ride"], 1, ItemState.CANCELLED)  # cancelled: offered again
    assert [s.slug for s in suggestions_for(stay)] == ["kids-club", "pony-ride"]


def test_services_of_every_earlier_stay_count_and_other_guests_do_not(returning_guest):
    earlier, stay, services = returning_guest
    older = stay_on(DAY - timedelta(days=400), email="kim@example.com")
    stranger = stay_on(DAY - timedelta(days=30), email="someone@example.com")
    used(earlier, services["crib"])
    used(older, services["sauna"], 2)
    used(stranger, services["boat-trip"], 5)
    assert [s.slug for s in suggestions_for(stay)] == ["sauna", "crib"]


def test_a_new_guest_gets_no_suggestions(db):
    stay = stay_on(DAY, email="new@example.com")
    assert suggestions_for(stay) == []


def test_suggestions_take_a_constant_number_of_queries(returning_guest, count_queries):
    earlier, stay, services = returning_guest

    def queries_after(more_items: int) -> int:
        for n in range(more_items):
            used(earlier, list(services.values())[n % len(services)])
        db.session.commit()
        db.session.expire_all()
        guest_stay = db.session.get(Stay, stay.id)
        with count_queries() as counter:
            found = suggestions_for(guest_stay)
            assert found
            [localized.texts for localized in found]
        return len(counter.statements)

    assert queries_after(1) == queries_after(19)


# ------------------------------------------------------------- saving stays, language


def stay_body(reference: str, arrival: date, **changes) -> dict:
    body = {"reference": reference, "room": "204", "first_name": "Minji", "last_name": "Kim",
            "arrival_date": arrival.isoformat(),
            "departure_date": (arrival + timedelta(days=3)).isoformat(),
            "email": "minji.kim@example.com"}
    body.update(changes)
    return body


def test_saving_a_stay_marks_the_returning_guest(db):
    clerk = make_staff()
    earlier = save_stay(stay_body("OLD-1", DAY - timedelta(days=50), language="ko"), clerk)
    stay = save_stay(stay_body("NEW-1", DAY, language="de"), clerk)
    assert stay.previous_stay_id == earlier.id
    assert stay.language == "de"  # a language that is given is kept


@pytest.mark.parametrize("language", [None, "", "  "])
def test_a_stay_sent_without_a_language_takes_the_earlier_stays_language(db, language):
    clerk = make_staff()
    save_stay(stay_body("OLD-1", DAY - timedelta(days=50), language="ko"), clerk)
    body = stay_body("NEW-1", DAY)
    if language is not None:
        body["language"] = language
    stay = save_stay(body, clerk)
    assert stay.language == "ko"
    updated = save_stay(body, clerk, reference="NEW-1")
    assert updated.language == "ko"


def test_a_new_guest_without_a_language_gets_the_hotels_default(app, db):
    stay = save_stay(stay_body("NEW-1", DAY), make_staff())
    assert stay.previous_stay_id is None
    assert stay.language == app.config["DEFAULT_LANGUAGE"]


# ------------------------------------------------------------------------ demo data


def test_the_demo_marks_returning_guests_and_runs_again_without_change(app, db):
    from hotel.demo.loader import load_demo_data

    load_demo_data()  # it may load the earlier stays itself
    today = hotel_today()
    load_returning_demo(today)
    db.session.commit()
    assert load_returning_demo(today) == 0
    stays = {s.reference: s for s in db.session.scalars(select(Stay))}
    for current, earlier in earlier_stays().items():
        assert stays[current].previous_stay_id == stays[earlier["reference"]].id
        assert stays[earlier["reference"]].departure_on < stays[current].arrival_on
    assert any(suggestions_for(stays[current]) for current in earlier_stays())


def test_a_lead_guests_birth_date_from_the_pms_recognises_them(db):
    """The birth date comes in with the stay (API or CSV) and matches on name as well."""
    today = hotel_today()
    base = {"room": "101", "first_name": "Léa", "last_name": "Dupont", "language": "fr",
            "birth_date": "1985-04-02"}
    save_stay({**base, "reference": "OLD1",
               "arrival_date": (today - timedelta(days=60)).isoformat(),
               "departure_date": (today - timedelta(days=55)).isoformat()}, None)
    new = save_stay({**base, "reference": "NEW1", "first_name": "LEA", "email": "",
                     "arrival_date": today.isoformat(),
                     "departure_date": (today + timedelta(days=3)).isoformat()}, None)
    assert new.members[0].birth_date.isoformat() == "1985-04-02"
    assert db.session.get(Stay, new.previous_stay_id).reference == "OLD1"
