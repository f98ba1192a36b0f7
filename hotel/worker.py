"""The worker: Huey runs the delivery of messages and the hotel's timed jobs.

It also posts the webhooks to the property-management system.
``flask --app wsgi worker`` starts it. Its queue is an SQLite file beside the database
for one server, or Redis (``REDIS_URL``) when several servers share the work. The
outbox table, not the queue, is the record of what must be sent: the queue only says
"now", and a sweep every minute finds anything the queue lost.
"""

import logging
from datetime import datetime
from urllib.parse import urlsplit

from flask import Flask
from huey import crontab
from huey.exceptions import RetryTask
from huey.storage import MemoryStorage, RedisStorage, SqliteStorage

from hotel.extensions import queue

logger = logging.getLogger(__name__)
_app: Flask | None = None


class QueueFile(SqliteStorage):
    """Huey's SQLite queue, writing to disk as the application's database does
    (``synchronous=NORMAL`` in WAL mode: a commit survives the process, and the file
    survives a power cut, without waiting for the disk on every task queued).

    Huey offers every commit waiting for the disk, or none at all. The queue is not the
    record of what must be sent (the outbox is, and the sweeps requeue what it lost), so
    it needs no more; waiting for the disk twice per booking cost the booking POST a
    third of its time.
    """

    def _create_connection(self):
        connection = super()._create_connection()
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection


def init_app(app: Flask) -> None:
    """Give the queue the storage QUEUE_URL names, and its tasks this application."""
    global _app
    _app = app
    url, name = app.config["QUEUE_URL"], app.config["QUEUE_NAME"]
    scheme = urlsplit(url).scheme
    if scheme == "memory":
        queue.storage = MemoryStorage(name)
    elif scheme in ("redis", "rediss", "unix"):
        queue.storage = RedisStorage(name, url=url)
    elif scheme == "sqlite":
        queue.storage = QueueFile(name, filename=url.removeprefix("sqlite:///"))
    else:
        raise RuntimeError(f"QUEUE_URL={url!r}: use redis://, sqlite:/// or memory://.")


def _in_app(function, *args):
    if _app is None:
        raise RuntimeError("The worker's application is not set: call worker.init_app().")
    with _app.app_context():
        return function(*args)


@queue.task(context=True)
def deliver_message(message_id: int, task=None) -> str:
    """Send one message by e-mail; a failure is tried again, waiting longer each time."""
    from hotel.services.mail import Delivered, deliver

    outcome, delay = _in_app(deliver, message_id)
    if outcome == Delivered.RETRY:
        raise RetryTask(delay=delay.total_seconds())
    return outcome


@queue.task(context=True)
def deliver_webhook(delivery_id: str, task=None) -> str:
    """Post one event to the PMS; a failure is tried again, waiting longer each time."""
    from hotel.services.webhook_delivery import Outcome, deliver

    outcome, delay = _in_app(deliver, delivery_id)
    if outcome == Outcome.RETRY:
        raise RetryTask(delay=delay.total_seconds())
    return outcome


@queue.periodic_task(crontab(minute="*"))
def sweep_webhooks() -> int:
    """Queue every PMS delivery that is due and that no worker has (e.g. after a restart)."""
    from hotel.services.webhook_delivery import due_delivery_ids

    delivery_ids = _in_app(due_delivery_ids)
    for delivery_id in delivery_ids:
        deliver_webhook(delivery_id)
    return len(delivery_ids)


@queue.periodic_task(crontab(minute="*"))
def sweep_outbox() -> int:
    """Queue every message that is due and that no worker has (e.g. the queue was down)."""
    from hotel.services.mail import due_message_ids

    message_ids = _in_app(due_message_ids)
    for message_id in message_ids:
        deliver_message(message_id)
    return len(message_ids)


def run_timed_jobs(now: datetime | None = None) -> dict[str, int]:
    """Write the reminders, offers and rating invitations that are due at ``now``."""
    from hotel.services import timed_messages

    return {
        "reminders": len(timed_messages.send_reminders(now)),
        "offers": len(timed_messages.send_pre_arrival_offers(now)),
        "rating_invitations": len(timed_messages.send_rating_invitations(now)),
    }


@queue.periodic_task(crontab(minute="*/10"))
def timed_jobs() -> dict[str, int]:
    """Every ten minutes: whatever reminders, offers and invitations have become due."""
    return _in_app(run_timed_jobs)


@queue.periodic_task(crontab(minute="*"))
def expire_waiting() -> int:
    """Every minute: end waiting-list offers that ran out, handing their places on, and
    the entries whose time to book has passed."""
    from hotel.services.waitlist import expire_waiting as expire

    return _in_app(expire)


@queue.periodic_task(crontab(hour="*/6", minute="7"))
def extend_slots() -> int:
    """Keep the recurring slots of activities made for the days ahead."""
    from hotel.services.slots import extend_slots as extend

    return _in_app(extend)


def run(threads: int) -> None:
    """Run the consumer in this process until it is stopped (Ctrl-C or SIGTERM)."""
    from huey.consumer import Consumer

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    Consumer(queue, workers=threads, worker_type="thread", periodic=True,
             check_worker_health=True).run()
