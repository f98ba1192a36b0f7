"""Guest sign-in with booking reference or room and last name, and its throttling."""

from datetime import timedelta

import pytest

from hotel.clock import hotel_today
from hotel.models.types import utcnow
from hotel.services import sign_in as sign_in_service
from hotel.services.errors import DomainError
from hotel.services.sign_in import ACCOUNT_LIMIT, CLIENT_LIMIT, Throttled, sign_in_guest
from tests.factories import make_stay


@pytest.fixture
def stay(db):
    stay = make_stay(reference="LP4821", room="214", last_name="Müller",
                     arrival_on=hotel_today() - timedelta(days=1), nights=4)
    db.session.commit()
    return stay


def fails(identifier, last_name, client="198.51.100.7") -> DomainError:
    with pytest.raises(DomainError) as caught:
        sign_in_guest(identifier, last_name, client)
    assert caught.value.message.strip()
    return caught.value


@pytest.mark.parametrize("identifier", ["LP4821", "lp4821", " LP4821 ", "214"])
@pytest.mark.parametrize("last_name", ["Müller", "müller", "MÜLLER", "Muller", " muller "])
def test_guest_signs_in_by_reference_or_room_whatever_the_case_and_accents(
        stay, identifier, last_name):
    assert sign_in_guest(identifier, last_name, "198.51.100.7").id == stay.id


@pytest.mark.parametrize(("identifier", "last_name"), [
    ("LP4821", "Miller"),
    ("LP4821", "Mueller"),  # a different spelling, not just a different accent
    ("LP4822", "Müller"),
    ("215", "Müller"),
    ("", "Müller"),
    ("LP4821", ""),
])
def test_wrong_details_are_refused(stay, identifier, last_name):
    error = fails(identifier, last_name)
    assert not isinstance(error, Throttled)


@pytest.mark.parametrize(("arrival_days", "nights", "allowed"), [
    (-5, 4, False),  # left yesterday
    (-4, 4, True),  # leaves today
    (3, 2, True),  # arrives in three days
])
def test_only_a_current_or_coming_stay_can_sign_in(db, arrival_days, nights, allowed):
    make_stay(reference="LP9000", last_name="Tanaka", nights=nights,
              arrival_on=hotel_today() + timedelta(days=arrival_days))
    db.session.commit()
    if allowed:
        assert sign_in_guest("LP9000", "Tanaka", "client").reference == "LP9000"
    else:
        fails("LP9000", "Tanaka")


def test_on_changeover_day_both_guests_of_a_room_sign_in_by_room(db):
    today = hotel_today()
    leaving = make_stay(room="305", last_name="Nguyen", arrival_on=today - timedelta(days=3),
                        nights=3)
    arriving = make_stay(room="305", last_name="Ivanova", arrival_on=today, nights=7)
    db.session.commit()
    assert sign_in_guest("305", "Nguyen", "a").id == leaving.id
    assert sign_in_guest("305", "Ivanova", "b").id == arriving.id


def test_a_client_is_throttled_after_too_many_failures(stay):
    for number in range(CLIENT_LIMIT):
        fails(f"NOPE{number}", "Müller", client="203.0.113.9")
    # Even the right details are refused now, from that client only.
    with pytest.raises(Throttled) as caught:
        sign_in_guest("LP4821", "Müller", "203.0.113.9")
    assert caught.value.message.strip()
    assert sign_in_guest("LP4821", "Müller", "198.51.100.1").id == stay.id


def test_a_stay_is_throttled_after_too_many_failures_from_any_client(db, stay):
    other = make_stay(reference="LP5000", last_name="Park", arrival_on=hotel_today())
    db.session.commit()
    for number in range(ACCOUNT_LIMIT):
        fails("LP4821", "Wrong", client=f"192.0.2.{number}")
    with pytest.raises(Throttled):
        sign_in_guest("LP4821", "Müller", "192.0.2.200")
    assert sign_in_guest("LP5000", "Park", "192.0.2.200").id == other.id


def test_the_limits_are_well_under_a_hundred_an_hour():
    assert ACCOUNT_LIMIT <= CLIENT_LIMIT < 100


def test_failures_older_than_an_hour_do_not_count(stay, monkeypatch):
    an_hour_ago = utcnow() - timedelta(minutes=61)
    monkeypatch.setattr(sign_in_service, "utcnow", lambda: an_hour_ago)
    for number in range(CLIENT_LIMIT):
        fails("LP4821" if number < ACCOUNT_LIMIT else f"NOPE{number}", "Wrong", client="c")
    monkeypatch.undo()
    assert sign_in_guest("LP4821", "Müller", "c").id == stay.id


def test_failures_within_the_hour_still_count(stay, monkeypatch):
    a_while_ago = utcnow() - timedelta(minutes=50)
    monkeypatch.setattr(sign_in_service, "utcnow", lambda: a_while_ago)
    for number in range(ACCOUNT_LIMIT):
        fails("LP4821", "Wrong", client=f"c{number}")
    monkeypatch.undo()
    with pytest.raises(Throttled):
        sign_in_guest("LP4821", "Müller", "fresh-client")
