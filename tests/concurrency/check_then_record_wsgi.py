"""WSGI entry for the sign-in negative control: limits checked before attempts are recorded.

The production code records an attempt and counts the failures in one locked write
transaction. This module swaps that, in this server process only, for the naive
check-then-record the sign-in concurrency tests must be able to catch letting more
guesses through than the limits allow.
"""

import time

from config import TestingConfig
from hotel import create_app
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import SignInFailure
from hotel.services import sign_in

RACE_WINDOW_SECONDS = 0.5  # widens the gap between counting and recording, even on a busy machine


def begin_attempt_unlocked(kind: str, identifier: str, client: str) -> sign_in.Attempt:
    """Count the earlier failures, wait, and only then record the attempt: racy."""
    keys, now = sign_in.AttemptKeys.of(kind, identifier, client), sign_in.utcnow()
    if sign_in.must_refuse(sign_in.tally(keys, now), now):
        raise sign_in.too_many_attempts()
    db.session.commit()
    time.sleep(RACE_WINDOW_SECONDS)
    with write_transaction():
        failures = [SignInFailure(key=key, created_at=now) for key in keys.all]
        db.session.add_all(failures)
        db.session.flush()
        ids = [failure.id for failure in failures]
    return sign_in.Attempt(keys, ids)


sign_in.begin_attempt = begin_attempt_unlocked
app = create_app(TestingConfig)
