"""Benchmark at scale: every desk and guest page on a year of a hotel group, against the
same page on the demo data, on PostgreSQL.

Builds two private databases on a PostgreSQL server: the demo hotel, and the demo hotel
with a year of a hotel group's history added in SQL (bench/scale_year.sql: 50,000 stays
and what they booked). Serves each with gunicorn, measures each page on both, in three
rounds of the demo right before the year, and prints its speed on the year as a ratio to
its speed on the demo data (the median of the rounds), and each against a bare Flask page.
Then sends a mix of requests to the year's server and prints the memory of each of its
workers. The databases are dropped at the end unless --keep is given.
"""

import argparse
import os
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402
    BENCH_STOCK,
    BOOKED_RENTAL,
    GUEST,
    MANAGER,
    RECEPTION,
    ROUNDS,
    Result,
    Rounds,
    Server,
    Target,
    app_environment,
    gunicorn,
    load_average,
    measure,
    page,
    send,
    sign_in_staff,
    targets,
)
from config import database_url  # noqa: E402

YEAR_SQL = Path(__file__).with_name("scale_year.sql")
STAYS = 50_000
HISTORY_ENDS_DAYS_AGO = 7  # the year ends a week before today: today is the demo's day
REQUEST_SCALE = 0.25  # of bench/run.py's numbers of requests
WARMUP = 5
SECONDS_PER_TARGET = 10
MIXED_REQUESTS = 2000
MEMORY_LIMIT_MIB = 150
COUNTED = ("stay", "party_member", "booking", "booking_item", "booking_item_participant",
           "slot", "rental_day", "rating", "ticket", "audit_entry")


@dataclass
class Pair(Rounds):
    """A page measured in rounds on the demo data and right after on the year: its ratio
    is the year's speed over the demo's."""

    name: str

    @property
    def failed(self) -> int:
        return sum(demo.failed + year.failed for demo, year in self.rounds)


@contextmanager
def private_database(server_url: str, label: str, keep: bool,
                     copy_of: str | None = None) -> Iterator[str]:
    """Create a database ``hotel_scale_<label>_...`` on the server, empty or a copy of the
    database at ``copy_of``; yield its URL; drop it afterwards unless ``keep``."""
    url = make_url(database_url(server_url))
    name = f"hotel_scale_{label}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    template = f' TEMPLATE "{make_url(copy_of).database}"' if copy_of else ""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{template}'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        if keep:
            print(f"Kept the database {name}.")
        else:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def build_demo(url: str) -> None:
    """Migrate an empty database, load the demo hotel, give the booked rental stock."""
    from flask_migrate import upgrade
    from sqlalchemy import select

    from config import DevelopmentConfig
    from hotel import create_app
    from hotel.demo.loader import load_demo_data
    from hotel.extensions import db
    from hotel.models import Service

    app = create_app(type("ScaleConfig", (DevelopmentConfig,), {
        "SQLALCHEMY_DATABASE_URI": url, "QUEUE_URL": "memory://"}))
    with app.app_context():
        upgrade()
        load_demo_data()
        db.session.scalar(select(Service).where(Service.slug == BOOKED_RENTAL)).stock = BENCH_STOCK
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def add_year(url: str, stays: int) -> float:
    """Add the year of a hotel group to the demo hotel at ``url``; return the seconds."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from config import Config

    started = time.perf_counter()
    today = datetime.now(ZoneInfo(Config.HOTEL_TIMEZONE)).date()
    last_day = today - timedelta(days=HISTORY_ENDS_DAYS_AGO)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(
            "CREATE TEMP TABLE scale (stays int, first_day date, last_day date, zone text)"))
        connection.execute(text("INSERT INTO scale VALUES (:stays, :first, :last, :zone)"), {
            "stays": stays, "first": last_day - timedelta(days=365), "last": last_day,
            "zone": Config.HOTEL_TIMEZONE})
        # Run as one script, straight through the driver: it has no parameters.
        with connection.connection.dbapi_connection.cursor() as cursor:
            cursor.execute(YEAR_SQL.read_text())
    engine.dispose()
    return time.perf_counter() - started


def analyze(url: str) -> float:
    """Vacuum and analyze the database, as autovacuum would after a load; return seconds."""
    started = time.perf_counter()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("VACUUM (ANALYZE)"))
    engine.dispose()
    return time.perf_counter() - started


def counts(url: str) -> dict[str, int]:
    """Return the number of rows of the tables the year fills."""
    engine = create_engine(url)
    with engine.connect() as connection:
        found = {table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()
                 for table in COUNTED}
    engine.dispose()
    return found


def desk_targets(port: int, scale: float) -> list[Target]:
    """Return the desk pages beyond bench/run.py's, as reception and a manager."""
    reception = sign_in_staff(port, RECEPTION)
    manager = sign_in_staff(port, MANAGER)
    number = max(int(200 * scale), 20)
    pages = [
        ("Requests, confirmed", "/desk/requests?state=confirmed", reception),
        ("Requests, any state", "/desk/requests?state=", reception),
        ("Requests, guest kim", "/desk/requests?state=&guest=kim", reception),
        ("stays, in house", "/desk/stays", reception),
        ("stays, search kim", "/desk/stays?when=all&q=kim", reception),
        ("book for a guest, kim", "/desk/book?q=kim", reception),
        ("stay page", f"/desk/stays/{GUEST[0]}", reception),
        ("week plan", "/desk/schedule/week", manager),
        ("audit log", "/desk/audit", manager),
        ("reports", "/desk/reports", manager),
    ]
    return [Target(name, "app", number, page(path, session)) for name, path, session in pages]


def guest_sign_in(scale: float) -> Target:
    """Return the guest sign-in through the API: the lookup by reference, every time."""
    import json

    body = json.dumps({"reference": GUEST[0].lower(), "last_name": GUEST[1]}).encode()
    headers = {"Content-Type": "application/json"}
    return Target("guest sign-in (API)", "app", max(int(200 * scale), 20),
                  lambda number: ("POST", "/api/v1/auth/guest", body, headers))


def all_targets(server: Server, url: str, scale: float) -> list[Target]:
    """Return every target to measure on one app server, bare page first."""
    return [*targets(server.port, url, scale), *desk_targets(server.port, scale),
            guest_sign_in(scale)]


def measure_pairs(bare: Server, demo: tuple[Server, list[Target]],
                  year: tuple[Server, list[Target]]) -> tuple[Result, list[Pair]]:
    """Measure the bare page, then each page in ``ROUNDS`` rounds: on the demo data and
    right after on the year (the machine's speed moves from one second to the next)."""
    bare_result = measure(bare.port, demo[1][0], WARMUP, SECONDS_PER_TARGET)
    pairs = []
    for on_demo, on_year in zip(demo[1][1:], year[1][1:], strict=True):
        print(f"  {on_demo.name} ...", flush=True)
        pairs.append(Pair(rounds=[
            (measure(demo[0].port, on_demo, WARMUP, SECONDS_PER_TARGET),
             measure(year[0].port, on_year, WARMUP, SECONDS_PER_TARGET))
            for _round in range(ROUNDS)], name=on_demo.name))
    return bare_result, pairs


def mixed_requests(server: Server, mix: list[Target], total: int) -> int:
    """Send ``total`` requests going through the targets in turn, from 4 threads; return
    how many failed."""
    counter = iter(range(total))
    lock = threading.Lock()
    failed = [0]

    def client() -> None:
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            target = mix[number % len(mix)]
            try:
                status, _ = send(server.port, target.make_request(number // len(mix)))
            except OSError:
                status = 0
            if status != target.expected_status:
                with lock:
                    failed[0] += 1

    threads = [threading.Thread(target=client) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failed[0]


def worker_memory(server: Server) -> list[float]:
    """Return the resident memory of each of the server's workers, in MiB."""
    sizes = []
    for pid in server.worker_pids():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def print_pairs(bare: Result, pairs: list[Pair], load: str) -> None:
    """Print each page's speed on the demo data and the year, and the ratios."""
    print(f"\nPostgreSQL, {os.cpu_count()} CPUs, load average {load} before and "
          f"{load_average()} after; bare Flask page {bare.per_second:.1f} req/s\n")
    print(f"{'page':<28}{'demo req/s':>11}{'year req/s':>11}{'year/demo':>10}"
          f"{'demo/bare':>10}{'year/bare':>10}{'failed':>8}")
    for pair in pairs:
        demo, year = pair.other_per_second, pair.per_second
        print(f"{pair.name:<28}{demo:>11.1f}{year:>11.1f}{pair.ratio:>10.2f}"
              f"{demo / bare.per_second:>10.3f}{year / bare.per_second:>10.3f}"
              f"{pair.failed:>8}")


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("SCALE_DATABASE_URL")
                        or os.environ.get("TEST_DATABASE_URL"),
                        help="the PostgreSQL server to make the databases on "
                             "(default: SCALE_DATABASE_URL, else TEST_DATABASE_URL)")
    parser.add_argument("--stays", type=int, default=STAYS, help="stays in the year")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--build-only", action="store_true",
                        help="build the year and stop (with --keep, to look at it)")
    parser.add_argument("--requests", type=float, default=REQUEST_SCALE,
                        help="share of bench/run.py's numbers of requests")
    parser.add_argument("--mixed", type=int, default=MIXED_REQUESTS,
                        help="mixed requests before the workers' memory is read")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build both databases, measure every page on both, print the ratios and memory."""
    arguments = parse_arguments(argv)
    if not arguments.database_url:
        print("Set SCALE_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server "
              "(postgresql://user@host:port/name).", file=sys.stderr)
        return 2
    with ExitStack() as stack:
        demo_url = stack.enter_context(
            private_database(arguments.database_url, "demo", arguments.keep))
        started = time.perf_counter()
        build_demo(demo_url)
        year_url = stack.enter_context(
            private_database(arguments.database_url, "year", arguments.keep, copy_of=demo_url))
        print(f"Demo hotel loaded in {time.perf_counter() - started:.1f} s; adding a "
              f"year of {arguments.stays:,} stays to a copy ...", flush=True)
        seconds = add_year(year_url, arguments.stays)
        vacuum = analyze(year_url) + analyze(demo_url)
        print(f"Year built in {seconds:.1f} s (VACUUM ANALYZE {vacuum:.1f} s): " + ", ".join(
            f"{table} {number:,}" for table, number in counts(year_url).items()), flush=True)
        if arguments.build_only:
            return 0
        folder = Path(stack.enter_context(_temporary_folder()))
        bare = stack.enter_context(gunicorn("bench.bare_app", {}, folder / "bare.log"))
        demo = stack.enter_context(gunicorn(
            "wsgi", app_environment(demo_url, folder / "demo-queue.db"), folder / "demo.log"))
        year = stack.enter_context(gunicorn(
            "wsgi", app_environment(year_url, folder / "year-queue.db"), folder / "year.log"))
        demo_targets = all_targets(demo, demo_url, arguments.requests)
        year_targets = all_targets(year, year_url, arguments.requests)
        load = load_average()
        print(f"Measuring (load average {load}) ...", flush=True)
        bare_result, pairs = measure_pairs(bare, (demo, demo_targets), (year, year_targets))
        print_pairs(bare_result, pairs, load)
        before = worker_memory(year)
        failed = mixed_requests(year, year_targets[1:], arguments.mixed)
        after = worker_memory(year)
        print(f"\nMemory of the year's gunicorn workers (RSS): {_mib(before)} after the "
              f"measurements; {_mib(after)} after {arguments.mixed:,} more mixed requests "
              f"({failed} failed); limit {MEMORY_LIMIT_MIB} MiB")
        if failed or any(pair.failed for pair in pairs):
            print(f"\nSome requests failed; the year's log:\n{(folder / 'year.log').read_text()}")
            return 1
    return 0


def _mib(sizes: list[float]) -> str:
    return ", ".join(f"{size:.0f} MiB" for size in sizes)


@contextmanager
def _temporary_folder() -> Iterator[str]:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="hotel-bench-scale-") as folder:
        yield folder


if __name__ == "__main__":
    sys.exit(main())
