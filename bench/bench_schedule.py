"""Benchmark: render time of the daily run sheet at 10, 100 and 2,000 bookings on the day.

In process, with Flask's test client, on a fresh SQLite database in a temporary folder:
one activity slot holds all the bookings (each of a family of four, 2,000 stays at most),
reception asks for the sheet of all departments. For each size it prints the median of
several renders and the cost per booking, so that one sees the time grow linearly (and
the number of SQL queries stay the same). Run: ``.venv/bin/python bench/bench_schedule.py``.
"""

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

from sqlalchemy import event

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from config import TestingConfig  # noqa: E402
from hotel import create_app  # noqa: E402
from hotel.clock import local_to_utc  # noqa: E402
from hotel.extensions import db  # noqa: E402
from hotel.models import ItemState, Role  # noqa: E402
from tests.factories import (  # noqa: E402
    make_booking_item,
    make_department,
    make_service,
    make_slot,
    make_staff,
    make_stay,
)

SIZES = (10, 100, 2000)
RENDERS = 7
DAY = date(2030, 7, 15)


def _fill(total: int, slot, service, stays) -> None:
    """Add bookings until the slot holds ``total`` of them."""
    for number in range(total - slot.booked // 4):
        make_booking_item(stays[number % len(stays)], service, slot=slot, start_on=DAY,
                          flush=False,
                          state=ItemState.CONFIRMED if number % 3 else ItemState.REQUESTED)
    db.session.commit()


def _render(client, path: str) -> tuple[float, int, int]:
    """Return the seconds one render takes, the queries it sends and its size."""
    queries = []
    record = lambda *args: queries.append(1)  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", record)
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    event.remove(db.engine, "before_cursor_execute", record)
    assert response.status_code == 200, response.status_code
    return elapsed, len(queries), len(response.data)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = type("BenchConfig", (TestingConfig,), {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(folder) / 'bench.db'}"})
        app = create_app(config)
        with app.app_context():
            db.create_all()
            service = make_service("bench-club", department=make_department("bench-kids"))
            slot = make_slot(service, local_to_utc(DAY, clock(10, 0)), capacity=100_000)
            stays = [make_stay(arrival_on=DAY - timedelta(1), children=[5, 9])
                     for _ in range(max(SIZES))]
            user = make_staff("bench-reception", role=Role.RECEPTION)
            db.session.commit()
            client = app.test_client()
            with client.session_transaction() as session:
                session["_user_id"] = user.get_id()
                session["_fresh"] = True
            path = f"/desk/schedule?date={DAY.isoformat()}"
            print(f"{'bookings':>9} {'median ms':>10} {'ms/booking':>11} "
                  f"{'ms per added booking':>21} {'queries':>8} {'page KB':>8}")
            previous = None
            for size in SIZES:
                _fill(size, slot, service, stays)
                _render(client, path)  # warm up
                runs = [_render(client, path) for _ in range(RENDERS)]
                median = statistics.median(run[0] for run in runs) * 1000
                added = (f"{(median - previous[1]) / (size - previous[0]):.3f}"
                         if previous else "-")
                print(f"{size:>9} {median:>10.1f} {median / size:>11.3f} {added:>21} "
                      f"{runs[0][1]:>8} {runs[0][2] / 1024:>8.0f}")
                previous = (size, median)


if __name__ == "__main__":
    main()
