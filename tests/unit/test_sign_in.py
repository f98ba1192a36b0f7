"""Guest sign-in with booking reference or room and last name, and how guessing is slowed."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.models import SignInFailure
from hotel.models.types import utcnow
from hotel.services import sign_in as sign_in_service
from hotel.services.errors import DomainError
from hotel.services.sign_in import (
    CLIENT_LIMIT,
    FIRST_DELAY,
    FREE_FAILURES,
    IDENTIFIER_LIMIT,
    Throttled,
    delay_after,
    sign_in_guest,
)
from tests.factories import make_stay


@pytest.fixture
def stay(db):
    stay = make_stay(reference="LP4821", room="214", last_name="Müller",
                     arrival_on=hotel_today() - timedelta(days=1), nights=4)
    db.session.commit()
    return stay


def fails(identifier, last_name, client="198.51.100.7") -> DomainError:
    """Try to sign in, expecting a refusal with a message; return it."""
    with pytest.raises(DomainError) as caught:
        sign_in_guest(identifier, last_name, client)
    assert caught.value.message.strip()
    return caught.value


@pytest.mark.parametrize("identifier", ["LP4821", "lp4821", " LP4821 ", "214"])
# "Mueller": as a German guest types the name on a keyboard without "ü".
@pytest.mark.parametrize("last_name", ["Müller", "müller", "MÜLLER", "Muller", " muller ",
                                       "Mueller", "MUELLER"])
def test_guest_signs_in_by_reference_or_room_whatever_the_case_and_accents(
        stay, identifier, last_name):
    assert sign_in_guest(identifier, last_name, "198.51.100.7").id == stay.id


@pytest.mark.parametrize(("identifier", "last_name"), [
    ("LP4821", "Miller"),
    ("LP4821", "Mahler"),  # a different name, not another spelling of the same
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
    """One address trying many references is stopped at the client limit."""
    for number in range(CLIENT_LIMIT):
        fails(f"NOPE{number}", "Müller", client="203.0.113.9")
    # Even the right details are refused now, from that client only.
    with pytest.raises(Throttled) as caught:
        sign_in_guest("LP4821", "Müller", "203.0.113.9")
    assert caught.value.message.strip()
    assert sign_in_guest("LP4821", "Müller", "198.51.100.1").id == stay.id


def test_25_failures_from_one_address_do_not_stop_the_guest_at_their_own(stay):
    """Guesses from another address, even at this stay, never lock its guest out."""
    for number in range(25):
        fails("LP4821" if number % 2 else f"NOPE{number}", "Wrong", client="203.0.113.9")
    assert sign_in_guest("LP4821", "Müller", "198.51.100.1").id == stay.id


def test_failures_against_a_stay_from_other_addresses_do_not_stop_its_guest(stay):
    """Many addresses guessing at a stay leave its guest free to sign in from theirs."""
    for number in range(2 * IDENTIFIER_LIMIT):
        fails("LP4821", "Wrong", client=f"192.0.2.{number}")
    assert sign_in_guest("LP4821", "Müller", "198.51.100.1").id == stay.id
    assert sign_in_guest("214", "Müller", "198.51.100.2").id == stay.id


def test_once_a_stay_is_guessed_at_from_many_addresses_those_addresses_are_refused(stay):
    """Past the limit per reference, only addresses that have not guessed yet may try."""
    for number in range(IDENTIFIER_LIMIT):
        fails("LP4821", "Wrong", client=f"192.0.2.{number}")
    for number in range(IDENTIFIER_LIMIT):
        with pytest.raises(Throttled):
            sign_in_guest("LP4821", "Müller", f"192.0.2.{number}")
    # An address that has not guessed yet still gets its one try.
    fails("LP4821", "Wrong", client="192.0.2.200")
    with pytest.raises(Throttled):
        sign_in_guest("LP4821", "Müller", "192.0.2.200")


def test_the_limits_are_well_under_a_hundred_an_hour():
    """Guessing a last name stays slow whichever limit applies."""
    assert FREE_FAILURES <= IDENTIFIER_LIMIT <= CLIENT_LIMIT < 100


@pytest.mark.parametrize(("failures", "minutes"), [
    (0, 0), (FREE_FAILURES - 1, 0), (FREE_FAILURES, 1), (FREE_FAILURES + 1, 2),
    (FREE_FAILURES + 2, 4), (FREE_FAILURES + 5, 32), (FREE_FAILURES + 6, 60), (100, 60),
])
def test_the_delay_doubles_after_the_free_failures_up_to_an_hour(failures, minutes):
    """A few failures cost nothing; then each wait is twice the last, up to an hour."""
    assert delay_after(failures) == timedelta(minutes=minutes)


class Clock:
    """A clock for the sign-in service that the test moves forward."""

    def __init__(self, monkeypatch):
        self.now = utcnow()
        monkeypatch.setattr(sign_in_service, "utcnow", lambda: self.now)

    def advance(self, **kwargs) -> None:
        """Move the clock forward."""
        self.now += timedelta(**kwargs)


def test_after_the_free_failures_the_same_client_waits_twice_as_long_each_time(
        stay, monkeypatch):
    """The pair of address and reference waits; others do not."""
    clock = Clock(monkeypatch)
    for _attempt in range(FREE_FAILURES):
        fails("LP4821", "Wrong")
    for wait in (FIRST_DELAY, 2 * FIRST_DELAY, 4 * FIRST_DELAY):
        clock.advance(seconds=wait.total_seconds() - 1)
        with pytest.raises(Throttled):
            sign_in_guest("LP4821", "Müller", "198.51.100.7")
        clock.advance(seconds=1)
        error = fails("LP4821", "Wrong")
        assert not isinstance(error, Throttled)
    # Other clients, and this client at other stays, are not slowed down.
    assert sign_in_guest("LP4821", "Müller", "198.51.100.8").id == stay.id
    fails("LP9999", "Wrong")


def test_one_client_gets_no_more_guesses_an_hour_at_one_stay_than_before(stay, monkeypatch):
    """Guessing from one address is no faster than with the old limit of ten an hour."""
    clock = Clock(monkeypatch)
    checked = 0
    for _minute in range(120):  # a guess every thirty seconds for an hour
        if not isinstance(fails("LP4821", "Wrong"), Throttled):
            checked += 1
        clock.advance(seconds=30)
    assert checked <= 10  # the old limit per stay and hour


def test_signing_in_takes_back_the_clients_failures_at_that_stay(stay):
    """A guest who mistyped a few times starts afresh once signed in."""
    for _attempt in range(FREE_FAILURES - 1):
        fails("LP4821", "Wrong")
    assert sign_in_guest("LP4821", "Müller", "198.51.100.7").id == stay.id
    for _attempt in range(FREE_FAILURES):
        assert not isinstance(fails("LP4821", "Wrong"), Throttled)


def test_unknown_and_known_references_are_answered_alike(stay):
    """Wrong and throttled answers are the same whether the reference exists or not."""
    known, unknown = fails("LP4821", "Wrong"), fails("LP4899", "Müller")
    assert (type(known), known.message) == (type(unknown), unknown.message)
    for _attempt in range(FREE_FAILURES - 1):
        fails("LP4821", "Wrong")
        fails("LP4899", "Müller")
    known, unknown = fails("LP4821", "Müller"), fails("LP4899", "Müller")
    assert isinstance(known, Throttled) and isinstance(unknown, Throttled)
    assert known.message == unknown.message


def test_a_refused_attempt_is_not_counted_as_a_guess(db, stay):
    """Only attempts whose details were checked are recorded as failures."""
    for _attempt in range(FREE_FAILURES + 3):
        fails("LP4821", "Wrong")
    counted = db.session.scalar(select(func.count()).select_from(SignInFailure).where(
        SignInFailure.key.like("guest-pair:%")))
    assert counted == FREE_FAILURES


def test_failures_older_than_an_hour_do_not_count(stay, monkeypatch):
    """The limit per address counts the last hour only."""
    an_hour_ago = utcnow() - timedelta(minutes=61)
    monkeypatch.setattr(sign_in_service, "utcnow", lambda: an_hour_ago)
    for number in range(CLIENT_LIMIT):
        fails(f"NOPE{number}", "Wrong", client="c")
    monkeypatch.undo()
    assert sign_in_guest("LP4821", "Müller", "c").id == stay.id


def test_failures_within_the_hour_still_count(stay, monkeypatch):
    """Failures fifty minutes ago still count against the address."""
    a_while_ago = utcnow() - timedelta(minutes=50)
    monkeypatch.setattr(sign_in_service, "utcnow", lambda: a_while_ago)
    for number in range(CLIENT_LIMIT):
        fails(f"NOPE{number}", "Wrong", client="c")
    monkeypatch.undo()
    with pytest.raises(Throttled):
        sign_in_guest("LP4821", "Müller", "c")
