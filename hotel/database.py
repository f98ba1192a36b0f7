"""Engine settings and write transactions that are safe for several processes at once.

On SQLite, a write transaction starts with ``BEGIN IMMEDIATE`` so that it takes the
write lock before it reads: two processes can then never both read the same counter
and both decide there is room. With WAL, readers are never blocked, and the busy
timeout makes a writer wait for another writer instead of failing with "database is
locked". On PostgreSQL every reservation is a conditional UPDATE, which the database
serialises on the row; a transaction it rolls back for a deadlock or a serialization
failure is run again (see hotel/web/retries.py), a bounded number of times.
"""

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from hotel.extensions import db

_immediate: ContextVar[bool] = ContextVar("immediate_transaction", default=False)


def configure_engine(engine: Engine, busy_timeout_ms: int) -> None:
    """Give SQLite connections foreign keys, WAL, a busy timeout and our own BEGIN."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, connection_record):
        # Let SQLAlchemy's "begin" event, below, issue BEGIN instead of the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    event.listen(engine, "begin", begin_sqlite_transaction)


def begin_sqlite_transaction(connection) -> None:
    """Start SQLite's transaction ourselves: ``BEGIN IMMEDIATE`` inside write_transaction()."""
    connection.exec_driver_sql("BEGIN IMMEDIATE" if _immediate.get() else "BEGIN")


@contextmanager
def write_transaction(*, expire: bool = True) -> Iterator[None]:
    """Run the block in one write transaction: committed at the end, rolled back on error.

    A read transaction the request may have open is ended first, so that the write
    transaction starts fresh (``BEGIN IMMEDIATE`` on SQLite) and sees current data.

    With ``expire=False`` neither commit expires what the session holds: the stay and
    services the request loaded are used as read a moment before, not loaded again, and
    what the block wrote is still there to answer with. That is for writes whose every
    decision on current data is taken by a statement inside the transaction (a
    conditional UPDATE of a counter or a state, an upsert, a unique index), and whose
    code keeps the objects it changes by statements up to date (hotel/services/capacity.py
    does). A rollback expires everything, as always.
    """
    session = db.session()
    expire_on_commit = session.expire_on_commit
    session.expire_on_commit = expire
    try:
        if session.in_transaction():
            session.commit()
        token = _immediate.set(True)
        try:
            with session.begin():
                yield
        finally:
            _immediate.reset(token)
    finally:
        session.expire_on_commit = expire_on_commit


# PostgreSQL's answers to two transactions that got in each other's way: the transaction
# was rolled back whole and may simply be run again.
RETRIED_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure
WRITE_ATTEMPTS = 3


def is_retryable(error: DBAPIError) -> bool:
    """Tell whether the database rolled a transaction back only because of another one."""
    return getattr(error.orig, "sqlstate", None) in RETRIED_SQLSTATES


def is_busy(error: DBAPIError) -> bool:
    """Tell whether an error means "too busy right now": retryable, or SQLite still locked
    after the busy timeout."""
    return is_retryable(error) or "database is locked" in str(error.orig)


def _lock_number(name: str) -> int:
    """Return a stable signed 64-bit number for a lock name (PostgreSQL's lock key type)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def lock_names(*names: str) -> None:
    """Hold a lock on each name until the write transaction ends, so its checks are alone.

    On PostgreSQL these are transaction-level advisory locks, taken in one fixed order
    so that two transactions never wait for each other. On SQLite ``BEGIN IMMEDIATE``
    has already made the transaction the only writer, so there is nothing more to take.
    """
    if db.session.get_bind().dialect.name != "postgresql":
        return
    for number in sorted({_lock_number(name) for name in names}):
        db.session.execute(text("SELECT pg_advisory_xact_lock(:number)"), {"number": number})


def try_lock_name(name: str) -> bool:
    """Take the lock on a name if no one holds it, until the transaction ends; say if taken.

    On SQLite the write transaction is alone already, so the answer is always yes.
    """
    if db.session.get_bind().dialect.name != "postgresql":
        return True
    return bool(db.session.scalar(text("SELECT pg_try_advisory_xact_lock(:number)"),
                                  {"number": _lock_number(name)}))
