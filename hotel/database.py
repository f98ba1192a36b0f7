"""Engine settings that make SQLite safe for several processes at once."""

from sqlalchemy import event
from sqlalchemy.engine import Engine


def configure_engine(engine: Engine, busy_timeout_ms: int) -> None:
    """Give SQLite connections foreign keys, WAL and a busy timeout.

    With WAL, readers never wait for a writer; with the busy timeout a writer waits for
    another writer instead of failing with "database is locked".
    """
    if engine.dialect.name != "sqlite":
        return
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
