"""Voucher codes: finding a code that is good today, using it once per booking within
its limit, and the manager's list of codes.

A use is taken by one conditional UPDATE of the voucher's counter, inside the booking's
write transaction, so that any number of processes booking at once never use a code
more often than its limit; the database's check on the counter is the last guard.
"""

import re
from datetime import date
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from hotel.clock import hotel_today
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import Service, StaffUser, Voucher, VoucherKind, VoucherUse
from hotel.services import audit
from hotel.services.errors import Conflict, DomainError, Unavailable
from hotel.services.plain_text import text_problem

CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{2,31}$")


def normal_code(code: str | None) -> str:
    """Return a code as it is stored: trimmed, in capitals."""
    return (code or "").strip().upper()


def find_voucher(code: str, services: list[Service], today: date | None = None) -> Voucher:
    """Return the voucher with this code if it is good today for one of the services.

    :raises DomainError: no such code, not valid today, used up, or not for these services.
    """
    problem = text_problem(code or "")
    if problem:
        raise DomainError(problem, "voucher")
    code = normal_code(code)
    voucher = None
    if CODE.match(code):
        voucher = db.session.scalar(select(Voucher).where(Voucher.code == code)
                                    .options(selectinload(Voucher.services)))
    if voucher is None or not voucher.active:
        raise DomainError(_("We do not know this voucher code."), "voucher")
    today = today or hotel_today()
    if (voucher.valid_from and today < voucher.valid_from) or \
            (voucher.valid_until and today > voucher.valid_until):
        raise DomainError(_("This voucher is not valid today."), "voucher")
    if voucher.max_uses is not None and voucher.uses >= voucher.max_uses:
        raise Unavailable(_("This voucher has been used up."), "voucher")
    if not any(voucher.covers(service) for service in services):
        raise DomainError(_("This voucher is not valid for these services."), "voucher")
    return voucher


def _claim_use(voucher_id: int) -> bool:
    """Count one more use of the voucher if its limit allows; tell whether it did."""
    result = db.session.execute(
        update(Voucher)
        .where(Voucher.id == voucher_id, Voucher.active.is_(True),
               (Voucher.max_uses.is_(None)) | (Voucher.uses < Voucher.max_uses))
        .values(uses=Voucher.uses + 1)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def use_voucher(voucher: Voucher, booking_id: int) -> None:
    """Record one use of the voucher by a booking, inside the caller's write transaction.

    :raises Unavailable: its last use was taken meanwhile; the booking must not go through.
    """
    if not _claim_use(voucher.id):
        raise Unavailable(_("This voucher has been used up."), "voucher")
    db.session.add(VoucherUse(voucher_id=voucher.id, booking_id=booking_id))


def check_value(kind: VoucherKind, value: Decimal) -> Decimal:
    """:raises DomainError: the value is not above zero, or a percent is above 100."""
    value = Decimal(value)
    if not value.is_finite() or value <= 0 or value >= Decimal("1e9"):
        raise DomainError(_("Please enter a number greater than zero."), "value")
    if kind == VoucherKind.PERCENT and value > 100:
        raise DomainError(_("Please enter a percentage from 0 to 100."), "value")
    return value.quantize(Decimal("0.01"))


def create_voucher(actor: StaffUser, *, code: str, kind: VoucherKind, value: Decimal,
                   valid_from: date | None, valid_until: date | None, max_uses: int | None,
                   service_ids: list[int]) -> Voucher:
    """Create a voucher code and log it.

    :raises DomainError: a wrong code or dates. :raises Conflict: the code exists.
    """
    code = normal_code(code)
    if not CODE.match(code):
        raise DomainError(_("A code has 3 to 32 letters, digits, - or _."), "code")
    value = check_value(kind, value)
    if valid_from and valid_until and valid_until < valid_from:
        raise DomainError(_("The last day must not be before the first."), "valid_until")
    with write_transaction():
        if db.session.scalar(select(func.count()).where(Voucher.code == code)):
            raise Conflict(_("This code exists already."), "code")
        services = list(db.session.scalars(select(Service).where(Service.id.in_(service_ids))))
        voucher = Voucher(code=code, kind=kind, value=value, valid_from=valid_from,
                          valid_until=valid_until, max_uses=max_uses, uses=0, services=services)
        db.session.add(voucher)
        db.session.flush()
        audit.record("voucher.created", voucher, actor, code=code, kind=kind.value,
                     value=value, max_uses=max_uses)
    return voucher


def set_voucher_active(voucher_id: int, active: bool, actor: StaffUser) -> None:
    """Withdraw a voucher code, or offer it again, and log it."""
    with write_transaction():
        voucher = db.session.get(Voucher, voucher_id)
        if voucher is None:
            raise DomainError(_("We could not find this voucher."), "voucher")
        voucher.active = active
        audit.record("voucher.withdrawn" if not active else "voucher.offered", voucher, actor,
                     code=voucher.code)


def all_vouchers() -> list[Voucher]:
    """Return every voucher, newest first, with its services (two queries)."""
    return list(db.session.scalars(select(Voucher).options(selectinload(Voucher.services))
                                   .order_by(Voucher.created_at.desc(), Voucher.id.desc())))
