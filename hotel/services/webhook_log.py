"""The desk's log of webhooks to the PMS: deliveries newest first with their last answer,
one delivery with every try, sending one again, and where webhooks go (managers)."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import DeliveryState, PmsDelivery, PmsSetting, StaffUser
from hotel.models.types import utcnow
from hotel.services import audit
from hotel.services.errors import DomainError, NotAllowed, NotFound
from hotel.services.webhooks import pms_address, retry_period

PAGE_SIZE = 25


@dataclass
class DeliveryPage:
    """One page of the log, and where it is among the others."""

    deliveries: list[PmsDelivery]
    total: int
    page: int
    pages: int


def delivery_page(state: DeliveryState | None = None, event: str = "", page: int = 1,
                  page_size: int = PAGE_SIZE) -> DeliveryPage:
    """Return a page of deliveries, newest first, each with its tries (three queries)."""
    query = select(PmsDelivery)
    if state is not None:
        query = query.where(PmsDelivery.state == state)
    if event:
        query = query.where(PmsDelivery.event == event)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max((total + page_size - 1) // page_size, 1)
    page = min(max(page, 1), pages)
    deliveries = list(db.session.scalars(
        query.options(selectinload(PmsDelivery.tries))
        .order_by(PmsDelivery.id.desc()).limit(page_size).offset((page - 1) * page_size)))
    return DeliveryPage(deliveries, total, page, pages)


def delivery(delivery_id: int) -> PmsDelivery:
    """Return one delivery with its tries.

    :raises NotFound: there is no such delivery.
    """
    found = db.session.scalar(select(PmsDelivery).where(PmsDelivery.id == delivery_id)
                              .options(selectinload(PmsDelivery.tries)))
    if found is None:
        raise NotFound(_("There is no such delivery."))
    return found


def send_again(delivery_id: int, actor: StaffUser) -> PmsDelivery:
    """Put a delivery back in line with the same body and id (the PMS can tell it is the
    same event), to be tried for another day, and queue it.

    :raises NotFound: there is no such delivery.
    :raises NotAllowed: it is on its way already, or no PMS address is set.
    """
    if not pms_address()[0]:
        raise NotAllowed(_("No PMS address is set, so nothing can be sent."))
    with write_transaction():
        found = db.session.get(PmsDelivery, delivery_id, with_for_update=True)
        if found is None:
            raise NotFound(_("There is no such delivery."))
        if found.state in (DeliveryState.WAITING, DeliveryState.SENDING):
            raise NotAllowed(_("This delivery is on its way already."))
        found.state, found.next_attempt_at = DeliveryState.WAITING, None
        found.give_up_at = utcnow() + retry_period()
        audit.record("webhook.sent_again", found, actor, event=found.event,
                     delivery=found.delivery_id)
        public_id = found.delivery_id
    from hotel.worker import deliver_webhook

    deliver_webhook(public_id)
    return found


def check_address(url: str) -> None:
    """:raises DomainError: the URL is not an http(s) address of a host."""
    parts = urlsplit(url)
    if url and (parts.scheme not in ("http", "https") or not parts.hostname):
        raise DomainError(_("Please give an address that starts with https:// or http://."),
                          "url")


def save_address(url: str, secret: str, actor: StaffUser) -> PmsSetting:
    """Set where webhooks go, instead of the environment's settings; an empty secret
    keeps the one set before, an empty URL stops sending.

    :raises DomainError: the URL is not an http(s) address, or there is no secret.
    """
    url = url.strip()
    check_address(url)
    with write_transaction():
        setting = db.session.get(PmsSetting, 1, with_for_update=True)
        if setting is None:
            setting = PmsSetting(id=1, url="", secret="")
            db.session.add(setting)
        secret = secret or setting.secret
        if url and not secret:
            raise DomainError(_("Please give the secret the PMS checks signatures with."),
                              "secret")
        setting.url, setting.secret = url, secret
        setting.updated_at, setting.updated_by = utcnow(), actor
        audit.record("webhook.address_set", setting, actor, url=url or None)
    return setting


def current_setting() -> tuple[PmsSetting | None, str, bool]:
    """Return the managers' setting (or None), the URL in use, and whether a secret is."""
    setting = db.session.get(PmsSetting, 1)
    url, secret = pms_address()
    return setting, url, bool(secret)
