"""Wrong sign-ins all at once, against four gunicorn workers: no more guesses are checked
than the limits allow, and none is answered with a server error."""

from collections import Counter

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from hotel import create_app
from hotel.extensions import db
from hotel.models import SignInFailure
from hotel.services.sign_in import CLIENT_LIMIT, FREE_FAILURES
from tests.concurrency.conftest import SAFE_APP
from tests.concurrency.harness import Hotel, post_all_at_once
from tests.conftest import make_config

pytestmark = pytest.mark.concurrency

CHECK_THEN_RECORD_APP = "tests.concurrency.check_then_record_wsgi"
STAFF_GUESSES = 40
GUEST_GUESSES = 60


def backend(hotel: Hotel) -> str:
    """Name the hotel's database backend, for the figures the tests print."""
    return make_url(hotel.url).get_backend_name()


def recorded_failures(hotel: Hotel, prefix: str) -> int:
    """Count the failures recorded on the counters whose keys start with ``prefix``."""
    app = create_app(make_config(hotel.url))
    with app.app_context():
        count = db.session.scalar(select(func.count()).select_from(SignInFailure)
                                  .where(SignInFailure.key.startswith(prefix)))
        db.session.remove()
        db.engine.dispose()
    return count


def guess_staff_password(server, hotel: Hotel) -> Counter:
    """Send forty wrong passwords for one username at once; count the statuses."""
    bodies = [{"username": hotel.staff_username, "password": f"guess-{n}"}
              for n in range(STAFF_GUESSES)]
    return Counter(status for status, _ in post_all_at_once(server.base_url,
                                                             "/api/v1/auth/staff", bodies))


def guess_last_names(server, bodies: list[dict]) -> Counter:
    """Send the guests' sign-ins at once; count the statuses, checking each 401's reason."""
    answers = post_all_at_once(server.base_url, "/api/v1/auth/guest", bodies)
    for status, answer in answers:
        assert status != 401 or answer["error"] == "unauthorized", answer
        assert status != 429 or answer["error"] == "throttled", answer
    return Counter(status for status, _ in answers)


def one_stay_guessed(hotel: Hotel) -> list[dict]:
    """Sixty wrong last names for the first guest's booking reference."""
    reference = hotel.guests[0][0]
    return [{"reference": reference, "last_name": f"Guess{n}"} for n in range(GUEST_GUESSES)]


def test_simultaneous_wrong_staff_passwords_are_checked_no_more_than_allowed(hotel, serve):
    """Of forty at once, exactly the free failures are checked (401); the rest get 429."""
    server = serve(SAFE_APP, hotel)
    statuses = guess_staff_password(server, hotel)
    print(f"staff, {backend(hotel)}: {dict(statuses)} (limit {FREE_FAILURES})")
    assert statuses == {401: FREE_FAILURES, 429: STAFF_GUESSES - FREE_FAILURES}, statuses
    assert recorded_failures(hotel, "staff-pair:") == FREE_FAILURES


def test_simultaneous_wrong_guest_sign_ins_at_one_stay_are_checked_no_more_than_allowed(
        hotel, serve):
    """Of sixty at once at one stay, exactly the free failures are checked."""
    server = serve(SAFE_APP, hotel)
    statuses = guess_last_names(server, one_stay_guessed(hotel))
    print(f"guest, one stay, {backend(hotel)}: {dict(statuses)} "
          f"(limit {FREE_FAILURES})")
    assert statuses == {401: FREE_FAILURES, 429: GUEST_GUESSES - FREE_FAILURES}, statuses
    assert recorded_failures(hotel, "guest-pair:") == FREE_FAILURES


def test_simultaneous_wrong_guest_sign_ins_at_many_stays_stop_at_the_client_limit(
        hotel, serve):
    """Sixty at once at forty real and twenty invented references: the client's limit holds."""
    server = serve(SAFE_APP, hotel)
    bodies = ([{"reference": reference, "last_name": "Wrong"} for reference, _ in hotel.guests]
              + [{"reference": f"XX{n:04d}", "last_name": "Wrong"}
                 for n in range(GUEST_GUESSES - len(hotel.guests))])
    statuses = guess_last_names(server, bodies)
    print(f"guest, many stays, {backend(hotel)}: {dict(statuses)} "
          f"(limit {CLIENT_LIMIT})")
    assert statuses == {401: CLIENT_LIMIT, 429: GUEST_GUESSES - CLIENT_LIMIT}, statuses
    assert recorded_failures(hotel, "guest-client:") == CLIENT_LIMIT


def test_negative_control_checking_before_recording_lets_more_guesses_through(hotel, serve):
    """The same bursts against check-then-record get more guesses checked than allowed."""
    server = serve(CHECK_THEN_RECORD_APP, hotel)
    staff = guess_staff_password(server, hotel)
    guests = guess_last_names(server, one_stay_guessed(hotel))
    print(f"negative control, {backend(hotel)}: staff {dict(staff)}, "
          f"guest {dict(guests)} (limit {FREE_FAILURES})")
    assert not any(status >= 500 for status in staff | guests), (staff, guests)
    assert staff[401] > FREE_FAILURES, staff
    assert guests[401] > FREE_FAILURES, guests
