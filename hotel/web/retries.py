"""Requests whose transaction the database rolled back for another one are run again.

A deadlock or serialization failure on PostgreSQL undoes the whole transaction, so the
view can simply run once more; after a few tries, or when SQLite stays locked past its
busy timeout, the reader is told the hotel is busy (503), never shown a 500.
"""

import random
import time

from flask import Flask, render_template
from flask_babel import gettext as _
from sqlalchemy.exc import OperationalError

from hotel.database import WRITE_ATTEMPTS, is_busy, is_retryable
from hotel.extensions import db
from hotel.web.errors import wants_json

RETRY_AFTER_SECONDS = 2


class RetryingFlask(Flask):
    """Flask whose views are run again when the database rolled their transaction back."""

    def dispatch_request(self):
        """Run the view, again after a short pause if another transaction got in its way."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                return super().dispatch_request()
            except OperationalError as error:
                if attempt == WRITE_ATTEMPTS or not is_retryable(error):
                    raise
                db.session.rollback()
                # Back off a little, at random, so the two do not meet again at once.
                time.sleep(random.uniform(0.02, 0.08) * 2 ** attempt)
        raise AssertionError("unreachable")  # pragma: no cover


def init_app(app: Flask) -> None:
    """Answer "busy, try again" for a database that stayed busy."""

    @app.errorhandler(OperationalError)
    def database_busy(error: OperationalError):
        db.session.rollback()
        if not is_busy(error):
            raise error
        message = _("The hotel's system is very busy just now. Please try again in a moment.")
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        if wants_json():
            return {"error": "busy", "message": message}, 503, headers
        return render_template("errors/error.html", code=503, message=message), 503, headers
