"""WSGI entry for the voucher negative control only: the app with the voucher's use
counted by a naive read-check-write, so the test can show that it would see a voucher
used beyond its limit."""

import time

from sqlalchemy import event, select, update

from config import TestingConfig
from hotel import create_app, database
from hotel.extensions import db
from hotel.models import Voucher
from hotel.services import vouchers

RACE_WINDOW_SECONDS = 0.3


def claim_use_unlocked(voucher_id: int) -> bool:
    """Read the uses, check the limit, wait, then write what was read plus one: racy."""
    uses, most = db.session.execute(
        select(Voucher.uses, Voucher.max_uses).where(Voucher.id == voucher_id)).one()
    if most is not None and uses >= most:
        return False
    time.sleep(RACE_WINDOW_SECONDS)
    db.session.execute(update(Voucher).where(Voucher.id == voucher_id).values(uses=uses + 1))
    return True


vouchers._claim_use = claim_use_unlocked
app = create_app(TestingConfig)
with app.app_context():
    if db.engine.dialect.name == "sqlite":
        # SQLite runs write transactions one at a time, so the racy path can only overuse
        # without them: each statement then commits on its own.
        event.remove(db.engine, "begin", database.begin_sqlite_transaction)
        event.listen(db.engine, "begin", lambda connection: None)
